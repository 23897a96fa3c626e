import { type Kysely, sql } from 'kysely';
import { tableBuilders } from '../../platform/db/dialect.js';

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * Legal aid (法律援助, issue 13 item 6): the roster of a union's contracted lawyers, applications decided by the
 * legal-aid group within 15 days (seed 000 第五章), assigned to a lawyer or a department, the case's kind, steps and
 * hearings, labour-dispute mediation (record and agreement, seed 001) and the outcome with the money recovered.
 *
 * `legal_aid_application` sits at the node that registered it; `legal_aid_step` (its history and the case's steps)
 * and `legal_aid_attachment` (evidence, encrypted) carry the same placement. The database refuses a decided
 * application without its decider and opinion, a closed one without its outcome, and money below zero.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const { t, table, tenant } = tableBuilders(db);

  await tenant(table('legal_lawyer'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('firm', 'text', (c) => c.notNull())
    .addColumn('licence_no', 'text', (c) => c.notNull())
    .addColumn('phone_enc', 'text', (c) => c.notNull())
    .addColumn('phone_mask', 'text', (c) => c.notNull())
    .addColumn('contract_from', 'text', (c) => c.notNull())
    .addColumn('contract_to', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addCheckConstraint('legal_lawyer_contract', sql`contract_to >= contract_from`)
    .execute();
  await db.schema
    .createIndex('legal_lawyer_licence_uq')
    .on('legal_lawyer')
    .columns(['org_id', 'licence_no'])
    .unique()
    .execute();
  await db.schema.createIndex('legal_lawyer_path_idx').on('legal_lawyer').columns(['org_path']).execute();

  await tenant(table('legal_aid_application'))
    .addColumn('app_no', 'text', (c) => c.notNull().unique())
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('id_enc', 'text')
    .addColumn('id_bidx', 'text')
    .addColumn('id_mask', 'text')
    .addColumn('phone_enc', 'text')
    .addColumn('phone_mask', 'text')
    .addColumn('employer', 'text')
    .addColumn('household_id', t.bigint, (c) => c.references('household.id'))
    .addColumn('work_order_id', t.bigint, (c) => c.references('work_order.id'))
    .addColumn('dispute_kind', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`dispute_kind in (${list(['wages_owed', 'labour_contract', 'dismissal', 'social_insurance', 'work_injury', 'other'])})`,
        ),
    )
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('claim_fen', t.bigint, (c) => c.check(sql`claim_fen >= 0`))
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(sql`status in (${list(['pending', 'refused', 'approved', 'assigned', 'closed', 'withdrawn'])})`),
    )
    .addColumn('registered_by', t.bigint)
    .addColumn('registered_by_name', 'text', (c) => c.notNull())
    .addColumn('decided_by', t.bigint)
    .addColumn('decided_by_name', 'text')
    .addColumn('decided_at', t.timestamp)
    .addColumn('decided_on', 'text')
    .addColumn('opinion', 'text')
    .addColumn('decided_on_time', 'integer')
    .addColumn('case_kind', 'text', (c) =>
      c.check(sql`case_kind in (${list(['consultation', 'mediation', 'arbitration', 'litigation', 'drafting'])})`),
    )
    .addColumn('lawyer_id', t.bigint, (c) => c.references('legal_lawyer.id'))
    .addColumn('lawyer_name', 'text')
    .addColumn('department', 'text')
    .addColumn('assigned_at', t.timestamp)
    .addColumn('assigned_by_name', 'text')
    .addColumn('med_employer', 'text')
    .addColumn('med_employer_rep', 'text')
    .addColumn('med_mediator', 'text')
    .addColumn('med_other_parties', 'text')
    .addColumn('med_recorded_at', t.timestamp)
    .addColumn('agr_terms', 'text')
    .addColumn('agr_amount_fen', t.bigint, (c) => c.check(sql`agr_amount_fen >= 0`))
    .addColumn('agr_signed_on', 'text')
    .addColumn('agr_recorded_by_name', 'text')
    .addColumn('outcome', 'text')
    .addColumn('outcome_note', 'text')
    .addColumn('recovered_fen', t.bigint, (c) => c.notNull().defaultTo(0).check(sql`recovered_fen >= 0`))
    .addColumn('closed_on', 'text')
    .addColumn('closed_by_name', 'text')
    .addColumn('withdraw_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addCheckConstraint(
      'legal_aid_decided',
      sql`status in ('pending', 'withdrawn') or (decided_by_name is not null and opinion is not null and decided_on is not null)`,
    )
    .addCheckConstraint(
      'legal_aid_granted',
      sql`status not in ('approved', 'assigned', 'closed') or case_kind is not null`,
    )
    .addCheckConstraint(
      'legal_aid_assigned',
      sql`status not in ('assigned', 'closed') or lawyer_name is not null or department is not null`,
    )
    .addCheckConstraint(
      'legal_aid_closed',
      sql`status <> 'closed' or (outcome is not null and outcome_note is not null and closed_on is not null)`,
    )
    .execute();
  await db.schema
    .createIndex('legal_aid_scope_idx')
    .on('legal_aid_application')
    .columns(['org_path', 'status', 'due_on'])
    .execute();
  await db.schema
    .createIndex('legal_aid_received_idx')
    .on('legal_aid_application')
    .columns(['org_path', 'received_on'])
    .execute();
  await db.schema.createIndex('legal_aid_id_bidx_idx').on('legal_aid_application').columns(['id_bidx']).execute();
  await db.schema
    .createIndex('legal_aid_work_order_idx')
    .on('legal_aid_application')
    .columns(['work_order_id'])
    .execute();

  const placedLikeApplication = (name: string) =>
    tenant(table(name)).addColumn('application_id', t.bigint, (c) =>
      c.notNull().references('legal_aid_application.id'),
    );

  await placedLikeApplication('legal_aid_step')
    .addColumn('entry', 'text', (c) => c.notNull().check(sql`entry in ('history', 'case')`))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('step_kind', 'text')
    .addColumn('step_on', 'text')
    .addColumn('what', 'text')
    .addColumn('result', 'text')
    .addColumn('result_at', t.timestamp)
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addColumn('actor_id', t.bigint)
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('data_json', 'text')
    .addCheckConstraint(
      'legal_aid_step_case',
      sql`entry <> 'case' or (step_kind is not null and step_on is not null and what is not null)`,
    )
    .execute();
  await db.schema
    .createIndex('legal_aid_step_app_idx')
    .on('legal_aid_step')
    .columns(['application_id', 'id'])
    .execute();
  await db.schema.createIndex('legal_aid_step_path_idx').on('legal_aid_step').columns(['org_path']).execute();

  await placedLikeApplication('legal_aid_attachment')
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content_enc', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', t.bigint)
    .addColumn('uploaded_by_name', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('legal_aid_attachment_app_idx')
    .on('legal_aid_attachment')
    .columns(['application_id'])
    .execute();
  await db.schema
    .createIndex('legal_aid_attachment_path_idx')
    .on('legal_aid_attachment')
    .columns(['org_path'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('The legal-aid migration cannot be reverted: restore a backup instead');
}
