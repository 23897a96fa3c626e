import type { Db } from '../../platform/db/connect.js';
import type { ApprovalTable } from '../../platform/db/schema-money.js';
import { type ScopedDb, systemSelect } from '../../platform/db/scoped.js';

/** The history of approvals (`approval`): one row per step — submit, approve, reject, comment — of a subject. */
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

/** The people who took these steps on a subject (maker-checker, and who may not pay it). */
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

/** A deciding node's name: it may be above the caller (a province), so it is read whoever asks, name only. */
export async function orgNameForRouting(db: Db, orgId: number): Promise<string | null> {
  const org = await systemSelect(db, 'org_node', 'approval-routing')
    .select('name')
    .where('id', '=', orgId)
    .executeTakeFirst();
  return org?.name ?? null;
}

/** The ancestors of a node (id, type), read to route a decision upward whoever asks (not a listing of the tree). */
export function ancestorsForRouting(db: Db, ids: number[]) {
  return systemSelect(db, 'org_node', 'approval-routing').select(['id', 'type']).where('id', 'in', ids).execute();
}
