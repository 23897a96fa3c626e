import type { Db } from '../../platform/db/connect.js';

/** The settings rows of the nodes on a path (`ids` = the path's node ids): inheritance reads upward. */
export function settingsOnPath(db: Db, ids: number[]) {
  return db.selectFrom('archive_setting').selectAll().where('org_id', 'in', ids).execute();
}

export async function upsertSettings(
  trx: Db,
  orgId: number,
  s: { noticeDays: number; reviewMonths: number },
  now: string,
): Promise<void> {
  await trx
    .insertInto('archive_setting')
    .values({ org_id: orgId, notice_days: s.noticeDays, review_months: s.reviewMonths, updated_at: now })
    .onConflict((oc) =>
      oc.column('org_id').doUpdateSet({ notice_days: s.noticeDays, review_months: s.reviewMonths, updated_at: now }),
    )
    .execute();
}
