import type { Kysely } from 'kysely';
import { tableBuilders } from '../../platform/db/dialect.js';

/**
 * 动态管理: monthly income records of a file (one row per household and month, corrected in place with the
 * before/after in the audit trail) and the 脱困 proposal they produce (seed 004 篇一: 6 consecutive months
 * above the 低保 line). The household keeps the first month of a proposing run for the work queue.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const { t, table, tenant } = tableBuilders(db);
  await tenant(table('household_income_month'))
    .addColumn('household_id', t.bigint, (c) => c.notNull().references('household.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('household_income_fen', t.bigint, (c) => c.notNull())
    .addColumn('household_size', 'integer', (c) => c.notNull())
    .addColumn('per_capita_fen', t.bigint, (c) => c.notNull())
    .addColumn('dibao_line_fen', t.bigint)
    .addColumn('above_line', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', t.bigint)
    .addColumn('recorded_by_name', 'text', (c) => c.notNull())
    .addColumn('recorded_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('household_income_month_uq')
    .on('household_income_month')
    .columns(['household_id', 'month'])
    .unique()
    .execute();
  await db.schema.alterTable('household').addColumn('exit_proposed_since', 'text').execute();
  await db.schema
    .createIndex('household_exit_proposed_idx')
    .on('household')
    .columns(['org_path', 'exit_proposed_since'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('The income migration cannot be reverted: restore a backup instead');
}
