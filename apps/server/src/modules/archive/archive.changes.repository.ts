import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import type { HouseholdChangeTable } from '../../platform/db/schema.js';
import { type ScopedDb, systemSelect } from '../../platform/db/scoped.js';
import type { NewHousehold } from './archive.repository.js';

export type NewChange = Omit<HouseholdChangeTable, 'id'>;

export async function insertChange(trx: Db, row: NewChange): Promise<number> {
  const r = await trx.insertInto('household_change').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

const withFile = (sdb: ScopedDb) =>
  sdb
    .selectFrom('household_change')
    .innerJoin('household', 'household.id', 'household_change.household_id')
    .innerJoin('org_node', 'org_node.id', 'household_change.org_id');

const fileColumns = [
  'household.file_no',
  'household.name',
  'household.version as current_version',
  'household.status as file_status',
  'org_node.name as org_name',
] as const;

export async function findChange(sdb: ScopedDb, id: number) {
  return withFile(sdb)
    .selectAll('household_change')
    .select(fileColumns)
    .where('household_change.id', '=', id)
    .executeTakeFirst();
}
export type ChangeRow = NonNullable<Awaited<ReturnType<typeof findChange>>>;

/** The queue (statuses, a node's subtree) or one file's changes, newest first, one page and the total. */
export async function listChanges(
  sdb: ScopedDb,
  q: { status?: string[]; orgPath?: string; householdId?: number; limit: number; offset: number },
) {
  let qb = withFile(sdb);
  if (q.status?.length) qb = qb.where('household_change.status', 'in', q.status);
  if (q.orgPath)
    qb = qb
      .where('household_change.org_path', '>=', q.orgPath)
      .where('household_change.org_path', '<', `${q.orgPath}~`);
  if (q.householdId !== undefined) qb = qb.where('household_change.household_id', '=', q.householdId);
  const [rows, total] = await Promise.all([
    qb
      .selectAll('household_change')
      .select(fileColumns)
      .orderBy('household_change.id', 'desc')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    qb.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** The change's conditional move: only from the status it was decided on (one winner among parallel requests). */
export async function moveChange(trx: Db, id: number, from: string[], patch: Partial<NewChange>): Promise<boolean> {
  const r = await trx
    .updateTable('household_change')
    .set(patch)
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The file takes the change only at the version it was proposed against and while it is in the archive. */
export async function updateHouseholdAtVersion(
  trx: Db,
  id: number,
  expect: { version: number; statuses: string[] },
  patch: Partial<NewHousehold>,
): Promise<boolean> {
  const r = await trx
    .updateTable('household')
    .set(patch)
    .where('id', '=', id)
    .where('version', '=', expect.version)
    .where('status', 'in', expect.statuses)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Mark the file's attachments as evidence of a change; returns how many of the ids were the file's own. */
export async function linkAttachments(trx: Db, householdId: number, changeId: number, ids: number[]) {
  if (ids.length === 0) return 0;
  const r = await trx
    .updateTable('household_attachment')
    .set({ change_id: changeId })
    .where('household_id', '=', householdId)
    .where('id', 'in', ids)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export function changeAttachments(sdb: ScopedDb, changeId: number) {
  return sdb
    .selectFrom('household_attachment')
    .select(['id', 'kind', 'filename'])
    .where('change_id', '=', changeId)
    .where('removed_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** Batches whose bank file has not gone to the bank yet: their grants still take a new card. */
const BEFORE_BANK = ['computing', 'computed', 'pending_approval', 'approved'];

/**
 * A new bank card applies to every bank grant of the household not yet paid (proposed or approved) that is not in
 * a batch already sent to the bank. Grants stay with the union that proposed them, wherever the file is now:
 * the update is by household. Returns the ids changed.
 */
export async function repointUnpaidGrants(
  trx: Db,
  householdId: number,
  bank: { bank_enc: string; bank_mask: string },
  now: string,
) {
  const rows = await trx
    .updateTable('assistance_grant')
    .set({ ...bank, updated_at: now })
    .where('household_id', '=', householdId)
    .where('method', '=', 'bank')
    .where('status', 'in', ['proposed', 'approved'])
    .where((eb) =>
      eb.or([
        eb('batch_id', 'is', null),
        eb('batch_id', 'in', eb.selectFrom('disbursement_batch').select('id').where('status', 'in', BEFORE_BANK)),
      ]),
    )
    .returning('id')
    .execute();
  return rows.map((r) => Number(r.id));
}

/** Unpaid bank grants of the household in batches already sent to the bank (发放中): staff must follow them up. */
export async function grantsAlreadySent(trx: Db, householdId: number) {
  const rows = await systemSelect(trx, 'assistance_grant', 'bank-change')
    .innerJoin('disbursement_batch', 'disbursement_batch.id', 'assistance_grant.batch_id')
    .select([
      'assistance_grant.id',
      'assistance_grant.period',
      'assistance_grant.programme',
      'assistance_grant.amount_fen',
      'disbursement_batch.batch_no',
    ])
    .where('assistance_grant.household_id', '=', householdId)
    .where('assistance_grant.method', '=', 'bank')
    .where('assistance_grant.status', '=', 'approved')
    .where('disbursement_batch.status', 'not in', BEFORE_BANK)
    .execute();
  return rows.map((r) => ({
    grantId: Number(r.id),
    batchNo: r.batch_no,
    programme: r.programme,
    period: r.period,
    amountFen: Number(r.amount_fen),
  }));
}
