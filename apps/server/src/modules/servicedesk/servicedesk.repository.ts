import type { ServiceDeskSettings } from '@bangfu/contracts';
import type { Db } from '../../platform/db/connect.js';
import type { DutyShiftTable } from '../../platform/db/schema-servicedesk.js';
import { type ScopedDb, systemSelect } from '../../platform/db/scoped.js';

/** The settings rows of the nodes on a path (`ids` = the path's node ids): inheritance reads upward. */
export function settingsOnPath(db: Db, ids: number[]) {
  return db.selectFrom('servicedesk_setting').selectAll().where('org_id', 'in', ids).execute();
}

export async function upsertSettings(trx: Db, orgId: number, s: ServiceDeskSettings, now: string): Promise<void> {
  const values = {
    general_days: s.generalDays,
    difficult_days: s.difficultDays,
    complex_days: s.complexDays,
    due_soon_days: s.dueSoonDays,
    repeat_window_days: s.repeatWindowDays,
    updated_at: now,
  };
  await trx
    .insertInto('servicedesk_setting')
    .values({ org_id: orgId, ...values })
    .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
    .execute();
}

/**
 * A node by id whatever the caller's scope: a returned order goes back to the union that sent it, above the one
 * returning it (the sender is an ancestor of the order's node, so nothing outside the order's own line is read).
 */
export function orgForRouting(db: Db, id: number) {
  return systemSelect(db, 'org_node', 'work-order-routing')
    .select(['id', 'name', 'path', 'province_code', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Active staff at one node who may handle service-desk work (the roles holding servicedesk.write). */
export function deskStaffAt(sdb: ScopedDb, orgId: number, deskRoles: readonly string[], userId?: number) {
  let qb = sdb
    .selectFrom('app_user')
    .select(['app_user.id', 'app_user.display_name', 'app_user.org_id'])
    .where('app_user.org_id', '=', orgId)
    .where('app_user.status', '=', 'active')
    .where('app_user.kind', '=', 'staff')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_role')
          .select('user_role.user_id')
          .whereRef('user_role.user_id', '=', 'app_user.id')
          .where('user_role.role', 'in', [...deskRoles]),
      ),
    );
  if (userId !== undefined) qb = qb.where('app_user.id', '=', userId);
  return qb.orderBy('app_user.display_name').execute();
}

/** The person's file in scope, by the blind index of the ID: as the worker first, else as a member. */
export async function householdByIdBidx(sdb: ScopedDb, bidx: string, statuses: readonly string[]) {
  const worker = await sdb
    .selectFrom('household')
    .select(['id', 'file_no', 'name'])
    .where('id_bidx', '=', bidx)
    .where('status', 'in', [...statuses])
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (worker) return worker;
  return sdb
    .selectFrom('household_member')
    .innerJoin('household', 'household.id', 'household_member.household_id')
    .select(['household.id', 'household.file_no', 'household.name'])
    .where('household_member.id_bidx', '=', bidx)
    .where('household.status', 'in', [...statuses])
    .orderBy('household.id', 'desc')
    .executeTakeFirst();
}

export function householdBrief(sdb: ScopedDb, id: number) {
  return sdb
    .selectFrom('household')
    .select(['id', 'file_no', 'name', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
}

// Duty roster

export async function insertShift(trx: Db, row: Omit<DutyShiftTable, 'id'>): Promise<number> {
  const r = await trx.insertInto('duty_shift').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export function findShift(sdb: ScopedDb, id: number) {
  return sdb.selectFrom('duty_shift').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Shifts at one node overlapping [from, to), earliest first. */
export function shiftsAt(sdb: ScopedDb, orgId: number, from: string, to: string) {
  return sdb
    .selectFrom('duty_shift')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('cancelled_at', 'is', null)
    .where('starts_at', '<', to)
    .where('ends_at', '>', from)
    .orderBy('starts_at')
    .orderBy('id')
    .limit(1000)
    .execute();
}

/** The last shift at a node that ended by `now` (its handover note is what the next person reads). */
export function previousShift(sdb: ScopedDb, orgId: number, now: string) {
  return sdb
    .selectFrom('duty_shift')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('cancelled_at', 'is', null)
    .where('ends_at', '<=', now)
    .orderBy('ends_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export async function updateShiftIf(
  trx: Db,
  id: number,
  cond: { notCancelled: true; startsAfter?: string },
  patch: Partial<Omit<DutyShiftTable, 'id'>>,
): Promise<boolean> {
  let qb = trx.updateTable('duty_shift').set(patch).where('id', '=', id);
  if (cond.notCancelled) qb = qb.where('cancelled_at', 'is', null);
  if (cond.startsAfter) qb = qb.where('starts_at', '>', cond.startsAfter);
  const r = await qb.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
