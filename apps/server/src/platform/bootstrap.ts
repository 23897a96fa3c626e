import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SystemClock } from './clock.js';
import { type Config, ConfigError } from './config.js';
import type { AppContext } from './context.js';
import { createFieldCrypto } from './crypto.js';
import { openDatabase } from './db/connect.js';
import { ensureKeyCheck, readKeyCheck } from './db/key-check.js';
import { migrateToLatest } from './db/migrate.js';

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
