import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { TestEnv } from '../../test-support/env.js';

describe.each(testDialects)('test-mode clock route on %s', (dialect) => {
  let env: TestEnv | undefined;
  afterEach(async () => {
    await env?.close();
    env = undefined;
  });

  it('does not exist unless BANGFU_TEST_MODE=1', async () => {
    env = await TestEnv.create(dialect);
    const res = await env.app.inject({ method: 'POST', url: '/api/test/clock', payload: { advanceMs: 1000 } });
    expect(res.statusCode).toBe(404);
    expect(env.ctx.clock.now().getTime()).toBeLessThan(Date.now() + 500);
  });

  it('moves the server clock forward in test mode', async () => {
    env = await TestEnv.create(dialect, { BANGFU_TEST_MODE: '1' });
    const day = 86_400_000;
    const res = await env.app.inject({ method: 'POST', url: '/api/test/clock', payload: { advanceMs: 8 * day } });
    expect(res.statusCode).toBe(200);
    const moved = new Date(res.json().time).getTime();
    expect(moved - Date.now()).toBeGreaterThan(8 * day - 60_000);
    const bad = await env.app.inject({ method: 'POST', url: '/api/test/clock', payload: { advanceMs: -5 } });
    expect(bad.statusCode).toBe(400);
  });

  it('sets the server clock to an instant in test mode; today is the Beijing date', async () => {
    env = await TestEnv.create(dialect, { BANGFU_TEST_MODE: '1' });
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/test/clock',
      payload: { at: '2026-12-31T17:00:00Z' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().time.slice(0, 16)).toBe('2026-12-31T17:00');
    expect(res.json().today).toBe('2027-01-01');
    const neither = await env.app.inject({ method: 'POST', url: '/api/test/clock', payload: {} });
    expect(neither.statusCode).toBe(400);
    const both = await env.app.inject({
      method: 'POST',
      url: '/api/test/clock',
      payload: { advanceMs: 1, at: '2026-12-31T17:00:00Z' },
    });
    expect(both.statusCode).toBe(400);
  });
});
