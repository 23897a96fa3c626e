import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as orgs from '../modules/orgs/orgs.repository.js';
import * as users from '../modules/users/users.repository.js';
import { appendAudit } from './audit/audit-log.js';
import { systemActor } from './auth/actor.js';
import { generatePassword, hashPassword } from './auth/passwords.js';
import { SystemClock } from './clock.js';
import { type Config, ConfigError } from './config.js';
import type { AppContext } from './context.js';
import { createFieldCrypto } from './crypto.js';
import { openDatabase } from './db/connect.js';
import { ensureKeyCheck, readKeyCheck } from './db/key-check.js';
import { migrateToLatest } from './db/migrate.js';
import { pinyinSortKey } from './pinyin.js';

type Log = AppContext['log'];

export const consoleLog: Log = {
  info: (...a: unknown[]) => console.log(...a.map(fmt)),
  warn: (...a: unknown[]) => console.warn(...a.map(fmt)),
  error: (...a: unknown[]) => console.error(...a.map(fmt)),
  debug: () => {},
} as Log;
function fmt(v: unknown) {
  return typeof v === 'object' && v !== null && !(v instanceof Error) ? JSON.stringify(v) : v;
}

/**
 * The secret that keys field encryption: BANGFU_SECRET, or else a random one created once and kept in
 * data/bangfu.secret (mode 600) beside the database. Back that file up with the database (docs/OPERATIONS.md).
 */
export function resolveSecret(config: Config, log: Log = consoleLog): string {
  if (config.secret) return config.secret;
  if (fs.existsSync(config.secretFile)) return fs.readFileSync(config.secretFile, 'utf8').trim();
  fs.mkdirSync(path.dirname(config.secretFile), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  fs.writeFileSync(config.secretFile, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  log.warn(`BANGFU_SECRET is not set: generated one in ${config.secretFile}. Keep it with your backups.`);
  return secret;
}

/** Open the database and bring its schema up to date. */
export async function openContext(config: Config, log: Log = consoleLog): Promise<AppContext> {
  const handle = openDatabase(config);
  try {
    const applied = await migrateToLatest(handle.db);
    if (applied.length) log.info(`migrations applied: ${applied.join(', ')}`);
    // A database whose data were written under a secret that is not here must not get a fresh random one.
    if (!config.secret && !fs.existsSync(config.secretFile) && (await readKeyCheck(handle.db)).length)
      throw new ConfigError(
        `Invalid configuration: BANGFU_SECRET is not set and ${config.secretFile} is missing, but this database holds data encrypted under a secret: set BANGFU_SECRET (and BANGFU_OLD_SECRETS) or put the secret file back`,
      );
    const crypto = createFieldCrypto(resolveSecret(config, log), config.oldSecrets);
    await ensureKeyCheck(handle.db, crypto, new Date());
    return { db: handle.db, dialect: handle.dialect, handle, config, clock: new SystemClock(), crypto, log };
  } catch (e) {
    await handle.close();
    throw e;
  }
}

/**
 * First start: the root node of the tree and the administrator `admin` at it. The password comes from
 * BANGFU_ADMIN_PASSWORD, or is generated and printed once. Returns the generated password if any.
 */
export async function ensureRootAndAdmin(ctx: AppContext): Promise<{ generatedPassword?: string }> {
  let root = await orgs.findRoot(ctx.db);
  const now = ctx.clock.now().toISOString();
  if (!root) {
    root = await ctx.db.transaction().execute(async (trx) => {
      const r = await orgs.insert(trx, {
        parent_id: null,
        parentPath: null,
        name: ctx.config.root.name,
        type: ctx.config.root.type,
        division_code: null,
        status: 'active',
        province_code: '00',
        sort_key: pinyinSortKey(ctx.config.root.name),
        created_at: now,
        updated_at: now,
      });
      await appendAudit(trx, ctx.clock, null, {
        action: 'org.create',
        entityType: 'org',
        entityId: r.id,
        orgPath: r.path,
        chain: r.province_code,
        after: { name: r.name, type: r.type, root: true },
      });
      return r;
    });
    ctx.log.info(`created the root organisation “${root.name}”`);
  }
  if ((await users.countUsers(ctx.db)) > 0) return {};
  const generated = ctx.config.adminPassword ? undefined : generatePassword();
  const password = ctx.config.adminPassword ?? (generated as string);
  const hash = await hashPassword(password);
  const scope = { orgId: root.id, path: root.path, provinceCode: root.province_code };
  await ctx.db.transaction().execute(async (trx) => {
    const id = await users.insert(
      trx,
      {
        username: 'admin',
        display_name: '系统管理员',
        org_id: root.id,
        org_path: root.path,
        province_code: root.province_code,
        kind: 'staff',
        status: 'active',
        phone: null,
        password_hash: hash,
        must_change_password: generated ? 1 : 0,
        failed_logins: 0,
        locked_until: null,
        password_changed_at: now,
        last_login_at: null,
        created_at: now,
        updated_at: now,
        person_bidx: null,
      },
      ['admin'],
    );
    await appendAudit(trx, ctx.clock, systemActor(scope, 'bootstrap'), {
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      orgPath: root.path,
      chain: root.province_code,
      after: { username: 'admin', roles: ['admin'], bootstrap: true },
    });
  });
  return { generatedPassword: generated };
}
