import type { FastifyBaseLogger } from 'fastify';
import type { SystemClock } from './clock.js';
import type { Config, Dialect } from './config.js';
import type { FieldCrypto } from './crypto.js';
import type { Db, DbHandle } from './db/connect.js';

/** What every use case needs from the platform. Passed explicitly; no service locator. */
export interface AppContext {
  db: Db;
  dialect: Dialect;
  handle: DbHandle;
  config: Config;
  clock: SystemClock;
  /** Encryption of personal fields and blind indexes, keyed from the secret. */
  crypto: FieldCrypto;
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error' | 'debug'>;
}

/** Run fn in a transaction on the context's database. */
export function transaction<T>(ctx: AppContext, fn: (trx: Db) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute(fn);
}
