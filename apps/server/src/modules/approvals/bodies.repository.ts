import type { Db } from '../../platform/db/connect.js';
import { lockRow } from '../../platform/db/row-lock.js';
import type {
  ApprovalBodyMemberTable,
  ApprovalBodyTable,
  ApprovalMeetingTable,
  ApprovalVoteTable,
} from '../../platform/db/schema-approvals.js';
import type { ScopedDb } from '../../platform/db/scoped.js';

export type BodyRow = Omit<ApprovalBodyTable, 'id'> & { id: number };
export type MemberRow = Omit<ApprovalBodyMemberTable, 'id'> & { id: number };
export type MeetingRow = Omit<ApprovalMeetingTable, 'id'> & { id: number };
export type VoteRow = Omit<ApprovalVoteTable, 'id'> & { id: number };

// ── bodies and rosters ──────────────────────────────────────────────────────────────────────────────────────

export async function insertBody(trx: Db, row: Omit<ApprovalBodyTable, 'id'>): Promise<number> {
  const r = await trx.insertInto('approval_body').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export const lockBody = (trx: Db, id: number) => lockRow(trx, 'approval_body', id);

export async function updateBody(trx: Db, id: number, patch: Partial<Omit<ApprovalBodyTable, 'id'>>) {
  await trx.updateTable('approval_body').set(patch).where('id', '=', id).execute();
}

export function findBody(sdb: ScopedDb, id: number) {
  return sdb.selectFrom('approval_body').selectAll().where('id', '=', id).executeTakeFirst() as Promise<
    BodyRow | undefined
  >;
}

/** The bodies of one node, in the chain's order (组长, 领导组, 委员会). */
export function bodiesAt(sdb: ScopedDb, orgId: number) {
  return sdb.selectFrom('approval_body').selectAll().where('org_id', '=', orgId).orderBy('id').execute() as Promise<
    BodyRow[]
  >;
}

/** The body of a kind at a node (the deciding node of a subject), if the node set one. */
export function bodyAt(sdb: ScopedDb, orgId: number, kind: string) {
  return sdb
    .selectFrom('approval_body')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('kind', '=', kind)
    .executeTakeFirst() as Promise<BodyRow | undefined>;
}

export async function insertMember(trx: Db, row: Omit<ApprovalBodyMemberTable, 'id'>): Promise<number> {
  const r = await trx.insertInto('approval_body_member').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function updateMember(trx: Db, id: number, patch: Partial<Omit<ApprovalBodyMemberTable, 'id'>>) {
  await trx.updateTable('approval_body_member').set(patch).where('id', '=', id).execute();
}

export function findMember(sdb: ScopedDb, bodyId: number, id: number) {
  return sdb
    .selectFrom('approval_body_member')
    .selectAll()
    .where('id', '=', id)
    .where('body_id', '=', bodyId)
    .executeTakeFirst() as Promise<MemberRow | undefined>;
}

/** Every roster entry of these bodies, past and future included, chairs first, then by start date. */
export function membersOf(sdb: ScopedDb, bodyIds: number[]) {
  if (bodyIds.length === 0) return Promise.resolve([] as MemberRow[]);
  return sdb
    .selectFrom('approval_body_member')
    .selectAll()
    .where('body_id', 'in', bodyIds)
    .orderBy('body_id')
    .orderBy('role')
    .orderBy('from_date')
    .orderBy('id')
    .execute() as Promise<MemberRow[]>;
}

/** The roster in force on a date: from_date ≤ date ≤ to_date (or no end). */
export function rosterOn(sdb: ScopedDb, bodyId: number, date: string) {
  return sdb
    .selectFrom('approval_body_member')
    .selectAll()
    .where('body_id', '=', bodyId)
    .where('from_date', '<=', date)
    .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', date)]))
    .orderBy('role')
    .orderBy('id')
    .execute() as Promise<MemberRow[]>;
}

// ── meetings and votes ──────────────────────────────────────────────────────────────────────────────────────

export async function insertMeeting(trx: Db, row: Omit<ApprovalMeetingTable, 'id'>): Promise<number> {
  const r = await trx.insertInto('approval_meeting').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function insertVotes(trx: Db, rows: Omit<ApprovalVoteTable, 'id'>[]) {
  if (rows.length) await trx.insertInto('approval_vote').values(rows).execute();
}

/** The date an earlier record of the same body gives a meeting number (one meeting may decide several subjects). */
export async function meetingDate(sdb: ScopedDb, bodyId: number, number: string): Promise<string | null> {
  const r = await sdb
    .selectFrom('approval_meeting')
    .select('held_on')
    .where('body_id', '=', bodyId)
    .where('number', '=', number)
    .orderBy('id')
    .executeTakeFirst();
  return r?.held_on ?? null;
}

export function meetingsOf(sdb: ScopedDb, subjectType: string, subjectId: number) {
  return sdb
    .selectFrom('approval_meeting')
    .innerJoin('org_node', 'org_node.id', 'approval_meeting.org_id')
    .selectAll('approval_meeting')
    .select('org_node.name as org_name')
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .orderBy('approval_meeting.id')
    .execute() as Promise<(MeetingRow & { org_name: string })[]>;
}

export function findMeeting(sdb: ScopedDb, id: number) {
  return sdb.selectFrom('approval_meeting').selectAll().where('id', '=', id).executeTakeFirst() as Promise<
    MeetingRow | undefined
  >;
}

export function votesOf(sdb: ScopedDb, meetingIds: number[]) {
  if (meetingIds.length === 0) return Promise.resolve([] as VoteRow[]);
  return sdb
    .selectFrom('approval_vote')
    .selectAll()
    .where('meeting_id', 'in', meetingIds)
    .orderBy('id')
    .execute() as Promise<VoteRow[]>;
}

/** The member's own countersignature of their vote: once (a conditional update), false when already signed. */
export async function countersign(trx: Db, meetingId: number, userId: number, at: string): Promise<boolean> {
  const r = await trx
    .updateTable('approval_vote')
    .set({ countersigned_at: at })
    .where('meeting_id', '=', meetingId)
    .where('user_id', '=', userId)
    .where('countersigned_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
