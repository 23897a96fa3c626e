import { type Kysely, sql } from 'kysely';
import { tableBuilders } from '../../platform/db/dialect.js';

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * The rights desk (职工维权服务中心, issue 13): letters, visits, calls, 12351 hotline calls and online messages as
 * work orders, with their deadlines in working days, routing (自办/转办/交办/督办), reply, callback and the hotline's
 * duty roster.
 *
 * `work_order` sits at the node that currently holds it; its actions, supervisions and attachments carry the same
 * placement and move with it (sent down, returned, or its union moved). The database refuses a closed order
 * without a reply (件件有答复) and money recovered below zero. Numbers come from `file_counter` ('GD44-2026-…').
 * `servicedesk_setting` holds a node's deadlines (inherited down the tree), like `archive_setting`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const { t, table, tenant } = tableBuilders(db);

  await tenant(table('work_order'))
    .addColumn('order_no', 'text', (c) => c.notNull().unique())
    .addColumn('channel', 'text', (c) =>
      c.notNull().check(sql`channel in (${list(['letter', 'visit', 'phone', 'hotline_12351', 'online'])})`),
    )
    .addColumn('received_at', t.timestamp, (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('person_name', 'text')
    .addColumn('confidential', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('id_enc', 'text')
    .addColumn('id_bidx', 'text')
    .addColumn('id_mask', 'text')
    .addColumn('phone_enc', 'text')
    .addColumn('phone_bidx', 'text')
    .addColumn('phone_mask', 'text')
    .addColumn('employer', 'text')
    .addColumn('household_id', t.bigint, (c) => c.references('household.id'))
    .addColumn('categories', 'text', (c) => c.notNull())
    .addColumn('main_category', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('collective', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('head_count', 'integer')
    .addColumn('representatives', 'text')
    .addColumn('urgency', 'text', (c) => c.notNull().check(sql`urgency in ('normal', 'urgent')`))
    .addColumn('difficulty', 'text', (c) => c.notNull().check(sql`difficulty in ('general', 'difficult', 'complex')`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in (${list(['open', 'handling', 'awaiting_acceptance', 'referred', 'closed'])})`),
    )
    .addColumn('owner_user_id', t.bigint, (c) => c.references('app_user.id'))
    .addColumn('owner_name', 'text')
    .addColumn('registered_org_id', t.bigint, (c) => c.notNull().references('org_node.id'))
    .addColumn('registered_by', t.bigint)
    .addColumn('registered_by_name', 'text', (c) => c.notNull())
    .addColumn('sent_from_org_id', t.bigint, (c) => c.references('org_node.id'))
    .addColumn('sent_by_user_id', t.bigint)
    .addColumn('sent_by_name', 'text')
    .addColumn('return_reason', 'text')
    .addColumn('outside_body', 'text')
    .addColumn('outside_name', 'text')
    .addColumn('outside_ref', 'text')
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('due_days', 'integer', (c) => c.notNull())
    .addColumn('due_provisional', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ext_status', 'text', (c) => c.check(sql`ext_status in ('requested', 'approved', 'refused')`))
    .addColumn('ext_days', 'integer')
    .addColumn('ext_reason', 'text')
    .addColumn('ext_requested_by', t.bigint)
    .addColumn('ext_requested_by_name', 'text')
    .addColumn('ext_decided_by_name', 'text')
    .addColumn('ext_decided_at', t.timestamp)
    .addColumn('ext_note', 'text')
    .addColumn('reply_method', 'text')
    .addColumn('reply', 'text')
    .addColumn('result', 'text')
    .addColumn('wages_recovered_fen', t.bigint, (c) => c.notNull().defaultTo(0).check(sql`wages_recovered_fen >= 0`))
    .addColumn('closed_at', t.timestamp)
    .addColumn('closed_on', 'text')
    .addColumn('closed_by_name', 'text')
    .addColumn('on_time', 'integer')
    .addColumn('satisfaction', 'text', (c) => c.check(sql`satisfaction in ('satisfied', 'basically', 'unsatisfied')`))
    .addColumn('callback_at', t.timestamp)
    .addColumn('callback_by_name', 'text')
    .addColumn('callback_note', 'text')
    .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('repeat_of', t.bigint, (c) => c.references('work_order.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    // 件件有答复: no order is closed without the answer given to the person.
    .addCheckConstraint(
      'work_order_closed_replied',
      sql`status <> 'closed' or (reply is not null and reply_method is not null and result is not null and closed_on is not null)`,
    )
    .addCheckConstraint('work_order_collective', sql`collective = 0 or head_count is not null`)
    .execute();
  await db.schema
    .createIndex('work_order_scope_idx')
    .on('work_order')
    .columns(['org_path', 'status', 'due_on'])
    .execute();
  await db.schema.createIndex('work_order_owner_idx').on('work_order').columns(['owner_user_id', 'status']).execute();
  await db.schema.createIndex('work_order_org_idx').on('work_order').columns(['org_id', 'status']).execute();
  await db.schema.createIndex('work_order_id_bidx_idx').on('work_order').columns(['id_bidx']).execute();
  await db.schema.createIndex('work_order_phone_bidx_idx').on('work_order').columns(['phone_bidx']).execute();
  await db.schema
    .createIndex('work_order_received_idx')
    .on('work_order')
    .columns(['org_path', 'received_on'])
    .execute();

  const placedLikeOrder = (name: string) =>
    tenant(table(name)).addColumn('work_order_id', t.bigint, (c) => c.notNull().references('work_order.id'));

  await placedLikeOrder('work_order_action')
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addColumn('actor_id', t.bigint)
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('actor_org_id', t.bigint, (c) => c.notNull())
    .addColumn('actor_org_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('to_org_id', t.bigint)
    .addColumn('to_org_name', 'text')
    .addColumn('to_user_id', t.bigint)
    .addColumn('to_user_name', 'text')
    .addColumn('note', 'text')
    .addColumn('data_json', 'text')
    .execute();
  await db.schema
    .createIndex('work_order_action_order_idx')
    .on('work_order_action')
    .columns(['work_order_id', 'id'])
    .execute();
  await db.schema.createIndex('work_order_action_path_idx').on('work_order_action').columns(['org_path']).execute();

  await placedLikeOrder('work_order_supervision')
    .addColumn('supervisor_org_id', t.bigint, (c) => c.notNull().references('org_node.id'))
    .addColumn('supervisor_org_name', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('demand', 'text', (c) => c.notNull())
    .addColumn('created_by', t.bigint)
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('report', 'text')
    .addColumn('reported_by_name', 'text')
    .addColumn('reported_at', t.timestamp)
    .execute();
  await db.schema
    .createIndex('work_order_supervision_order_idx')
    .on('work_order_supervision')
    .columns(['work_order_id'])
    .execute();
  await db.schema
    .createIndex('work_order_supervision_by_idx')
    .on('work_order_supervision')
    .columns(['supervisor_org_id', 'reported_at'])
    .execute();
  await db.schema
    .createIndex('work_order_supervision_path_idx')
    .on('work_order_supervision')
    .columns(['org_path'])
    .execute();

  await placedLikeOrder('work_order_attachment')
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
    .createIndex('work_order_attachment_order_idx')
    .on('work_order_attachment')
    .columns(['work_order_id'])
    .execute();
  await db.schema
    .createIndex('work_order_attachment_path_idx')
    .on('work_order_attachment')
    .columns(['org_path'])
    .execute();

  await tenant(table('duty_shift'))
    .addColumn('user_id', t.bigint, (c) => c.notNull().references('app_user.id'))
    .addColumn('user_name', 'text', (c) => c.notNull())
    .addColumn('starts_at', t.timestamp, (c) => c.notNull())
    .addColumn('ends_at', t.timestamp, (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('handover_note', 'text')
    .addColumn('handover_at', t.timestamp)
    .addColumn('created_by', t.bigint)
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('cancelled_at', t.timestamp)
    .addCheckConstraint('duty_shift_times', sql`ends_at > starts_at`)
    .execute();
  await db.schema.createIndex('duty_shift_scope_idx').on('duty_shift').columns(['org_path', 'starts_at']).execute();
  await db.schema.createIndex('duty_shift_org_idx').on('duty_shift').columns(['org_id', 'starts_at']).execute();

  await db.schema
    .createTable('servicedesk_setting')
    .addColumn('org_id', t.bigint, (c) => c.primaryKey().references('org_node.id'))
    .addColumn('general_days', 'integer', (c) => c.notNull())
    .addColumn('difficult_days', 'integer', (c) => c.notNull())
    .addColumn('complex_days', 'integer', (c) => c.notNull())
    .addColumn('due_soon_days', 'integer', (c) => c.notNull())
    .addColumn('repeat_window_days', 'integer', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('The rights desk migration cannot be reverted: restore a backup instead');
}
