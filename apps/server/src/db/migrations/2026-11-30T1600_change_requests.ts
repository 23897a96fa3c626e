import type { Kysely } from 'kysely';
import { tableBuilders } from '../../platform/db/dialect.js';

/**
 * Issue 9, "Files that live": change requests (变更申请) on files in the archive. `household_change` sits at the
 * file's node (a tenant table, moved with the file and with subtree moves); the whole proposed input is encrypted
 * like a version's snapshot. Attachments of a change are the file's attachments marked with the change's id.
 * `archive_setting.renotice_grade_change`: a grade change goes through 公示 again (inherited, default off).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const { t, table, tenant } = tableBuilders(db);
  await tenant(table('household_change'))
    .addColumn('household_id', t.bigint, (c) => c.notNull().references('household.id'))
    .addColumn('base_version', 'integer', (c) => c.notNull())
    .addColumn('kinds', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('proposed_enc', 'text', (c) => c.notNull())
    .addColumn('grade_before', 'text')
    .addColumn('grade_proposed_before', 'text')
    .addColumn('grade_proposed_after', 'text')
    .addColumn('eligible_before', 'integer')
    .addColumn('eligible_after', 'integer')
    .addColumn('explanation_after_json', 'text')
    .addColumn('needs_upper', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('proposed_via', 'text', (c) => c.notNull())
    .addColumn('proposed_by', t.bigint)
    .addColumn('proposed_by_name', 'text')
    .addColumn('proposed_at', t.timestamp, (c) => c.notNull())
    .addColumn('reviewed_by', t.bigint)
    .addColumn('reviewed_by_name', 'text')
    .addColumn('reviewed_at', t.timestamp)
    .addColumn('review_opinion', 'text')
    .addColumn('decided_by', t.bigint)
    .addColumn('decided_by_name', 'text')
    .addColumn('decided_at', t.timestamp)
    .addColumn('decide_opinion', 'text')
    .addColumn('granted_grade', 'text')
    .addColumn('grade_override_reason', 'text')
    .addColumn('notice_end', t.timestamp)
    .addColumn('applied_version', 'integer')
    .addColumn('result_json', 'text')
    .addColumn('closed_at', t.timestamp)
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('household_change_household_idx').on('household_change').column('household_id').execute();
  await db.schema
    .createIndex('household_change_scope_status_idx')
    .on('household_change')
    .columns(['org_path', 'status'])
    .execute();
  await db.schema.alterTable('household_attachment').addColumn('change_id', t.bigint).execute();
  await db.schema
    .alterTable('archive_setting')
    .addColumn('renotice_grade_change', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('The change-requests migration cannot be reverted: restore a backup instead');
}
