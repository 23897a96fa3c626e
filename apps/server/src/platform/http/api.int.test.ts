import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { TestEnv } from '../../test-support/env.js';
import { migrations } from '../db/migrate.js';

describe.each(testDialects)('the HTTP API on %s', (dialect) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await TestEnv.create(dialect);
  });
  afterAll(() => env.close());

  it('answers /api/health with status, dialect and migration version', async () => {
    const r = await env.client().get('/api/health');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      status: 'ok',
      database: { dialect, ok: true, migration: Object.keys(migrations).at(-1) },
    });
  });

  it('publishes an OpenAPI document listing the endpoints', async () => {
    const r = await env.client().get('/api/openapi.json');
    expect(r.body.openapi).toMatch(/^3\./);
    const paths = Object.keys(r.body.paths);
    for (const p of [
      '/api/health',
      '/api/v1/auth/login',
      '/api/v1/orgs',
      '/api/v1/orgs/{id}/move',
      '/api/v1/users',
      '/api/v1/audit',
    ])
      expect(paths).toContain(p);
    expect(r.body.paths['/api/v1/orgs'].post.requestBody.content['application/json'].schema.properties).toHaveProperty(
      'divisionCode',
    );
  });

  it('turns bad input into 4xx with a stable code and both languages, never a 500', async () => {
    const admin = await env.loginAdmin();
    const cases: [string, string, unknown, number, string][] = [
      ['POST', '/api/v1/orgs', { parentId: 'x', name: '' }, 400, 'VALIDATION_FAILED'],
      ['POST', '/api/v1/orgs', { parentId: 1, name: 'a'.repeat(101), type: 'city' }, 400, 'VALIDATION_FAILED'],
      [
        'POST',
        '/api/v1/orgs',
        { parentId: 1, name: '某省', type: 'province', divisionCode: '12' },
        400,
        'VALIDATION_FAILED',
      ],
      ['GET', '/api/v1/orgs/abc', undefined, 400, 'VALIDATION_FAILED'],
      ['GET', '/api/v1/orgs/999999', undefined, 404, 'ORG_NOT_FOUND'],
      ['GET', '/api/v1/orgs?limit=100000', undefined, 400, 'VALIDATION_FAILED'],
      ['GET', '/api/v1/nothing-here', undefined, 404, 'NOT_FOUND'],
      ['PATCH', '/api/v1/orgs/1', {}, 400, 'VALIDATION_FAILED'],
      [
        'POST',
        '/api/v1/users',
        { username: 'a b', displayName: 'x', orgId: 1, roles: ['boss'], password: 'x' },
        400,
        'VALIDATION_FAILED',
      ],
      ['GET', '/api/v1/audit?from=yesterday', undefined, 400, 'VALIDATION_FAILED'],
    ];
    for (const [method, url, body, status, code] of cases) {
      const r =
        method === 'GET'
          ? await admin.get(url)
          : method === 'POST'
            ? await admin.post(url, body)
            : await admin.patch(url, body);
      expect([url, r.status, r.body?.error?.code]).toEqual([url, status, code]);
      expect(r.body.error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(r.body.error.messageEn).toMatch(/[a-z]/);
    }
  });

  it('refuses malformed JSON and wrong content types', async () => {
    const c = await env.loginAdmin();
    const headers = { cookie: c.cookie ?? '', 'content-type': 'application/json' };
    const bad = await env.app.inject({ method: 'POST', url: '/api/v1/orgs', headers, payload: '{"parentId":' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('BAD_JSON');
    const xml = await env.app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      headers: { ...headers, 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expect(xml.statusCode).toBe(415);
    expect(xml.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('sends security headers', async () => {
    const r = await env.client().get('/api/health');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(String(r.headers['content-security-policy'])).toContain("default-src 'self'");
  });
});
