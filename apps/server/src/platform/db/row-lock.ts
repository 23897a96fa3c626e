import { sql } from 'kysely';
import type { Db } from './connect.js';
import { isPostgres } from './dialect.js';
import type { TenantTable } from './schema.js';

/**
 * Lock one row until the transaction ends, before reading it to decide a transition: on PostgreSQL concurrent
 * transitions of the same subject queue here and each then reads the committed state (SELECT … FOR UPDATE);
 * SQLite runs one write transaction at a time on its single connection, so the lock is the transaction itself.
 */
export async function lockRow(trx: Db, table: TenantTable, id: number) {
  if (isPostgres(trx)) await sql`select id from ${sql.table(table)} where id = ${id} for update`.execute(trx);
}

/** Lock rows of one table in id order, so two transactions locking overlapping sets never wait on each other. */
export async function lockRows(trx: Db, table: TenantTable, ids: number[]) {
  for (const id of [...new Set(ids)].sort((a, b) => a - b)) await lockRow(trx, table, id);
}
