import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../../platform/db/dialect.js';

/**
 * Nothing in clear rebuilds a 身份证号 (issue 8, item 2). Before: `id_mask` kept the region and the last four
 * (440203********1234) and `birth_date` the whole birth date, which together are the number. After:
 *
 * - every clear ID mask (household, household_member, and the copies in assistance_grant and goods_movement)
 *   keeps the last four characters only: **************1234; a grant's card mask likewise (**** 3445);
 * - `birth_date` becomes `birth_year` (the age bands of the reports — men under/over 50, women under/over 40 —
 *   count by year: age = report year − birth year). The full date stays inside the encrypted ID and the
 *   encrypted version snapshot.
 *
 * Runs without the key: every value it writes derives from the clear columns it replaces. goods_movement is
 * append-only by triggers; they are lifted for this one update and put back as they were.
 */
const STARS = '******************';

const lastFour = (col: string) =>
  sql`substr(${sql.lit(STARS)}, 1, length(${sql.ref(col)}) - 4) || substr(${sql.ref(col)}, length(${sql.ref(col)}) - 3)`;

async function remask(db: Kysely<any>, table: string) {
  await db
    .updateTable(table)
    .set({ id_mask: lastFour('id_mask') })
    .where('id_mask', 'is not', null)
    .where(sql`length(id_mask)`, '>', 4)
    .execute();
}

async function toBirthYear(db: Kysely<any>, table: string, notNull: boolean) {
  await db.schema
    .alterTable(table)
    .addColumn('birth_year', 'integer', (c) => (notNull ? c.notNull().defaultTo(0) : c))
    .execute();
  await db
    .updateTable(table)
    .set({ birth_year: sql`cast(substr(birth_date, 1, 4) as integer)` })
    .where('birth_date', 'is not', null)
    .execute();
  if (notNull && isPostgres(db))
    await db.schema
      .alterTable(table)
      .alterColumn('birth_year', (c) => c.dropDefault())
      .execute();
  await db.schema.alterTable(table).dropColumn('birth_date').execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  await toBirthYear(db, 'household', true);
  await toBirthYear(db, 'household_member', false);
  await remask(db, 'household');
  await remask(db, 'household_member');
  await remask(db, 'assistance_grant');
  // Card masks '中国工商银行 6222 **** 3445' → '中国工商银行 **** 3445' (the last four only).
  await db
    .updateTable('assistance_grant')
    .set({
      bank_mask: sql`substr(bank_mask, 1, length(bank_mask) - 14) || '**** ' || substr(bank_mask, length(bank_mask) - 3)`,
    })
    .where('bank_mask', 'like', '%____ **** ____')
    .execute();
  if (pg) {
    await sql`alter table goods_movement disable trigger goods_movement_no_change`.execute(db);
    await remask(db, 'goods_movement');
    await sql`alter table goods_movement enable trigger goods_movement_no_change`.execute(db);
  } else {
    await sql`drop trigger goods_movement_no_update`.execute(db);
    await remask(db, 'goods_movement');
    await sql`create trigger goods_movement_no_update before update on goods_movement
      begin select raise(abort, 'goods movements are append-only'); end`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('irreversible: the clear birth dates and wider masks are gone by design');
}
