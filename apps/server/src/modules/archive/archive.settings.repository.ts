import type { Db } from '../../platform/db/connect.js';

/** The settings rows of the nodes on a path (`ids` = the path's node ids): inheritance reads upward. */
export function settingsOnPath(db: Db, ids: number[]) {
  return db.selectFrom('archive_setting').selectAll().where('org_id', 'in', ids).execute();
}

export async function upsertSettings(
  trx: Db,
  orgId: number,
  s: { noticeDays: number; reviewMonths: number; renoticeGradeChange: boolean },
  now: string,
): Promise<void> {
  const values = {
    notice_days: s.noticeDays,
    review_months: s.reviewMonths,
    renotice_grade_change: s.renoticeGradeChange ? 1 : 0,
    updated_at: now,
  };
  await trx
    .insertInto('archive_setting')
    .values({ org_id: orgId, ...values })
    .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
    .execute();
}
