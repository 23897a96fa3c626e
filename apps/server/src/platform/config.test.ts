import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('defaults to the embedded SQLite file under ./data', () => {
    const c = loadConfig({}, '/srv/bangfu');
    expect(c.database).toEqual({
      dialect: 'sqlite',
      url: './data/bangfu.sqlite',
      file: '/srv/bangfu/data/bangfu.sqlite',
    });
    expect(c.port).toBe(3000);
    expect(c.secret).toBeUndefined();
    expect(c.secretFile).toBe('/srv/bangfu/data/bangfu.secret');
  });

  it('recognises a PostgreSQL URL', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/bangfu' });
    expect(c.database.dialect).toBe('postgres');
  });

  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ DATABASE_URL: 'http://x' }, /DATABASE_URL/],
    [{ BANGFU_SECRET: 'short' }, /BANGFU_SECRET .*32/],
    [{ BANGFU_ADMIN_PASSWORD: '123' }, /BANGFU_ADMIN_PASSWORD/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ NODE_ENV: 'production' }, /BANGFU_SECRET is required/],
  ])('stops on %j with one line naming the variable', (env, pattern) => {
    expect(() => loadConfig(env as NodeJS.ProcessEnv)).toThrow(ConfigError);
    try {
      loadConfig(env as NodeJS.ProcessEnv);
    } catch (e) {
      expect((e as Error).message).toMatch(pattern);
      expect((e as Error).message).not.toContain('\n');
    }
  });
});
