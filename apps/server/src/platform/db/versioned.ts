import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import { type AppContext, transaction } from '../context.js';
import type { AppError } from '../errors.js';
import type { Db } from './connect.js';
import { lockRow } from './row-lock.js';
import type { Database, TenantTable } from './schema.js';
import { ScopedDb } from './scoped.js';

/** Tenant tables whose rows move through statuses under an optimistic version (work orders, legal-aid applications). */
export type VersionedTable = {
  [K in TenantTable]: Database[K] extends { status: string; version: number } ? K : never;
}[TenantTable];

export type VersionedPatch<T extends VersionedTable> = Partial<Omit<Database[T], 'id' | 'version'>>;

/**
 * A transition's conditional update, from the status and version it was decided on: false when another request
 * changed the row first (the caller answers 409 and writes nothing). The version goes up by one.
 */
export async function moveIfVersion<T extends VersionedTable>(
  trx: Db,
  table: T,
  id: number,
  expect: { status: string; version: number },
  patch: VersionedPatch<T>,
): Promise<boolean> {
  // The table is generic here; its columns id, status and version are guaranteed by VersionedTable.
  const values: Record<string, unknown> = { ...patch, version: expect.version + 1 };
  const r = await (trx as unknown as Kysely<any>)
    .updateTable(table as string)
    .set(values)
    .where('id', '=', id)
    .where('status', '=', expect.status)
    .where('version', '=', expect.version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface CaseTransition<T extends VersionedTable, R extends { status: string; version: number }, D, Out> {
  table: T;
  id: number;
  /** The scoped read of the subject (undefined when it is not there or out of the actor's scope). */
  find: (sdb: ScopedDb) => Promise<R | undefined>;
  notFound: () => AppError;
  /** The step's checks: throws the refusal, or answers what to change. */
  decide: (row: R, sdb: ScopedDb, trx: Db) => Promise<D> | D;
  patch: (row: R, d: D, now: string) => VersionedPatch<T>;
  /** The refusal when another request moved the subject first (given the subject as it now is). */
  conflict: (current: R) => AppError;
  /** After the update, in the same transaction: the step's own writes, the history entry, the audit entry; the answer. */
  record: (trx: Db, row: R, d: D, at: { now: string; sdb: ScopedDb }) => Promise<Out>;
}

/**
 * One step on a case, as every transition is done: the subject's row lock, a scoped re-read, the step's checks, a
 * conditional update from the status and version it was decided on (of N parallel requests one wins, the others get
 * the `conflict` refusal), then the caller's history and audit entries, all in one transaction.
 */
export function caseTransition<T extends VersionedTable, R extends { status: string; version: number }, D, Out>(
  ctx: AppContext,
  actor: Actor,
  t: CaseTransition<T, R, D, Out>,
): Promise<Out> {
  return transaction(ctx, async (trx) => {
    await lockRow(trx, t.table, t.id);
    const sdb = new ScopedDb(trx, actor.scope);
    const row = await t.find(sdb);
    if (!row) throw t.notFound();
    const d = await t.decide(row, sdb, trx);
    const now = ctx.clock.now().toISOString();
    const moved = await moveIfVersion(trx, t.table, t.id, row, t.patch(row, d, now));
    if (!moved) throw t.conflict((await t.find(sdb)) ?? row);
    return t.record(trx, row, d, { now, sdb });
  });
}
