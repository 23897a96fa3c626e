import { ACTIVE_FILE_STATUSES, type HouseholdQuery } from '@bangfu/contracts';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import { containsLike, startsLike } from '../../platform/db/dialect.js';
import type {
  HouseholdEventTable,
  HouseholdMemberTable,
  HouseholdTable,
  HouseholdVersionTable,
} from '../../platform/db/schema.js';
import { type ScopedDb, systemSelect } from '../../platform/db/scoped.js';

export type HouseholdRow = Omit<HouseholdTable, 'id'> & { id: number };
export type MemberRow = Omit<HouseholdMemberTable, 'id'> & { id: number };
export type NewHousehold = Omit<HouseholdTable, 'id'>;
export type NewMember = Omit<HouseholdMemberTable, 'id' | 'household_id'>;

/** Allocate the next file number of a province and year: '44-2026-0000123'. Inside the filing transaction. */
export async function nextFileNo(trx: Db, provinceCode: string, year: number): Promise<string> {
  const scope = `${provinceCode}-${year}`;
  await trx
    .insertInto('file_counter')
    .values({ scope, next: 1 })
    .onConflict((oc) => oc.column('scope').doNothing())
    .execute();
  // UPDATE … RETURNING takes the row lock (PostgreSQL) or runs under the write lock (SQLite): no two files share a number.
  const r = await sql<{
    n: number;
  }>`update file_counter set next = next + 1 where scope = ${scope} returning next - 1 as n`.execute(trx);
  const row = r.rows[0];
  return `${scope}-${String(Number(row?.n)).padStart(7, '0')}`;
}

/**
 * 一人一档 across workers and members: every active file, anywhere in the country, in which one of these persons
 * (blind indexes) is the worker or a member. Unscoped by nature (the holder may be outside the caller's scope);
 * callers show only the holding organisation's name.
 */
export async function activePersonHolders(db: Db, bidxs: string[], exceptId?: number) {
  if (bidxs.length === 0) return [];
  let workers = systemSelect(db, 'household', 'uniqueness')
    .innerJoin('org_node', 'org_node.id', 'household.org_id')
    .select(['household.id_bidx as bidx', 'household.id as household_id', 'org_node.name as org_name'])
    .where('household.id_bidx', 'in', bidxs)
    .where('household.status', 'in', [...ACTIVE_FILE_STATUSES]);
  let members = systemSelect(db, 'household_member', 'uniqueness')
    .innerJoin('household', 'household.id', 'household_member.household_id')
    .innerJoin('org_node', 'org_node.id', 'household.org_id')
    .select(['household_member.id_bidx as bidx', 'household.id as household_id', 'org_node.name as org_name'])
    .where('household_member.id_bidx', 'in', bidxs)
    .where('household.status', 'in', [...ACTIVE_FILE_STATUSES]);
  if (exceptId !== undefined) {
    workers = workers.where('household.id', '!=', exceptId);
    members = members.where('household.id', '!=', exceptId);
  }
  const [w, m] = await Promise.all([workers.execute(), members.execute()]);
  return [
    ...w.map((r) => ({
      bidx: r.bidx,
      householdId: Number(r.household_id),
      orgName: r.org_name,
      as: 'worker' as const,
    })),
    ...m.map((r) => ({
      bidx: r.bidx as string,
      householdId: Number(r.household_id),
      orgName: r.org_name,
      as: 'member' as const,
    })),
  ];
}

/**
 * PostgreSQL: serialise filings that name the same persons (a member is not covered by the partial unique index
 * on the worker), with transaction-scoped advisory locks taken in a fixed order. SQLite writes one at a time.
 */
export async function lockPersons(trx: Db, dialect: 'sqlite' | 'postgres', bidxs: string[]) {
  if (dialect !== 'postgres') return;
  for (const b of [...new Set(bidxs)].sort())
    await sql`select pg_advisory_xact_lock(hashtext(${`person:${b}`}))`.execute(trx);
}

