import type { Db } from '../../platform/db/connect.js';
import type { HouseholdIncomeMonthTable } from '../../platform/db/schema.js';
import type { ScopedDb } from '../../platform/db/scoped.js';

export type IncomeRow = Omit<HouseholdIncomeMonthTable, 'id'>;

export function monthsOf(sdb: ScopedDb, householdId: number) {
  return sdb
    .selectFrom('household_income_month')
    .selectAll()
    .where('household_id', '=', householdId)
    .orderBy('month', 'desc')
    .execute();
}

/** Insert the month, or correct it in place (the audit trail keeps the value it replaced). */
export async function upsertMonth(trx: Db, row: IncomeRow, existingId: number | null) {
  if (existingId === null) {
    await trx.insertInto('household_income_month').values(row).execute();
    return;
  }
  await trx
    .updateTable('household_income_month')
    .set({
      household_income_fen: row.household_income_fen,
      household_size: row.household_size,
      per_capita_fen: row.per_capita_fen,
      dibao_line_fen: row.dibao_line_fen,
      above_line: row.above_line,
      note: row.note,
      recorded_by: row.recorded_by,
      recorded_by_name: row.recorded_by_name,
      recorded_at: row.recorded_at,
    })
    .where('id', '=', existingId)
    .execute();
}

export async function setIncomeState(
  trx: Db,
  householdId: number,
  s: { exit_proposed_since: string | null; updated_at: string },
) {
  await trx.updateTable('household').set(s).where('id', '=', householdId).execute();
}
