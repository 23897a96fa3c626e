import { ACTIVE_FILE_STATUSES } from '@bangfu/contracts';
import type { Db } from '../../platform/db/connect.js';
import { systemSelect } from '../../platform/db/scoped.js';

/** A worker account's link: the file it may read (verified) and the person it was bound as. */
export async function linkOf(db: Db, userId: number) {
  return systemSelect(db, 'app_user', 'self')
    .select(['id', 'kind', 'household_id', 'person_bidx'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

export async function linkAccount(trx: Db, userId: number, householdId: number, personBidx: string) {
  await trx
    .updateTable('app_user')
    .set({ household_id: householdId, person_bidx: personBidx })
    .where('id', '=', userId)
    .execute();
}

/** A new code ends every earlier code of the file still open. */
export async function insertBindCode(
  trx: Db,
  row: { household_id: number; code_hash: string; created_by: number | null; created_at: string; expires_at: string },
) {
  await trx
    .updateTable('worker_bind_code')
    .set({ expires_at: row.created_at })
    .where('household_id', '=', row.household_id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', row.created_at)
    .execute();
  await trx
    .insertInto('worker_bind_code')
    .values({ ...row, attempts: 0, used_at: null, used_by: null })
    .execute();
}

/** A code still usable: unused and not expired. */
export async function openCode(db: Db, codeHash: string, now: string) {
  return db
    .selectFrom('worker_bind_code')
    .select(['id', 'household_id', 'attempts'])
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

/** Single use, decided by the database: only one caller's conditional update finds the code still open. */
export async function useCode(trx: Db, id: number, userId: number, now: string): Promise<boolean> {
  const r = await trx
    .updateTable('worker_bind_code')
    .set({ used_at: now, used_by: userId })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A wrong ID with the right code: counted; the fifth wrong attempt ends the code. */
export async function countWrongId(db: Db, id: number, now: string, maxAttempts: number) {
  await db
    .updateTable('worker_bind_code')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      expires_at: eb
        .case()
        .when('attempts', '>=', maxAttempts - 1)
        .then(now)
        .else(eb.ref('expires_at'))
        .end(),
    }))
    .where('id', '=', id)
    .execute();
}

/** The file's person (blind index of the ID), its node and number: a read by the code's own reference. */
export async function fileOfCode(db: Db, householdId: number) {
  return systemSelect(db, 'household', 'self')
    .select(['id', 'id_bidx', 'file_no', 'org_path', 'province_code'])
    .where('id', '=', householdId)
    .executeTakeFirst();
}

/** The worker's own file with its union's name (the account's verified link, no caller scope). */
export function ownFile(db: Db, householdId: number) {
  return systemSelect(db, 'household', 'self')
    .innerJoin('org_node', 'org_node.id', 'household.org_id')
    .select([
      'household.id',
      'household.file_no',
      'household.name',
      'household.status',
      'household.grade',
      'household.kind',
      'household.org_path',
      'household.province_code',
      'household.household_size',
      'household.per_capita_fen',
      'household.created_at',
      'household.filed_at',
      'household.notice_end',
      'org_node.name as org_name',
    ])
    .where('household.id', '=', householdId)
    .executeTakeFirst();
}

/** Help received: paid grants only (what is still under approval is not promised to anyone yet), newest first. */
export function paidGrants(db: Db, householdId: number) {
  return systemSelect(db, 'assistance_grant', 'self')
    .select(['paid_at', 'programme', 'period', 'amount_fen'])
    .where('household_id', '=', householdId)
    .where('status', '=', 'paid')
    .orderBy('paid_at', 'desc')
    .execute();
}

export function fileEvents(db: Db, householdId: number) {
  return systemSelect(db, 'household_event', 'self')
    .select(['at', 'action', 'to_status'])
    .where('household_id', '=', householdId)
    .orderBy('id')
    .execute();
}

/** An active file anywhere held by this person (blind index of the ID): a self-application is refused then. */
export function activeFileOf(db: Db, idBidx: string) {
  return systemSelect(db, 'household', 'self')
    .select('id')
    .where('id_bidx', '=', idBidx)
    .where('status', 'in', [...ACTIVE_FILE_STATUSES])
    .executeTakeFirst();
}

/** Where the worker's own file sits (its node), whoever the account's node is. */
export function ownFilePlacement(db: Db, householdId: number) {
  return systemSelect(db, 'household', 'self')
    .select(['org_id', 'org_path', 'province_code', 'status'])
    .where('id', '=', householdId)
    .executeTakeFirst();
}

/** The worker's own change requests, newest first (no reviewer, no opinion). */
export function ownChangeRows(db: Db, householdId: number) {
  return systemSelect(db, 'household_change', 'self')
    .select(['id', 'kinds', 'reason', 'status', 'proposed_at', 'closed_at'])
    .where('household_id', '=', householdId)
    .orderBy('id', 'desc')
    .execute();
}

/** The members of the worker's own file (place, name, relation). */
export function ownMembers(db: Db, householdId: number) {
  return systemSelect(db, 'household_member', 'self')
    .select(['seq', 'name', 'relation'])
    .where('household_id', '=', householdId)
    .orderBy('seq')
    .execute();
}
