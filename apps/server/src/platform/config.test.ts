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
    [{ BANGFU_TRUST_PROXY: 'true' }, /BANGFU_TRUST_PROXY/],
    [{ BANGFU_TRUST_PROXY: '10.0.0.0/33' }, /BANGFU_TRUST_PROXY/],
    [{ BANGFU_TRUST_PROXY: 'proxy.example' }, /BANGFU_TRUST_PROXY/],
    [{ BANGFU_ALLOWED_ORIGINS: 'bangfu.example.org' }, /BANGFU_ALLOWED_ORIGINS/],
    [{ BANGFU_ALLOWED_ORIGINS: 'https://bangfu.example.org/app' }, /BANGFU_ALLOWED_ORIGINS/],
    [{ BANGFU_AUDIT_KEY: 'short' }, /BANGFU_AUDIT_KEY .*32/],
  ])('stops on %j with one line naming the variable', (env, pattern) => {
    expect(() => loadConfig(env as NodeJS.ProcessEnv)).toThrow(ConfigError);
    try {
      loadConfig(env as NodeJS.ProcessEnv);
    } catch (e) {
      expect((e as Error).message).toMatch(pattern);
      expect((e as Error).message).not.toContain('\n');
    }
  });

  it('trusts no proxy unless BANGFU_TRUST_PROXY names one (addresses/CIDRs or a hop count)', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ BANGFU_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8, ::1' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
    ]);
    expect(loadConfig({ BANGFU_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ BANGFU_ALLOWED_ORIGINS: 'https://a.example, http://b.example:8080' }).allowedOrigins).toEqual([
      'https://a.example',
      'http://b.example:8080',
    ]);
  });

  it('takes the audit checkpoint key from BANGFU_AUDIT_KEY or BANGFU_AUDIT_KEY_FILE', () => {
    expect(loadConfig({}).auditKey).toBeUndefined();
    expect(loadConfig({ BANGFU_AUDIT_KEY: 'k'.repeat(32) }).auditKey).toEqual({ value: 'k'.repeat(32) });
    expect(loadConfig({ BANGFU_AUDIT_KEY_FILE: 'keys/audit.key' }, '/etc/bangfu').auditKey).toEqual({
      file: '/etc/bangfu/keys/audit.key',
    });
  });
});
