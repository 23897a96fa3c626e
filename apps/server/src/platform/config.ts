import net from 'node:net';
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
  BANGFU_WEB_DIST: z.string().optional(),
  BANGFU_SECURE_COOKIES: z.enum(['true', 'false', 'auto']).default('auto'),
  /**
   * Which reverse proxies may set X-Forwarded-For/-Proto: unset = none (the peer address is the client), a hop
   * count ('1'), or comma-separated addresses/CIDRs ('127.0.0.1,10.0.0.0/8').
   */
  BANGFU_TRUST_PROXY: z
    .string()
    .trim()
    .optional()
    .refine((v) => v === undefined || v === '' || parseTrustProxy(v) !== null, {
      message: 'must be a hop count (1) or comma-separated addresses/CIDRs (127.0.0.1,10.0.0.0/8)',
    }),
  /** Extra origins (https://host[:port]) allowed to send cookie-authenticated writes, comma-separated. */
  BANGFU_ALLOWED_ORIGINS: z
    .string()
    .optional()
    .refine((v) => v === undefined || parseOrigins(v) !== null, {
      message: 'must be comma-separated origins like https://bangfu.example.org',
    }),
  /** Key for signing audit checkpoints (kept apart from the database): at least 32 characters. */
  BANGFU_AUDIT_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Or a file holding that key (read by `bangfu audit checkpoint` and `verify --expect`). */
  BANGFU_AUDIT_KEY_FILE: z.string().min(1).optional(),
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
  webDist?: string;
  secureCookies: 'true' | 'false' | 'auto';
  /** Fastify's trustProxy: false unless BANGFU_TRUST_PROXY names the proxies (hop count or addresses). */
  trustProxy: false | number | string[];
  /** Origins allowed for cookie-authenticated writes besides the server's own (BANGFU_ALLOWED_ORIGINS). */
  allowedOrigins: string[];
  /** The audit checkpoint key: BANGFU_AUDIT_KEY, or the path in BANGFU_AUDIT_KEY_FILE (read when needed). */
  auditKey?: { value: string } | { file: string };
  testMode: boolean;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
}

export class ConfigError extends Error {}

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
    webDist: e.BANGFU_WEB_DIST,
    secureCookies: e.BANGFU_SECURE_COOKIES,
    trustProxy: e.BANGFU_TRUST_PROXY ? (parseTrustProxy(e.BANGFU_TRUST_PROXY) ?? false) : false,
    allowedOrigins: parseOrigins(e.BANGFU_ALLOWED_ORIGINS ?? '') ?? [],
    auditKey: e.BANGFU_AUDIT_KEY
      ? { value: e.BANGFU_AUDIT_KEY }
      : e.BANGFU_AUDIT_KEY_FILE
        ? { file: path.resolve(cwd, e.BANGFU_AUDIT_KEY_FILE) }
        : undefined,
    testMode: e.BANGFU_TEST_MODE === '1',
    logLevel: e.LOG_LEVEL,
  };
}

/** '2' → 2 hops; '127.0.0.1, 10.0.0.0/8' → that list; anything else (including 'true') → null. */
export function parseTrustProxy(v: string): number | string[] | null {
  if (/^\d+$/.test(v)) {
    const n = Number(v);
    return n >= 1 && n <= 10 ? n : null;
  }
  const parts = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!parts.length) return null;
  for (const p of parts) {
    const [addr, bits, extra] = p.split('/');
    const kind = net.isIP(addr ?? '');
    if (!kind || extra !== undefined) return null;
    if (bits !== undefined && (!/^\d+$/.test(bits) || Number(bits) > (kind === 4 ? 32 : 128))) return null;
  }
  return parts;
}

/** Comma-separated origins, normalised to scheme://host[:port]; null when one is not an http(s) origin. */
export function parseOrigins(v: string): string[] | null {
  const out: string[] = [];
  for (const s of v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean)) {
    try {
      const u = new URL(s);
      if (!/^https?:$/.test(u.protocol) || u.pathname !== '/' || u.search || u.hash) return null;
      if (s.replace(/\/$/, '') !== u.origin) return null;
      out.push(u.origin);
    } catch {
      return null;
    }
  }
  return out;
}
