import { type Kysely, sql } from 'kysely';
import { tableBuilders } from '../../platform/db/dialect.js';

/**
 * The yearly review (年度复核) with spot checks.
 *
 * `review_round` sits at the node that opened it: one round per node and year (unique index). `review_round_file`
 * sits at the FILE's node (tenant columns of the household), so subtree moves and file transfers carry it; a file
 * is in at most one round a year (unique household_id, year), so a file is reviewed once a year even when a
 * county and its city both open a round. The review, its outcome, the decision on a proposed 解困/脱困/注销 and
 * the spot check (drawn by whom and when, checked by whom, result) are columns of the file's row; a database
 * CHECK keeps a sampled row reviewed and a checked row sampled.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const { t, table, tenant } = tableBuilders(db);

  await tenant(table('review_round'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('spot_share_bp', 'integer', (c) => c.notNull().check(sql`spot_share_bp >= 0 and spot_share_bp <= 10000`))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'closed')`))
    .addColumn('opened_by', t.bigint)
    .addColumn('opened_by_name', 'text', (c) => c.notNull())
    .addColumn('opened_at', t.timestamp, (c) => c.notNull())
    .addColumn('closed_by', t.bigint)
    .addColumn('closed_by_name', 'text')
    .addColumn('closed_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('review_round_node_year_uq')
    .on('review_round')
    .columns(['org_id', 'year'])
    .unique()
    .execute();
  await db.schema.createIndex('review_round_scope_idx').on('review_round').columns(['org_path', 'year']).execute();

  await tenant(table('review_round_file'))
    .addColumn('round_id', t.bigint, (c) => c.notNull().references('review_round.id'))
    .addColumn('household_id', t.bigint, (c) => c.notNull().references('household.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('added_at', t.timestamp, (c) => c.notNull())
    .addColumn('reviewed_at', t.timestamp)
    .addColumn('reviewed_by', t.bigint)
    .addColumn('reviewed_by_name', 'text')
    .addColumn('method', 'text', (c) => c.check(sql`method in ('phone', 'visit', 'data')`))
    .addColumn('reviewed_on', 'text')
    .addColumn('findings', 'text')
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome in ('continue', 'change', 'relieve', 'exit', 'cancel')`))
    .addColumn('outcome_reason', 'text')
    .addColumn('cancel_cause', 'text')
    // The change request (变更申请, household_change) recorded for a 'change' outcome, once one exists.
    .addColumn('change_id', t.bigint)
    .addColumn('decision', 'text', (c) => c.check(sql`decision in ('taken', 'declined')`))
    .addColumn('decided_at', t.timestamp)
    .addColumn('decided_by', t.bigint)
    .addColumn('decided_by_name', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('spot_selected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('spot_selected_at', t.timestamp)
    .addColumn('spot_selected_by', t.bigint)
    .addColumn('spot_selected_by_name', 'text')
    .addColumn('spot_checked_at', t.timestamp)
    .addColumn('spot_checked_by', t.bigint)
    .addColumn('spot_checked_by_name', 'text')
    .addColumn('spot_result', 'text', (c) => c.check(sql`spot_result in ('confirmed', 'discrepancy')`))
    .addColumn('spot_note', 'text')
    .addCheckConstraint(
      'review_round_file_reviewed',
      sql`reviewed_at is null or (method is not null and reviewed_on is not null and outcome is not null)`,
    )
    .addCheckConstraint('review_round_file_sampled', sql`spot_selected = 0 or reviewed_at is not null`)
    .addCheckConstraint(
      'review_round_file_checked',
      sql`spot_checked_at is null or (spot_selected = 1 and spot_result is not null)`,
    )
    .execute();
  await db.schema
    .createIndex('review_round_file_uq')
    .on('review_round_file')
    .columns(['round_id', 'household_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('review_round_file_year_uq')
    .on('review_round_file')
    .columns(['household_id', 'year'])
    .unique()
    .execute();
  await db.schema
    .createIndex('review_round_file_round_idx')
    .on('review_round_file')
    .columns(['round_id', 'org_path'])
    .execute();
  await db.schema
    .createIndex('review_round_file_scope_idx')
    .on('review_round_file')
    .columns(['org_path', 'round_id'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('The yearly review migration cannot be reverted: restore a backup instead');
}
