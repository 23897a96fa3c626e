import { type Kysely, sql } from 'kysely';
import { tableBuilders } from '../../platform/db/dialect.js';

/**
 * 名单公示 for money (issue 10 item 4): a batch's, an application's or a campaign's list of recipients and amounts
 * on public notice for a number of days (`money_notice`, one per subject, at the subject's node), and the
 * objections raised during it (`money_notice_objection`, same placement) until verified with a finding.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const { t, table, tenant } = tableBuilders(db);
  await tenant(table('money_notice'))
    .addColumn('subject_type', 'text', (c) =>
      c.notNull().check(sql`subject_type in ('batch', 'application', 'campaign')`),
    )
    .addColumn('subject_id', t.bigint, (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull().check(sql`days between 1 and 60`))
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('opened_by', t.bigint)
    .addColumn('opened_by_name', 'text', (c) => c.notNull())
    .addColumn('opened_at', t.timestamp, (c) => c.notNull())
    .addCheckConstraint('money_notice_period', sql`ends_on >= starts_on`)
    .execute();
  await db.schema
    .createIndex('money_notice_subject_uq')
    .on('money_notice')
    .columns(['subject_type', 'subject_id'])
    .unique()
    .execute();
  await db.schema.createIndex('money_notice_path_idx').on('money_notice').columns(['org_path']).execute();

  await tenant(table('money_notice_objection'))
    .addColumn('notice_id', t.bigint, (c) => c.notNull().references('money_notice.id'))
    .addColumn('raised_by', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('raised_on', 'text', (c) => c.notNull())
    .addColumn('recorded_by', t.bigint)
    .addColumn('recorded_by_name', 'text', (c) => c.notNull())
    .addColumn('recorded_at', t.timestamp, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'verified')`))
    .addColumn('finding', 'text')
    .addColumn('verified_by', t.bigint)
    .addColumn('verified_by_name', 'text')
    .addColumn('verified_at', t.timestamp)
    .addCheckConstraint('money_notice_objection_finding', sql`status = 'open' or finding is not null`)
    .execute();
  await db.schema
    .createIndex('money_notice_objection_notice_idx')
    .on('money_notice_objection')
    .columns(['notice_id'])
    .execute();
  await db.schema
    .createIndex('money_notice_objection_path_idx')
    .on('money_notice_objection')
    .columns(['org_path'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('The money-notice migration cannot be reverted: restore a backup instead');
}
