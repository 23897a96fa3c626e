import { type Kysely, sql } from 'kysely';

/**
 * One money core (issue 10): a grant's life belongs to `modules/grants`. A failed payment may be paid again once
 * (`attempt` 1 → 2) or voided; an application's status follows its grant, so applications whose grant failed
 * before this migration now say so.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('assistance_grant')
    .addColumn('attempt', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await sql`update assistance_application set status = 'failed'
    where status = 'approved'
      and exists (select 1 from assistance_grant g where g.application_id = assistance_application.id and g.status = 'failed')
      and not exists (select 1 from assistance_grant g where g.application_id = assistance_application.id
        and g.status in ('proposed', 'approved', 'paid'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`update assistance_application set status = 'approved' where status in ('failed', 'void')`.execute(db);
  await db.schema.alterTable('assistance_grant').dropColumn('attempt').execute();
}
