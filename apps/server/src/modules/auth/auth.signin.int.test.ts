import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Res, TestEnv, USER_PASSWORD } from '../../test-support/env.js';
import { race, tally } from '../../test-support/race.js';

/** Issue 8, item 5: lockout counted atomically, one answer for every refusal, rate limits, idle granularity. */
describe.each(testDialects)('sign-in under attack on %s', (dialect) => {
  let env: TestEnv;
  let rootId: number;
  beforeAll(async () => {
    env = await TestEnv.create(dialect, {
      BANGFU_SESSION_IDLE_MINUTES: '1',
      BANGFU_LOGIN_MAX_PER_IP: '1000',
      BANGFU_LOGIN_MAX_PER_ACCOUNT: '1000',
    });
    rootId = (await env.root()).id;
  });
  afterAll(() => env.close());

  const attempt = async (username: string, password: string, ip = '127.0.0.1'): Promise<Res> => {
    const r = await env.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
      remoteAddress: ip,
    });
    return { status: r.statusCode, body: r.json(), text: r.body, headers: r.headers };
  };
  /** Passwords actually checked against the account's hash: every failure and success is audited once. */
  const verifications = async (userId: number) =>
    (
      await env.ctx.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_type', '=', 'user')
        .where('entity_id', '=', String(userId) as never)
        .where('action', 'in', ['auth.login_failed', 'auth.locked', 'auth.login'])
        .execute()
    ).length;

  it('30 parallel guesses check at most 5 passwords; the right one after the lock is refused', async () => {
    const u = await env.user('race-me', rootId, ['reviewer']);
    const results = await race(30, (i) => attempt('race-me', i === 27 ? USER_PASSWORD : `Wrong-guess-${i}x`));
    expect(await verifications(u.id)).toBeLessThanOrEqual(5);
    const won = results.filter((r) => r.status === 200).length;
    // The right password wins only if it was among the 5 attempts that were checked at all.
    expect(won).toBeLessThanOrEqual(1);
    if (won === 0) {
      expect(tally(results)).toEqual({ 401: 30 });
      const after = await attempt('race-me', USER_PASSWORD);
      expect(after.status).toBe(401);
      expect(after.body.error.code).toBe('AUTH_INVALID_CREDENTIALS');
      expect(await verifications(u.id)).toBeLessThanOrEqual(5);
    }
    // A clean run: 30 wrong guesses at once, then the right password.
    const v = await env.user('race-me-2', rootId, ['reviewer']);
    const wrong = await race(30, (i) => attempt('race-me-2', `Wrong-guess-${i}x`));
    expect(tally(wrong)).toEqual({ 401: 30 });
    expect(await verifications(v.id)).toBe(5);
    expect((await attempt('race-me-2', USER_PASSWORD)).status).toBe(401);
    expect(await verifications(v.id)).toBe(5);
    const locked = await env.ctx.db
      .selectFrom('app_user')
      .select('locked_until')
      .where('id', '=', v.id)
      .executeTakeFirst();
    expect(locked?.locked_until).not.toBeNull();
    // When the lock has run out the right password signs in, and the user is told about the lock once.
    env.ctx.clock.advance(16 * 60_000);
    const ok = await attempt('race-me-2', USER_PASSWORD);
    expect(ok.status).toBe(200);
    expect(ok.body.lockoutNotice).toEqual(expect.any(String));
    env.ctx.clock.advance(60_000);
    expect((await attempt('race-me-2', USER_PASSWORD)).body.lockoutNotice).toBeNull();
    env.ctx.clock.reset();
  });

  it('answers an unknown user, a wrong password and a locked account the same way', async () => {
    await env.user('same-answer', rootId, ['auditor']);
    await env.user('locked-answer', rootId, ['auditor']);
    for (let i = 0; i < 5; i++) await attempt('locked-answer', `Wrong-guess-${i}x`);
    const unknown = await attempt('nobody-here', 'Wrong-guess-0x');
    const wrong = await attempt('same-answer', 'Wrong-guess-0x');
    const lockedWrong = await attempt('locked-answer', 'Wrong-guess-0x');
    const lockedRight = await attempt('locked-answer', USER_PASSWORD);
    for (const r of [wrong, lockedWrong, lockedRight]) {
      expect(r.status).toBe(unknown.status);
      expect(r.text).toBe(unknown.text);
    }
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(unknown.body.error.details).toBeUndefined();
    // The administrator sees the lock.
    const admin = await env.loginAdmin();
    const list = await admin.get('/api/v1/users?q=locked-answer');
    expect(list.body.items[0].locked).toBe(true);
  });

  it('keeps an active session alive with a short idle timeout, and ends an idle one', async () => {
    const c = await env.loginAdmin();
    // Idle timeout 1 minute: a request every 50 s keeps the session (it used to be touched once a minute).
    for (let i = 0; i < 4; i++) {
      env.ctx.clock.advance(50_000);
      expect((await c.get('/api/v1/auth/me')).status).toBe(200);
    }
    env.ctx.clock.advance(67_000);
    const expired = await c.get('/api/v1/auth/me');
    expect(expired.body.error.code).toBe('AUTH_SESSION_EXPIRED');
    env.ctx.clock.reset();
  });
});

describe.each(testDialects)('sign-in rate limits on %s', (dialect) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await TestEnv.create(dialect, { BANGFU_LOGIN_MAX_PER_IP: '8', BANGFU_LOGIN_MAX_PER_ACCOUNT: '4' });
  });
  afterAll(() => env.close());

  const attempt = (username: string, password: string, ip: string) =>
    env.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: ip });

  it('limits attempts per username (known or not) and per address, and forgets them after the window', async () => {
    for (let i = 0; i < 4; i++) expect((await attempt('ghost', 'Wrong-guess-1x', `10.0.0.${i}`)).statusCode).toBe(401);
    const fifth = await attempt('ghost', 'Wrong-guess-1x', '10.0.0.9');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().error.code).toBe('RATE_LIMITED');
    // Per address: 8 failures from one address, whatever the usernames.
    for (let i = 0; i < 8; i++) expect((await attempt(`user${i}`, 'Wrong-guess-1x', '10.1.1.1')).statusCode).toBe(401);
    expect((await attempt('admin', 'Wrong-guess-1x', '10.1.1.1')).statusCode).toBe(429);
    // X-Forwarded-For is not trusted unless BANGFU_TRUST_PROXY says so.
    const spoofed = await env.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: 'Wrong-guess-1x' },
      remoteAddress: '10.1.1.1',
      headers: { 'x-forwarded-for': '203.0.113.7' },
    });
    expect(spoofed.statusCode).toBe(429);
    // Successful sign-ins do not count; after the window the address may try again.
    env.ctx.clock.advance(16 * 60_000);
    expect((await attempt('admin', 'Wrong-guess-1x', '10.1.1.1')).statusCode).toBe(401);
    env.ctx.clock.reset();
  });
});
