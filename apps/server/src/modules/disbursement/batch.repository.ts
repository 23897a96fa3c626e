import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import { isPostgres } from '../../platform/db/dialect.js';
import type { ApprovalTable, AssistanceGrantTable, DisbursementBatchTable } from '../../platform/db/schema-money.js';
import { type ScopedDb, subtreeEnd, systemSelect } from '../../platform/db/scoped.js';

export type BatchRow = Omit<DisbursementBatchTable, 'id'> & { id: number };
export type GrantRow = Omit<AssistanceGrantTable, 'id'> & { id: number };
export const LIVE_GRANT = ['proposed', 'approved', 'paid'] as const;

export async function insertBatch(trx: Db, row: Omit<DisbursementBatchTable, 'id'>): Promise<number> {
  const r = await trx.insertInto('disbursement_batch').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export function findBatch(sdb: ScopedDb, id: number) {
  return sdb.selectFrom('disbursement_batch').selectAll().where('id', '=', id).executeTakeFirst() as Promise<
    BatchRow | undefined
  >;
}

/**
 * Lock one row until the transaction ends, before reading it to decide a transition: on PostgreSQL concurrent
 * transitions of the same subject queue here and each then reads the committed state (SELECT … FOR UPDATE);
 * SQLite runs one write transaction at a time on its single connection, so the lock is the transaction itself.
 */
export async function lockRow(
  trx: Db,
  table: 'disbursement_batch' | 'assistance_application' | 'campaign' | 'programme_budget',
  id: number,
) {
  if (isPostgres(trx)) await sql`select id from ${sql.table(table)} where id = ${id} for update`.execute(trx);
}

/** A status change that happens only from the expected statuses: false when another transaction got there first. */
export async function moveBatch(
  trx: Db,
  id: number,
  from: string[],
  patch: Partial<Omit<DisbursementBatchTable, 'id'>> & { status: string },
) {
  const r = await trx
    .updateTable('disbursement_batch')
    .set(patch)
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function updateBatch(trx: Db, id: number, patch: Partial<Omit<DisbursementBatchTable, 'id'>>) {
  await trx.updateTable('disbursement_batch').set(patch).where('id', '=', id).execute();
}

export async function listBatches(
  sdb: ScopedDb,
  q: {
    path: string;
    status?: string;
    awaiting?: { orgId: number; userId: number | null };
    limit: number;
    offset: number;
  },
) {
  let qb = sdb
    .selectFrom('disbursement_batch')
    .where('org_path', '>=', q.path)
    .where('org_path', '<', subtreeEnd(q.path));
  if (q.status) qb = qb.where('status', '=', q.status);
  // Waiting for this approver: at their node, not proposed by them (maker-checker).
  if (q.awaiting) {
    qb = qb.where('status', '=', 'pending_approval').where('required_org_id', '=', q.awaiting.orgId);
    const userId = q.awaiting.userId;
    if (userId !== null) qb = qb.where((eb) => eb.or([eb('created_by', 'is', null), eb('created_by', '!=', userId)]));
  }
  const [rows, n] = await Promise.all([
    qb.selectAll().orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute(),
    qb.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows: rows as BatchRow[], total: Number(n?.n ?? 0) };
}

/** Households of a subtree that a batch considers, in id order after a cursor (chunked computation). */
export function candidateFiles(sdb: ScopedDb, path: string, afterId: number, limit: number, filedBefore: string) {
  return sdb
    .selectFrom('household')
    .select([
      'id',
      'org_id',
      'org_path',
      'province_code',
      'name',
      'id_mask',
      'grade',
      'status',
      'bank_enc',
      'household_size',
      'per_capita_fen',
      'dibao_status',
      'filed_at',
    ])
    .where('org_path', '>=', path)
    .where('org_path', '<', subtreeEnd(path))
    .where('status', 'in', ['filed', 'relieved'])
    .where('filed_at', '<', filedBefore)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export function countCandidates(sdb: ScopedDb, path: string, filedBefore: string) {
  return sdb
    .selectFrom('household')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_path', '>=', path)
    .where('org_path', '<', subtreeEnd(path))
    .where('status', 'in', ['filed', 'relieved'])
    .where('filed_at', '<', filedBefore)
    .executeTakeFirstOrThrow();
}

/** Live grants of these households for a programme and period, anywhere (the uniqueness the index enforces). */
export async function liveGrants(db: Db, householdIds: number[], programme: string, period: string) {
  if (householdIds.length === 0) return [];
  // Uniqueness spans the whole country: a keyed read of the same rows the unique index covers.
  const rows = await systemSelect(db, 'assistance_grant', 'uniqueness')
    .select(['household_id', 'batch_id'])
    .where('programme', '=', programme)
    .where('period', '=', period)
    .where('status', 'in', [...LIVE_GRANT])
    .where('household_id', 'in', householdIds)
    .execute();
  return rows.map((x) => ({
    householdId: Number(x.household_id),
    batchId: x.batch_id === null ? null : Number(x.batch_id),
  }));
}

export async function insertGrants(trx: Db, rows: Omit<AssistanceGrantTable, 'id'>[]) {
  for (let k = 0; k < rows.length; k += 100)
    await trx
      .insertInto('assistance_grant')
      .values(rows.slice(k, k + 100))
      .execute();
}

export async function grantsOfBatch(
  sdb: ScopedDb,
  batchId: number,
  q: { limit: number; offset: number; status?: string },
) {
  let qb = sdb.selectFrom('assistance_grant').where('batch_id', '=', batchId);
  if (q.status) qb = qb.where('status', '=', q.status);
  const [rows, n] = await Promise.all([
    qb.selectAll().orderBy('id').limit(q.limit).offset(q.offset).execute(),
    qb.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows: rows as GrantRow[], total: Number(n?.n ?? 0) };
}

export function allGrantsOfBatch(sdb: ScopedDb, batchId: number) {
  return sdb
    .selectFrom('assistance_grant')
    .selectAll()
    .where('batch_id', '=', batchId)
    .orderBy('id')
    .execute() as Promise<GrantRow[]>;
}

export async function batchTotals(sdb: ScopedDb, batchId: number) {
  const r = await sdb
    .selectFrom('assistance_grant')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.coalesce(eb.fn.sum<number>('amount_fen'), sql<number>`0`).as('total'),
      eb.fn.coalesce(eb.fn.max<number>('amount_fen'), sql<number>`0`).as('max'),
    ])
    .where('batch_id', '=', batchId)
    .where('status', 'in', [...LIVE_GRANT])
    .executeTakeFirstOrThrow();
  return { count: Number(r.n), totalFen: Number(r.total), maxFen: Number(r.max) };
}

export function findGrant(sdb: ScopedDb, id: number) {
  return sdb.selectFrom('assistance_grant').selectAll().where('id', '=', id).executeTakeFirst() as Promise<
    GrantRow | undefined
  >;
}

/** Id lists go to the database in slices: SQLite and PostgreSQL cap the parameters of one statement. */
const SLICE = 1000;
const slices = (ids: number[]) =>
  Array.from({ length: Math.ceil(ids.length / SLICE) }, (_, i) => ids.slice(i * SLICE, (i + 1) * SLICE));

export async function setGrants(trx: Db, ids: number[], patch: Partial<Omit<AssistanceGrantTable, 'id'>>) {
  for (const part of slices(ids))
    await trx.updateTable('assistance_grant').set(patch).where('id', 'in', part).execute();
}

/** Move grants from one status to another; returns how many moved (fewer than asked: someone else moved them). */
export async function moveGrants(
  trx: Db,
  ids: number[],
  from: string,
  patch: Partial<Omit<AssistanceGrantTable, 'id'>> & { status: string },
) {
  let n = 0;
  for (const part of slices(ids)) {
    const r = await trx
      .updateTable('assistance_grant')
      .set(patch)
      .where('id', 'in', part)
      .where('status', '=', from)
      .executeTakeFirst();
    n += Number(r.numUpdatedRows);
  }
  return n;
}

export async function setBatchGrantStatus(trx: Db, batchId: number, from: string, to: string, now: string) {
  await trx
    .updateTable('assistance_grant')
    .set({ status: to, updated_at: now })
    .where('batch_id', '=', batchId)
    .where('status', '=', from)
    .execute();
}

export async function insertApproval(trx: Db, row: Omit<ApprovalTable, 'id'>) {
  await trx.insertInto('approval').values(row).execute();
}

export function approvalsOf(sdb: ScopedDb, subjectType: string, subjectId: number) {
  return sdb
    .selectFrom('approval')
    .selectAll()
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .orderBy('id')
    .execute();
}

/** The people who submitted or decided a subject (maker-checker, and who may not pay it). */
export async function stepActors(sdb: ScopedDb, subjectType: string, subjectId: number, decisions: string[]) {
  const rows = await sdb
    .selectFrom('approval')
    .select('actor_id')
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .where('decision', 'in', decisions)
    .execute();
  return rows.map((r) => (r.actor_id === null ? null : Number(r.actor_id))).filter((x): x is number => x !== null);
}

export function grantsOfHousehold(sdb: ScopedDb, householdId: number) {
  return sdb
    .selectFrom('assistance_grant')
    .selectAll()
    .where('household_id', '=', householdId)
    .orderBy('id', 'desc')
    .execute() as Promise<GrantRow[]>;
}

export async function markAssisted(trx: Db, householdIds: number[], at: string) {
  for (const part of slices([...new Set(householdIds)]))
    await trx.updateTable('household').set({ last_assisted_at: at }).where('id', 'in', part).execute();
}

export function findApplication(sdb: ScopedDb, id: number) {
  return sdb.selectFrom('assistance_application').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An application's status change from an expected status: false when another transaction got there first. */
export async function moveApplication(trx: Db, id: number, from: string, status: string, now: string) {
  const r = await trx
    .updateTable('assistance_application')
    .set({ status, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The names of the unions the grants' households belong to, in one query. */
export async function orgNames(sdb: ScopedDb, ids: number[]) {
  const names = new Map<number, string>();
  for (const part of slices(ids))
    for (const o of await sdb.selectFrom('org_node').select(['id', 'name']).where('id', 'in', part).execute())
      names.set(Number(o.id), o.name);
  return names;
}
