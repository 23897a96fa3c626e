import { type Kysely, sql } from 'kysely';
import { tableBuilders } from '../../platform/db/dialect.js';

/**
 * The approval bodies of seed 000 第三篇 第二十六条(三) (issue 10, item 3): a node's 组长, 领导组 and 委员会 with their
 * rosters (members, chair, from/to dates) and quorum; a collective decision's meeting (number, date, subject,
 * outcome, the counts it was judged on) and each present member's vote, marked as recorded by a fellow member
 * until the member countersigns it. Every row sits at the body's node. The approvals history names the meeting.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const { t, table, tenant } = tableBuilders(db);

  await tenant(table('approval_body'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('groupLeader', 'leadingGroup', 'committee')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('chair_required', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('present_bp', 'integer', (c) => c.notNull().defaultTo(5000))
    .addColumn('approve_bp', 'integer', (c) => c.notNull().defaultTo(5000))
    .addColumn('created_by', t.bigint)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('approval_body_uq').on('approval_body').columns(['org_id', 'kind']).unique().execute();
  await db.schema.createIndex('approval_body_path_idx').on('approval_body').column('org_path').execute();

  await tenant(table('approval_body_member'))
    .addColumn('body_id', t.bigint, (c) => c.notNull().references('approval_body.id'))
    .addColumn('user_id', t.bigint, (c) => c.notNull().references('app_user.id'))
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('chair', 'member')`))
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text')
    .addColumn('created_by', t.bigint)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('approval_body_member_body_idx')
    .on('approval_body_member')
    .columns(['body_id', 'from_date'])
    .execute();

  await tenant(table('approval_meeting'))
    .addColumn('body_id', t.bigint, (c) => c.notNull().references('approval_body.id'))
    .addColumn('body_kind', 'text', (c) => c.notNull())
    .addColumn('body_name', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', t.bigint, (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision in ('approve', 'reject')`))
    .addColumn('roster_count', 'integer', (c) => c.notNull())
    .addColumn('present_count', 'integer', (c) => c.notNull())
    .addColumn('approve_count', 'integer', (c) => c.notNull())
    .addColumn('chair_required', 'integer', (c) => c.notNull())
    .addColumn('present_bp', 'integer', (c) => c.notNull())
    .addColumn('approve_bp', 'integer', (c) => c.notNull())
    .addColumn('absent_json', 'text', (c) => c.notNull())
    .addColumn('recorded_by', t.bigint)
    .addColumn('recorded_by_name', 'text', (c) => c.notNull())
    .addColumn('recorded_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('approval_meeting_subject_idx')
    .on('approval_meeting')
    .columns(['subject_type', 'subject_id'])
    .execute();
  await db.schema
    .createIndex('approval_meeting_number_idx')
    .on('approval_meeting')
    .columns(['body_id', 'number'])
    .execute();

  await tenant(table('approval_vote'))
    .addColumn('meeting_id', t.bigint, (c) => c.notNull().references('approval_meeting.id'))
    .addColumn('user_id', t.bigint, (c) => c.notNull())
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('vote', 'text', (c) => c.notNull().check(sql`vote in ('approve', 'reject', 'abstain')`))
    .addColumn('opinion', 'text')
    // Who entered this ballot when not the member themselves (null: the member, signed in, recorded it).
    .addColumn('recorded_by', t.bigint)
    .addColumn('recorded_by_name', 'text')
    .addColumn('countersigned_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('approval_vote_uq')
    .on('approval_vote')
    .columns(['meeting_id', 'user_id'])
    .unique()
    .execute();

  await db.schema.alterTable('approval').addColumn('meeting_id', t.bigint).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('approval').dropColumn('meeting_id').execute();
  for (const tbl of ['approval_vote', 'approval_meeting', 'approval_body_member', 'approval_body'])
    await db.schema.dropTable(tbl).execute();
}
