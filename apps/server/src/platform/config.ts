import path from 'node:path';
import { z } from 'zod';

/**
 * The one place the environment is read. Wrong or missing values stop the boot with one line
 * naming the variable and the reason.
 */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .min(1)
    .default('./data/bangfu.sqlite')
    .refine((v) => !/^(mysql|mariadb|mongodb|redis):/i.test(v), {
      message: 'must be a SQLite file path or a postgres:// URL',
    }),
  BANGFU_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters (sessions and encryption keys derive from it)')
    .optional(),
  /** Former secrets, comma-separated, still accepted for reading data encrypted before a rotation. */
  BANGFU_OLD_SECRETS: z.string().optional(),
  BANGFU_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  BANGFU_ROOT_NAME: z.string().trim().min(1).max(100).default('中华全国总工会'),
  BANGFU_ROOT_TYPE: z
    .enum(['national', 'province', 'city', 'county', 'street', 'enterprise', 'community', 'station'])
    .default('national'),
  BANGFU_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  BANGFU_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /** Sign-in attempts not followed by success, per client address and per username, in a 15-minute window. */
  BANGFU_LOGIN_MAX_PER_IP: z.coerce.number().int().min(1).max(100_000).default(30),
  BANGFU_LOGIN_MAX_PER_ACCOUNT: z.coerce.number().int().min(1).max(100_000).default(10),
  /** Trust X-Forwarded-For only from proxies named here (comma-separated IPs/CIDRs), or from any with 'true'. */
  BANGFU_TRUST_PROXY: z.string().trim().optional(),
  BANGFU_WEB_DIST: z.string().optional(),
  BANGFU_SECURE_COOKIES: z.enum(['true', 'false', 'auto']).default('auto'),
  /** Allows the test-only clock endpoint. Never set in production. */
  BANGFU_TEST_MODE: z.enum(['0', '1']).default('0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
});

export type Dialect = 'sqlite' | 'postgres';

export interface Config {
  port: number;
  host: string;
  database: { dialect: Dialect; url: string; file?: string };
  /** BANGFU_SECRET, or undefined: then a random secret is kept in `secretFile` (development, embedded use). */
  secret?: string;
  secretFile: string;
  oldSecrets: string[];
  adminPassword?: string;
  root: { name: string; type: z.infer<typeof EnvSchema>['BANGFU_ROOT_TYPE'] };
  session: { idleMinutes: number; maxHours: number };
  login: { maxPerIp: number; maxPerAccount: number };
  /** Fastify's trustProxy: false unless BANGFU_TRUST_PROXY is set. */
  trustProxy: boolean | string;
  webDist?: string;
  secureCookies: 'true' | 'false' | 'auto';
  testMode: boolean;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
}

export class ConfigError extends Error {}

function parseTrustProxy(v: string | undefined): boolean | string {
  if (!v || v === 'false' || v === '0') return false;
  return v === 'true' ? true : v;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join('.') ?? '?';
    throw new ConfigError(`Invalid configuration: ${name} ${issue?.message ?? 'is invalid'}`);
  }
  const e = parsed.data;
  const isPg = /^postgres(ql)?:\/\//i.test(e.DATABASE_URL);
  if (!isPg && /^[a-z][a-z0-9+.-]*:\/\//i.test(e.DATABASE_URL) && !e.DATABASE_URL.startsWith('file:')) {
    throw new ConfigError(`Invalid configuration: DATABASE_URL must be a SQLite file path or a postgres:// URL`);
  }
  if (e.NODE_ENV === 'production' && !e.BANGFU_SECRET) {
    throw new ConfigError('Invalid configuration: BANGFU_SECRET is required when NODE_ENV=production');
  }
  const file = isPg
    ? undefined
    : e.DATABASE_URL === ':memory:'
      ? ':memory:'
      : path.resolve(cwd, e.DATABASE_URL.replace(/^file:/, ''));
  return {
    port: e.PORT,
    host: e.HOST,
    database: { dialect: isPg ? 'postgres' : 'sqlite', url: e.DATABASE_URL, file },
    secret: e.BANGFU_SECRET,
    secretFile: path.join(
      file && file !== ':memory:' ? path.dirname(file) : path.resolve(cwd, 'data'),
      'bangfu.secret',
    ),
    oldSecrets: (e.BANGFU_OLD_SECRETS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    adminPassword: e.BANGFU_ADMIN_PASSWORD,
    root: { name: e.BANGFU_ROOT_NAME, type: e.BANGFU_ROOT_TYPE },
    session: { idleMinutes: e.BANGFU_SESSION_IDLE_MINUTES, maxHours: e.BANGFU_SESSION_MAX_HOURS },
    login: { maxPerIp: e.BANGFU_LOGIN_MAX_PER_IP, maxPerAccount: e.BANGFU_LOGIN_MAX_PER_ACCOUNT },
    trustProxy: parseTrustProxy(e.BANGFU_TRUST_PROXY),
    webDist: e.BANGFU_WEB_DIST,
    secureCookies: e.BANGFU_SECURE_COOKIES,
    testMode: e.BANGFU_TEST_MODE === '1',
    logLevel: e.LOG_LEVEL,
  };
}
