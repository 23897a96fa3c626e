import { type Kysely, sql } from 'kysely';

/**
 * The budget year of a grant, kept on the grant: a quarter's or a year's period gives it ('2027Q1' → 2027), a
 * campaign entry takes its campaign key's year ('CP44-2027-0000001#2' → 2027). Budgets count by it, so
 * campaigns and applications use up the year's budget like batches do.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('assistance_grant').addColumn('fiscal_year', 'integer').execute();
  await sql`update assistance_grant set fiscal_year = cast(
      case when period like 'CP%' then substr(period, 6, 4) else substr(period, 1, 4) end as integer)`.execute(db);
  await db.schema
    .createIndex('assistance_grant_budget_idx')
    .on('assistance_grant')
    .columns(['programme', 'fiscal_year', 'org_path'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('The grant-year migration cannot be reverted: restore a backup instead');
}
