import type { Db } from '../../platform/db/connect.js';
import { lockRow } from '../../platform/db/row-lock.js';
import type { MoneyNoticeObjectionTable, MoneyNoticeTable } from '../../platform/db/schema-notice.js';
import type { ScopedDb } from '../../platform/db/scoped.js';

export type NoticeRow = Omit<MoneyNoticeTable, 'id'> & { id: number };
export type ObjectionRow = Omit<MoneyNoticeObjectionTable, 'id'> & { id: number };

export function findNotice(sdb: ScopedDb, subjectType: string, subjectId: number) {
  return sdb
    .selectFrom('money_notice')
    .selectAll()
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .executeTakeFirst() as Promise<NoticeRow | undefined>;
}

export async function insertNotice(trx: Db, row: Omit<MoneyNoticeTable, 'id'>): Promise<number> {
  const r = await trx.insertInto('money_notice').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export const lockNotice = (trx: Db, id: number) => lockRow(trx, 'money_notice', id);

export function objectionsOf(sdb: ScopedDb, noticeId: number) {
  return sdb
    .selectFrom('money_notice_objection')
    .selectAll()
    .where('notice_id', '=', noticeId)
    .orderBy('id')
    .execute() as Promise<ObjectionRow[]>;
}

export function findObjection(sdb: ScopedDb, id: number) {
  return sdb.selectFrom('money_notice_objection').selectAll().where('id', '=', id).executeTakeFirst() as Promise<
    ObjectionRow | undefined
  >;
}

export async function insertObjection(trx: Db, row: Omit<MoneyNoticeObjectionTable, 'id'>): Promise<number> {
  const r = await trx.insertInto('money_notice_objection').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

/** Verify an open objection: false when another transaction verified it first. */
export async function verifyObjection(
  trx: Db,
  id: number,
  patch: { finding: string; verified_by: number | null; verified_by_name: string; verified_at: string },
) {
  const r = await trx
    .updateTable('money_notice_objection')
    .set({ ...patch, status: 'verified' })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Open objections on a subject's notice, read in the decision's transaction after the subject's row lock. */
export async function openObjectionCount(sdb: ScopedDb, subjectType: string, subjectId: number) {
  const r = await sdb
    .selectFrom('money_notice_objection')
    .innerJoin('money_notice', 'money_notice.id', 'money_notice_objection.notice_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('money_notice.subject_type', '=', subjectType)
    .where('money_notice.subject_id', '=', subjectId)
    .where('money_notice_objection.status', '=', 'open')
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}
