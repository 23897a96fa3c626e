import { IN_ARCHIVE_STATUSES } from '@bangfu/contracts';
import type { Db } from '../../platform/db/connect.js';
import { lockRow } from '../../platform/db/row-lock.js';
import type { DisbursementBatchTable } from '../../platform/db/schema-money.js';
import { type ScopedDb, subtreeEnd } from '../../platform/db/scoped.js';

export type BatchRow = Omit<DisbursementBatchTable, 'id'> & { id: number };

export async function insertBatch(trx: Db, row: Omit<DisbursementBatchTable, 'id'>): Promise<number> {
  const r = await trx.insertInto('disbursement_batch').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export function findBatch(sdb: ScopedDb, id: number) {
  return sdb.selectFrom('disbursement_batch').selectAll().where('id', '=', id).executeTakeFirst() as Promise<
    BatchRow | undefined
  >;
}

/** Lock the batch row until the transaction ends (first in the lock order: batch → grants → budget → ledger). */
export const lockBatch = (trx: Db, id: number) => lockRow(trx, 'disbursement_batch', id);

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
    .where('status', 'in', [...IN_ARCHIVE_STATUSES])
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
    .where('status', 'in', [...IN_ARCHIVE_STATUSES])
    .where('filed_at', '<', filedBefore)
    .executeTakeFirstOrThrow();
}

/** The names of the unions the grants' households belong to, in one query per thousand. */
export async function orgNames(sdb: ScopedDb, ids: number[]) {
  const names = new Map<number, string>();
  for (let k = 0; k < ids.length; k += 1000) {
    const part = ids.slice(k, k + 1000);
    for (const o of await sdb.selectFrom('org_node').select(['id', 'name']).where('id', 'in', part).execute())
      names.set(Number(o.id), o.name);
  }
  return names;
}
