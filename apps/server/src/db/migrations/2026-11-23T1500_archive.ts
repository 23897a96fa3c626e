import { ACTIVE_FILE_STATUSES } from '@bangfu/contracts';
import { type Kysely, sql } from 'kysely';
import { tableBuilders } from '../../platform/db/dialect.js';

/**
 * The archive (困难职工档案): one file per household, its members, every version, every workflow step.
 * Personal fields are ciphertext (*_enc) with a blind index (*_bidx) for exact search and a masked form
 * (*_mask) for lists. Columns that reports count (sex, birth date, causes, grade, status, work, education,
 * 低保) are plain; the long tail of form fields is a JSON document validated by the contracts.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const { t, table: id, tenant } = tableBuilders(db);

  await db.schema
    .createTable('file_counter')
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('next', t.bigint, (c) => c.notNull())
    .execute();

  await tenant(id('household'))
    .addColumn('file_no', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('grade', 'text')
    .addColumn('grade_proposed', 'text')
    .addColumn('grade_override_reason', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_sort', t.pathText, (c) => c.notNull())
    .addColumn('name_initials', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('id_enc', 'text', (c) => c.notNull())
    .addColumn('id_bidx', 'text', (c) => c.notNull())
    .addColumn('id_mask', 'text', (c) => c.notNull())
    .addColumn('phone_enc', 'text')
    .addColumn('phone_bidx', 'text')
    .addColumn('phone_mask', 'text')
    .addColumn('health_enc', 'text')
    .addColumn('bank_enc', 'text')
    .addColumn('disability', 'text', (c) => c.notNull())
    .addColumn('work_status', 'text', (c) => c.notNull())
    .addColumn('education', 'text')
    .addColumn('marital_status', 'text', (c) => c.notNull())
    .addColumn('dibao_status', 'text', (c) => c.notNull())
    .addColumn('single_parent', 'integer', (c) => c.notNull())
    .addColumn('zero_employment', 'integer', (c) => c.notNull())
    .addColumn('main_cause', 'text', (c) => c.notNull())
    .addColumn('cause2', 'text')
    .addColumn('cause3', 'text')
    .addColumn('cause4', 'text')
    .addColumn('household_size', 'integer', (c) => c.notNull())
    .addColumn('annual_income_fen', t.bigint, (c) => c.notNull())
    .addColumn('per_capita_fen', t.bigint, (c) => c.notNull())
    .addColumn('details_json', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_by', t.bigint)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('notice_round', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('notice_start', t.timestamp)
    .addColumn('notice_end', t.timestamp)
    .addColumn('filed_at', t.timestamp)
    .addColumn('last_reviewed_at', t.timestamp)
    .addColumn('next_review_due', 'text')
    .addColumn('last_assisted_at', t.timestamp)
    .execute();
  // 一人一档: one active file per person in the whole country, enforced by the database itself.
  const active = sql.join(ACTIVE_FILE_STATUSES.map((s) => sql.lit(s)));
  await sql`create unique index household_person_active_uq on household (id_bidx) where status in (${active})`.execute(
    db,
  );
  await db.schema.createIndex('household_id_bidx_idx').on('household').column('id_bidx').execute();
  await db.schema.createIndex('household_scope_sort_idx').on('household').columns(['org_path', 'name_sort']).execute();
  await db.schema.createIndex('household_scope_status_idx').on('household').columns(['org_path', 'status']).execute();
  await db.schema.createIndex('household_phone_idx').on('household').column('phone_bidx').execute();
  await db.schema.createIndex('household_initials_idx').on('household').column('name_initials').execute();

  // Per-node archive settings (公示 days, review interval), inherited down the tree unless overridden.
  await db.schema
    .createTable('archive_setting')
    .addColumn('org_id', t.bigint, (c) => c.primaryKey().references('org_node.id'))
    .addColumn('notice_days', 'integer', (c) => c.notNull())
    .addColumn('review_months', 'integer', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await tenant(id('household_member'))
    .addColumn('household_id', t.bigint, (c) => c.notNull().references('household.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('sex', 'text')
    .addColumn('birth_date', 'text')
    .addColumn('id_enc', 'text')
    .addColumn('id_bidx', 'text')
    .addColumn('id_mask', 'text')
    .addColumn('health_enc', 'text')
    .addColumn('disability', 'text')
    .addColumn('schooling', 'text')
    .addColumn('marital_status', 'text')
    .addColumn('monthly_income_fen', t.bigint, (c) => c.notNull())
    .addColumn('details_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('household_member_household_idx')
    .on('household_member')
    .columns(['household_id', 'seq'])
    .execute();
  await db.schema.createIndex('household_member_bidx_idx').on('household_member').column('id_bidx').execute();

  // Every version of a file, whole, encrypted (it holds personal data): nothing is ever lost.
  await tenant(id('household_version'))
    .addColumn('household_id', t.bigint, (c) => c.notNull().references('household.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addColumn('actor_id', t.bigint)
    .addColumn('actor_name', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('snapshot_enc', 'text', (c) => c.notNull())
    .addUniqueConstraint('household_version_uq', ['household_id', 'version'])
    .execute();

  // The workflow's steps: who, when, what was seen.
  await tenant(id('household_event'))
    .addColumn('household_id', t.bigint, (c) => c.notNull().references('household.id'))
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addColumn('actor_id', t.bigint)
    .addColumn('actor_name', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('note', 'text')
    .addColumn('data_json', 'text')
    .execute();
  await db.schema
    .createIndex('household_event_household_idx')
    .on('household_event')
    .columns(['household_id', 'id'])
    .execute();
  // Staged Excel imports: upload → per-row report → decisions on suspected duplicates → commit.
  await tenant(id('archive_import'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('processed', 'integer', (c) => c.notNull())
    .addColumn('valid', 'integer', (c) => c.notNull())
    .addColumn('invalid', 'integer', (c) => c.notNull())
    .addColumn('suspected', 'integer', (c) => c.notNull())
    .addColumn('committed', 'integer', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('created_by', t.bigint)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await tenant(id('archive_import_row'))
    .addColumn('import_id', t.bigint, (c) => c.notNull().references('archive_import.id'))
    .addColumn('row_no', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('problems_json', 'text')
    .addColumn('payload_enc', 'text')
    .addColumn('household_id', t.bigint)
    .execute();
  await db.schema
    .createIndex('archive_import_row_idx')
    .on('archive_import_row')
    .columns(['import_id', 'status', 'row_no'])
    .execute();
  // Eligibility policies: versions per node by effective date, inherited down the tree (packages/policy).
  await tenant(id('eligibility_policy'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('data_json', 'text', (c) => c.notNull())
    .addColumn('created_by', t.bigint)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('eligibility_policy_version_uq', ['org_id', 'version'])
    .execute();
  await db.schema.alterTable('household').addColumn('grade_explanation_json', 'text').execute();
  // Attachments (ID copies, diagnoses, receipts, visit photos): encrypted content, checksum, never deleted.
  await tenant(id('household_attachment'))
    .addColumn('household_id', t.bigint, (c) => c.notNull().references('household.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content_enc', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', t.bigint)
    .addColumn('uploaded_at', t.timestamp, (c) => c.notNull())
    .addColumn('removed_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('household_attachment_idx')
    .on('household_attachment')
    .columns(['household_id', 'id'])
    .execute();
  // Worker self-service: a worker account is linked to its person by the blind index of their ID number.
  await db.schema.alterTable('app_user').addColumn('person_bidx', 'text').execute();
  await db.schema.createIndex('app_user_person_idx').on('app_user').column('person_bidx').execute();
}

export async function down(): Promise<void> {
  throw new Error('The archive migration cannot be reverted: restore a backup instead');
}