export async function insertHousehold(trx: Db, row: NewHousehold): Promise<number> {
  const r = await trx.insertInto('household').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function updateHousehold(trx: Db, id: number, patch: Partial<NewHousehold>) {
  await trx.updateTable('household').set(patch).where('id', '=', id).execute();
}

/**
 * Serialise the steps of one file: PostgreSQL takes the row lock (`FOR UPDATE`) until the transaction ends, so
 * a concurrent step reads the status the winner wrote; SQLite runs one write transaction at a time already.
 * Call before reading the file in a transaction that changes it.
 */
export async function lockHousehold(trx: Db, dialect: 'sqlite' | 'postgres', id: number) {
  if (dialect === 'postgres') await sql`select id from household where id = ${id} for update`.execute(trx);
}

/**
 * The step's conditional update: the file moves only if it is still in the status (and organisation) the step
 * was decided on. Returns false when another request changed it first: the caller answers 409, writes nothing.
 */
export async function updateHouseholdIf(
  trx: Db,
  id: number,
  expect: { status: string; org_id?: number },
  patch: Partial<NewHousehold>,
): Promise<boolean> {
  let qb = trx.updateTable('household').set(patch).where('id', '=', id).where('status', '=', expect.status);
  if (expect.org_id !== undefined) qb = qb.where('org_id', '=', expect.org_id);
  const r = await qb.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Members are replaced as a whole on each edit; earlier versions stay in household_version. */
export async function replaceMembers(
  trx: Db,
  household: { id: number } & Pick<NewHousehold, 'org_id' | 'org_path' | 'province_code'>,
  members: NewMember[],
) {
  await trx.deleteFrom('household_member').where('household_id', '=', household.id).execute();
  if (members.length)
    await trx
      .insertInto('household_member')
      .values(members.map((m) => ({ ...m, household_id: household.id })))
      .execute();
}

/** A transferred file takes its members, versions and steps along to the new node. */
export async function moveFile(
  trx: Db,
  id: number,
  where: { org_id: number; org_path: string; province_code: string },
  now: string,
  expect: { status: string; org_id: number },
): Promise<boolean> {
  const moved = await updateHouseholdIf(trx, id, expect, { ...where, updated_at: now });
  if (!moved) return false;
  for (const table of FILE_OWNED) await trx.updateTable(table).set(where).where('household_id', '=', id).execute();
  // Goods received are append-only: only their placement may change (migration 2026-11-30T1500); org_id keeps
  // the node the goods were handed out at.
  await trx
    .updateTable('goods_movement')
    .set({ org_path: where.org_path, province_code: where.province_code })
    .where('household_id', '=', id)
    .where('kind', '=', 'out_household')
    .execute();
  // The worker's self-service account is managed by the union holding the file.
  await trx.updateTable('app_user').set(where).where('household_id', '=', id).execute();
  return true;
}

/**
 * The rows a file carries when it is transferred (`moveFile`). Grants, applications and approvals stay with the
 * union that proposed and paid them (its batches and ledger); the audit trail stays where it was written. The
 * file's rows in yearly review rounds follow it (the round itself stays at the node that opened it).
 */
const FILE_OWNED = [
  'household_member',
  'household_version',
  'household_event',
  'household_change',
  'household_income_month',
  'household_attachment',
  'certificate',
  'review_round_file',
] as const;

export async function insertVersion(trx: Db, row: Omit<HouseholdVersionTable, 'id'>) {
  await trx.insertInto('household_version').values(row).execute();
}

export async function insertEvent(trx: Db, row: Omit<HouseholdEventTable, 'id'>) {
  await trx.insertInto('household_event').values(row).execute();
}

const listColumns = [
  'household.id',
  'household.file_no',
  'household.name',
  'household.id_mask',
  'household.sex',
  'household.birth_year',
  'household.org_id',
  'household.kind',
  'household.status',
  'household.grade',
  'household.main_cause',
  'household.household_size',
  'household.per_capita_fen',
  'household.phone_mask',
  'household.last_reviewed_at',
  'household.next_review_due',
  'household.exit_proposed_since',
  'household.grade_proposed',
  'household.notice_start',
  'household.notice_end',
  'household.updated_at',
  'org_node.name as org_name',
] as const;

export async function findById(sdb: ScopedDb, id: number) {
  const row = await sdb
    .selectFrom('household')
    .innerJoin('org_node', 'org_node.id', 'household.org_id')
    .selectAll('household')
    .select('org_node.name as org_name')
    .where('household.id', '=', id)
    .executeTakeFirst();
  return row as (HouseholdRow & { org_name: string }) | undefined;
}

export function members(sdb: ScopedDb, householdId: number): Promise<MemberRow[]> {
  return sdb
    .selectFrom('household_member')
    .selectAll()
    .where('household_id', '=', householdId)
    .orderBy('seq')
    .execute() as Promise<MemberRow[]>;
}

export function versions(sdb: ScopedDb, householdId: number) {
  return sdb
    .selectFrom('household_version')
    .select(['version', 'status', 'at', 'actor_name', 'reason'])
    .where('household_id', '=', householdId)
    .orderBy('version', 'desc')
    .execute();
}

export function version(sdb: ScopedDb, householdId: number, v: number) {
  return sdb
    .selectFrom('household_version')
    .selectAll()
    .where('household_id', '=', householdId)
    .where('version', '=', v)
    .executeTakeFirst();
}

export function events(sdb: ScopedDb, householdId: number) {
  return sdb.selectFrom('household_event').selectAll().where('household_id', '=', householdId).orderBy('id').execute();
}

/** Work queues of dynamic management, with the dates they are computed from. */
export type Queue =
  | { kind: 'due'; untilDate: string }
  | { kind: 'overdue'; beforeDate: string }
  | { kind: 'stale'; beforeIso: string }
  | { kind: 'never_assisted' }
  | { kind: 'notice' }
  | { kind: 'exit_proposed' };

const MANAGED = ['filed', 'relieved'];

function applyQueue<QB extends ReturnType<typeof householdsWithOrg>>(qb: QB, q: Queue): QB {
  switch (q.kind) {
    case 'due':
      return qb.where('household.status', 'in', MANAGED).where('household.next_review_due', '<=', q.untilDate) as QB;
    case 'overdue':
      return qb.where('household.status', 'in', MANAGED).where('household.next_review_due', '<', q.beforeDate) as QB;
    case 'stale':
      return qb
        .where('household.status', 'in', MANAGED)
        .where('household.updated_at', '<', q.beforeIso)
        .where((eb) =>
          eb.or([eb('household.last_reviewed_at', 'is', null), eb('household.last_reviewed_at', '<', q.beforeIso)]),
        ) as QB;
    case 'never_assisted':
      return qb.where('household.status', 'in', MANAGED).where('household.last_assisted_at', 'is', null) as QB;
    case 'notice':
      return qb.where('household.status', 'in', ['on_notice', 'objection']) as QB;
    case 'exit_proposed':
      return qb.where('household.status', 'in', MANAGED).where('household.exit_proposed_since', 'is not', null) as QB;
  }
}

const householdsWithOrg = (sdb: ScopedDb) =>
  sdb.selectFrom('household').innerJoin('org_node', 'org_node.id', 'household.org_id');

export async function membersOf(sdb: ScopedDb, ids: number[]): Promise<Map<number, MemberRow[]>> {
  const map = new Map<number, MemberRow[]>();
  if (ids.length === 0) return map;
  const rows = (await sdb
    .selectFrom('household_member')
    .selectAll()
    .where('household_id', 'in', ids)
    .orderBy('seq')
    .execute()) as MemberRow[];
  for (const r of rows) map.set(Number(r.household_id), [...(map.get(Number(r.household_id)) ?? []), r]);
  return map;
}

/** The filters of a search within the caller's subtree. Exact ID and phone go through their blind indexes. */
function filtered(sdb: ScopedDb, q: ListQuery) {
  let qb = householdsWithOrg(sdb);
  if (q.queue) qb = applyQueue(qb, q.queue);
  if (q.orgPath) qb = qb.where('household.org_path', '>=', q.orgPath).where('household.org_path', '<', `${q.orgPath}~`);
  if (q.q) {
    const text = q.q;
    const lower = text.toLowerCase();
    qb = qb.where((eb) =>
      eb.or([
        containsLike('household.name', text),
        startsLike('household.name_initials', lower),
        startsLike('household.name_sort', lower),
        startsLike('household.file_no', text),
      ]),
    );
  }
  if (q.idBidx) qb = qb.where('household.id_bidx', '=', q.idBidx);
  else if (q.idNumber) {
    // Partial ID: only the digits the masked form shows (the last four) can match.
    const d = q.idNumber.toUpperCase();
    qb = qb.where(sql<boolean>`household.id_mask like ${`%${d.replace(/[\\%_]/g, '')}`}`);
  }
  if (q.phoneBidx) qb = qb.where('household.phone_bidx', '=', q.phoneBidx);
  if (q.fileNo) qb = qb.where('household.file_no', '=', q.fileNo);
  if (q.status?.length) qb = qb.where('household.status', 'in', q.status);
  if (q.grade) qb = qb.where('household.grade', '=', q.grade);
  if (q.cause) {
    const c = q.cause;
    qb = qb.where((eb) =>
      eb.or([
        eb('household.main_cause', '=', c),
        eb('household.cause2', '=', c),
        eb('household.cause3', '=', c),
        eb('household.cause4', '=', c),
      ]),
    );
  }
  return qb;
}

const sortCol = {
  pinyin: 'household.name_sort',
  fileNo: 'household.file_no',
  updatedAt: 'household.updated_at',
  perCapita: 'household.per_capita_fen',
} as const;

type ListQuery = HouseholdQuery & { idBidx?: string; phoneBidx?: string; orgPath?: string; queue?: Queue };

/** Search within the caller's subtree, one page and the total. */
export async function list(sdb: ScopedDb, q: ListQuery) {
  const qb = filtered(sdb, q);
  const [rows, total] = await Promise.all([
    qb
      .select(listColumns)
      .orderBy(sortCol[q.sort], q.order)
      .orderBy('household.id', q.order)
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    qb.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Full rows of the same filtered list in the same order, one page at a time, for export. */
export function exportPage(sdb: ScopedDb, q: ListQuery, limit: number, offset: number) {
  return filtered(sdb, q)
    .selectAll('household')
    .select('org_node.name as org_name')
    .orderBy(sortCol[q.sort], q.order)
    .orderBy('household.id', q.order)
    .limit(limit)
    .offset(offset)
    .execute();
}
