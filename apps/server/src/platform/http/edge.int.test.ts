import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { ADMIN_PASSWORD, TestEnv } from '../../test-support/env.js';

/** The HTTP edge: whose address lands in the audit log, and which browser pages may write. */
describe.each(testDialects)('the HTTP edge on %s', (dialect) => {
  const envs: TestEnv[] = [];
  afterAll(async () => {
    for (const e of envs) await e.close();
  });
  const make = async (env: Record<string, string> = {}) => {
    const e = await TestEnv.create(dialect, env);
    envs.push(e);
    return e;
  };
  const loginIp = async (env: TestEnv, headers: Record<string, string>) => {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '192.0.2.10',
      headers,
      payload: { username: 'admin', password: ADMIN_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const row = await env.ctx.db
      .selectFrom('audit_log')
      .select(['ip', 'action'])
      .where('action', 'like', 'auth.login%')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    return row.ip;
  };

  it('records the peer address, not a forged X-Forwarded-For, unless BANGFU_TRUST_PROXY names the proxy', async () => {
    const plain = await make();
    expect(await loginIp(plain, { 'x-forwarded-for': '203.0.113.66' })).toBe('192.0.2.10');
    const behindProxy = await make({ BANGFU_TRUST_PROXY: '192.0.2.0/24' });
    expect(await loginIp(behindProxy, { 'x-forwarded-for': '203.0.113.66' })).toBe('203.0.113.66');
    const otherProxy = await make({ BANGFU_TRUST_PROXY: '10.0.0.1' });
    expect(await loginIp(otherProxy, { 'x-forwarded-for': '203.0.113.66' })).toBe('192.0.2.10');
    const oneHop = await make({ BANGFU_TRUST_PROXY: '1' });
    expect(await loginIp(oneHop, { 'x-forwarded-for': '198.51.100.1, 203.0.113.66' })).toBe('203.0.113.66');
  });

  describe('cookie-authenticated writes check where the page came from', () => {
    let env: TestEnv;
    let cookie: string;
    let rootId: number;
    let n = 0;
    beforeAll(async () => {
      env = await make({ BANGFU_ALLOWED_ORIGINS: 'https://bangfu.example.org' });
      const c = await env.loginAdmin();
      cookie = c.cookie as string;
      rootId = (await env.root()).id;
    });
    const createOrg = async (headers: Record<string, string>) => {
      const name = `测试市${++n}总工会`;
      const res = await env.app.inject({
        method: 'POST',
        url: '/api/v1/orgs',
        headers: { cookie, host: 'bangfu.local:3000', ...headers },
        payload: { parentId: rootId, name, type: 'city' },
      });
      const stored = await env.ctx.db.selectFrom('org_node').select('id').where('name', '=', name).executeTakeFirst();
      return { status: res.statusCode, code: res.json().error?.code, stored: !!stored };
    };

    it.each([
      [{ origin: 'https://evil.example' }],
      [{ origin: 'null' }],
      [{ origin: 'http://bangfu.local:3001' }],
      [{ 'sec-fetch-site': 'cross-site' }],
      [{ 'sec-fetch-site': 'same-site' }],
      [{ referer: 'https://evil.example/page' }],
    ])('refuses a cross-site write %j with 403 ORIGIN_REFUSED and changes nothing', async (headers) => {
      expect(await createOrg(headers)).toEqual({ status: 403, code: 'ORIGIN_REFUSED', stored: false });
    });

    it.each([
      [{ origin: 'http://bangfu.local:3000' }],
      [{ origin: 'https://bangfu.example.org' }],
      [{ 'sec-fetch-site': 'same-origin' }],
      [{ referer: 'http://bangfu.local:3000/archive' }],
      [{}],
    ])('lets a same-origin, allowed or non-browser write %j through', async (headers) => {
      expect(await createOrg(headers)).toMatchObject({ status: 201, stored: true });
    });

    it('refuses a cross-site sign-in (login CSRF) but not a cross-site read', async () => {
      const login = await env.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { origin: 'https://evil.example' },
        payload: { username: 'admin', password: ADMIN_PASSWORD },
      });
      expect(login.statusCode).toBe(403);
      const read = await env.app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { cookie, origin: 'https://evil.example' },
      });
      expect(read.statusCode).toBe(200);
    });
  });
});
