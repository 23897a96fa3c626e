import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { ADMIN_PASSWORD, TestEnv, USER_PASSWORD } from '../../test-support/env.js';

describe.each(testDialects)('accounts, sessions and passwords on %s', (dialect) => {
  let env: TestEnv;
  let rootId: number;
  /** A node below the root: the root's administrator grants sensitive roles there, not at the root itself. */
  let cityId: number;
  beforeAll(async () => {
    env = await TestEnv.create(dialect, { BANGFU_SESSION_IDLE_MINUTES: '30' });
    rootId = (await env.root()).id;
    cityId = (await env.org(rootId, '示范市总工会', 'city', '440200')).id;
  });
  afterAll(() => env.close());

  it('signs in with an HttpOnly SameSite=Strict cookie, and out again', async () => {
    const c = env.client();
    const res = await c.post('/api/v1/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(res.status).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly/);
    expect(String(res.headers['set-cookie'])).toMatch(/SameSite=Strict/);
    expect(res.body).toMatchObject({ username: 'admin', roles: ['admin'], orgId: rootId });
    expect(res.body.permissions).toContain('user.write');
    expect((await c.get('/api/v1/auth/me')).status).toBe(200);
    await c.post('/api/v1/auth/logout');
    const after = await env.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: c.cookie ?? '' } });
    expect(after.statusCode).toBe(401);
  });

  it('stores only the argon2id hash of passwords and of session tokens', async () => {
    const u = await env.ctx.db
      .selectFrom('app_user')
      .select('password_hash')
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    expect(u.password_hash).toMatch(/^\$argon2id\$/);
    const c = await env.loginAdmin();
    const token = c.cookie?.split('=')[1] ?? '';
    const raw = await env.ctx.db.selectFrom('session').select('id').where('id', '=', token).executeTakeFirst();
    expect(raw).toBeUndefined();
  });

  it('refuses requests without a session with AUTH_REQUIRED in Chinese and English', async () => {
    const res = await env.client().get('/api/v1/orgs/root');
    expect(res.status).toBe(401);
    expect(res.body.error).toEqual({ code: 'AUTH_REQUIRED', message: '请先登录', messageEn: 'Please sign in' });
  });

  it('locks an account for 15 minutes after 5 failed sign-ins, without saying so to the guesser', async () => {
    await env.user('lock-me', rootId, ['reviewer']);
    const c = env.client();
    for (let i = 1; i <= 5; i++) {
      const r = await c.post('/api/v1/auth/login', { username: 'lock-me', password: 'wrong-pass-1' });
      expect(r.status).toBe(401);
      expect(r.body.error.code).toBe('AUTH_INVALID_CREDENTIALS');
      expect(r.body.error.details).toBeUndefined();
    }
    // Even the right password is refused while locked, with the same answer.
    const right = await c.post('/api/v1/auth/login', { username: 'lock-me', password: USER_PASSWORD });
    expect(right.body.error.code).toBe('AUTH_INVALID_CREDENTIALS');
    env.ctx.clock.advance(14 * 60_000);
    expect((await c.post('/api/v1/auth/login', { username: 'lock-me', password: USER_PASSWORD })).status).toBe(401);
    env.ctx.clock.advance(2 * 60_000);
    const ok = await c.post('/api/v1/auth/login', { username: 'lock-me', password: USER_PASSWORD });
    expect(ok.status).toBe(200);
    expect(ok.body.lockoutNotice).toEqual(expect.any(String));
    env.ctx.clock.reset();
    const audit = await (await env.loginAdmin()).get('/api/v1/audit?action=auth.locked');
    expect(audit.body.total).toBe(1);
  });

  it('ends a session after the idle timeout but not while it is used', async () => {
    const c = await env.loginAdmin();
    env.ctx.clock.advance(20 * 60_000);
    expect((await c.get('/api/v1/auth/me')).status).toBe(200);
    env.ctx.clock.advance(20 * 60_000);
    expect((await c.get('/api/v1/auth/me')).status).toBe(200);
    // Expiry allows a tenth of the timeout (the granularity of last_seen_at): 30 + 3 minutes.
    env.ctx.clock.advance(34 * 60_000);
    const expired = await c.get('/api/v1/auth/me');
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('AUTH_SESSION_EXPIRED');
    env.ctx.clock.reset();
  });

  it('forces a new user to change the initial password under the password policy', async () => {
    const admin = await env.loginAdmin();
    const created = await admin.post('/api/v1/users', {
      username: 'new-clerk',
      displayName: '新建档员',
      orgId: cityId,
      roles: ['intake_clerk'],
      password: 'Initial-2026',
    });
    expect(created.status).toBe(201);
    const c = await env.login('new-clerk', 'Initial-2026');
    expect((await c.get('/api/v1/auth/me')).body.mustChangePassword).toBe(true);
    expect((await c.get('/api/v1/orgs/root')).body.error.code).toBe('AUTH_MUST_CHANGE_PASSWORD');
    const weak = await c.post('/api/v1/auth/password', { currentPassword: 'Initial-2026', newPassword: 'abcdefgh' });
    expect(weak.body.error.code).toBe('AUTH_WEAK_PASSWORD');
    for (const common of ['password1', 'Admin123', 'Password2026', 'Qwerty2026!x']) {
      const r = await c.post('/api/v1/auth/password', { currentPassword: 'Initial-2026', newPassword: common });
      expect(r.body.error.code, common).toBe('AUTH_WEAK_PASSWORD');
    }
    const withName = await c.post('/api/v1/auth/password', {
      currentPassword: 'Initial-2026',
      newPassword: 'new-clerk-99',
    });
    expect(withName.body.error.details.problems).toContain('contains_username');
    const wrong = await c.post('/api/v1/auth/password', { currentPassword: 'nope', newPassword: 'Better-pass-77' });
    expect(wrong.body.error.code).toBe('AUTH_WRONG_PASSWORD');
    const ok = await c.post('/api/v1/auth/password', {
      currentPassword: 'Initial-2026',
      newPassword: 'Better-pass-77',
    });
    expect(ok.status).toBe(200);
    expect((await c.get('/api/v1/orgs/root')).status).toBe(200);
  });

  it('lets an administrator reset a password: old sessions end, lockout clears, change is forced', async () => {
    const u = await env.user('reset-me', cityId, ['finance']);
    const c = await env.login('reset-me');
    const admin = await env.loginAdmin();
    const r = await admin.post(`/api/v1/users/${u.id}/reset-password`, { newPassword: 'Reset-pass-2026' });
    expect(r.status).toBe(200);
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
    expect(
      (await env.client().post('/api/v1/auth/login', { username: 'reset-me', password: USER_PASSWORD })).status,
    ).toBe(401);
    const again = await env.login('reset-me', 'Reset-pass-2026');
    expect((await again.get('/api/v1/auth/me')).body.mustChangePassword).toBe(true);
  });

  it('keeps a user’s sessions when an edit leaves their roles unchanged', async () => {
    const u = await env.user('same-roles', cityId, ['reviewer']);
    const c = await env.login('same-roles');
    const admin = await env.loginAdmin();
    await admin.patch(`/api/v1/users/${u.id}`, { roles: ['reviewer'], displayName: '改名' });
    expect((await c.get('/api/v1/auth/me')).status).toBe(200);
    await admin.patch(`/api/v1/users/${u.id}`, { roles: ['reviewer', 'auditor'] });
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('refuses a disabled account and ends its sessions', async () => {
    const u = await env.user('disable-me', cityId, ['auditor']);
    const c = await env.login('disable-me');
    const admin = await env.loginAdmin();
    await admin.patch(`/api/v1/users/${u.id}`, { status: 'disabled' });
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
    const r = await env.client().post('/api/v1/auth/login', { username: 'disable-me', password: USER_PASSWORD });
    expect(r.body.error.code).toBe('AUTH_DISABLED');
  });

  it('checks roles: an auditor reads but cannot write, a clerk cannot manage users', async () => {
    await env.user('aud', rootId, ['auditor']);
    await env.user('clerk', rootId, ['intake_clerk']);
    const aud = await env.login('aud');
    expect((await aud.get('/api/v1/users')).status).toBe(200);
    expect((await aud.get('/api/v1/audit')).status).toBe(200);
    const w = await aud.post('/api/v1/orgs', { parentId: rootId, name: 'x', type: 'city' });
    expect(w.status).toBe(403);
    expect(w.body.error.code).toBe('FORBIDDEN');
    const clerk = await env.login('clerk');
    expect((await clerk.get('/api/v1/users')).status).toBe(403);
    expect((await clerk.get('/api/v1/audit')).status).toBe(403);
  });

  it('keeps an administrator from locking themselves out', async () => {
    const admin = await env.loginAdmin();
    const me = (await admin.get('/api/v1/auth/me')).body;
    const r = await admin.patch(`/api/v1/users/${me.id}`, { roles: ['auditor'] });
    expect(r.body.error.code).toBe('USER_SELF_LOCKOUT');
  });
});
