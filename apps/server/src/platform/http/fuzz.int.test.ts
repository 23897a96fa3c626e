import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv } from '../../test-support/env.js';

/** Whatever a client sends, the answer is never a 500: bad input is a 4xx with a catalogued code. */
describe.each(testDialects)('fuzzed input on %s', (dialect) => {
  let env: TestEnv;
  let admin: Client & { cookie?: string };
  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    admin = await env.loginAdmin();
  });
  afterAll(() => env.close());

  const writes: [string, string][] = [
    ['POST', '/api/v1/orgs'],
    ['PATCH', '/api/v1/orgs/1'],
    ['POST', '/api/v1/orgs/1/move'],
    ['POST', '/api/v1/users'],
    ['PATCH', '/api/v1/users/1'],
    ['POST', '/api/v1/users/1/reset-password'],
    ['POST', '/api/v1/auth/login'],
    ['POST', '/api/v1/auth/password'],
  ];
  const reads = ['/api/v1/orgs', '/api/v1/users', '/api/v1/audit', '/api/v1/orgs/1', '/api/v1/users/1'];

  it('answers random JSON bodies with 2xx/4xx and a stable error shape', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writes), fc.jsonValue({ maxDepth: 3 }), async ([method, url], body) => {
        const res = await env.app.inject({
          method: method as 'POST' | 'PATCH',
          url,
          headers: { cookie: admin.cookie ?? '', 'content-type': 'application/json' },
          payload: JSON.stringify(body),
        });
        expect(res.statusCode, `${method} ${url} ${JSON.stringify(body)} → ${res.body}`).toBeLessThan(500);
        if (res.statusCode >= 400) expect(res.json().error.code).toMatch(/^[A-Z_]+$/);
      }),
      { numRuns: 150 },
    );
  });

  it('answers random query strings and ids with 2xx/4xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...reads),
        fc.dictionary(
          fc.constantFrom(
            'q',
            'limit',
            'offset',
            'parentId',
            'orgId',
            'role',
            'status',
            'type',
            'from',
            'to',
            'actorId',
            'action',
          ),
          fc.string({ maxLength: 20 }),
        ),
        async (path, query) => {
          const qs = new URLSearchParams(query).toString();
          const res = await env.app.inject({
            method: 'GET',
            url: `${path}?${qs}`,
            headers: { cookie: admin.cookie ?? '' },
          });
          expect(res.statusCode, `${path}?${qs} → ${res.body}`).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
  });
});
