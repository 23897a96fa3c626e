import type { Generated } from 'kysely';
import type { TenantColumns } from './schema.js';

/**
 * The rights desk (2026-11-30T1900_rights_desk). A work order and everything recorded on it (actions,
 * supervisions, attachments) sit at the node that currently holds the order and move with it when it is sent
 * down, returned, or its union moves in the tree.
 */
export interface WorkOrderTable extends TenantColumns {
  id: Generated<number>;
  order_no: string;
  channel: string;
  received_at: string;
  /** The Beijing date of received_at (periods, deadlines). */
  received_on: string;
  person_name: string | null;
  confidential: number;
  id_enc: string | null;
  id_bidx: string | null;
  id_mask: string | null;
  phone_enc: string | null;
  phone_bidx: string | null;
  phone_mask: string | null;
  employer: string | null;
  household_id: number | null;
  /** ',wages_owed,dismissal,' — every category between commas, for LIKE matching and counts per category. */
  categories: string;
  main_category: string;
  content: string;
  collective: number;
  head_count: number | null;
  representatives: string | null;
  urgency: string;
  difficulty: string;
  status: string;
  owner_user_id: number | null;
  owner_name: string | null;
  /** The receiving centre (where it was registered) and who registered it. */
  registered_org_id: number;
  registered_by: number | null;
  registered_by_name: string;
  /** The last sending: the union it came from (a return goes back there) and who sent it. */
  sent_from_org_id: number | null;
  sent_by_user_id: number | null;
  sent_by_name: string | null;
  return_reason: string | null;
  outside_body: string | null;
  outside_name: string | null;
  outside_ref: string | null;
  due_on: string;
  /** Working days the deadline was counted with (0: urgent, same day). */
  due_days: number;
  /** 1 when the deadline falls in a year the calendar library does not know yet (weekends only were skipped). */
  due_provisional: number;
  ext_status: string | null;
  ext_days: number | null;
  ext_reason: string | null;
  ext_requested_by: number | null;
  ext_requested_by_name: string | null;
  ext_decided_by_name: string | null;
  ext_decided_at: string | null;
  ext_note: string | null;
  reply_method: string | null;
  reply: string | null;
  result: string | null;
  wages_recovered_fen: number;
  closed_at: string | null;
  closed_on: string | null;
  closed_by_name: string | null;
  /** 按期办结: 1 when closed on or before due_on. */
  on_time: number | null;
  satisfaction: string | null;
  callback_at: string | null;
  callback_by_name: string | null;
  callback_note: string | null;
  reopen_count: number;
  /** 重复访: the latest earlier order of the same person on the same matter. */
  repeat_of: number | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** Every step on a work order: who, when, what, to whom. Placed like its order. */
export interface WorkOrderActionTable extends TenantColumns {
  id: Generated<number>;
  work_order_id: number;
  at: string;
  actor_id: number | null;
  actor_name: string;
  actor_org_id: number;
  actor_org_name: string;
  action: string;
  from_status: string | null;
  to_status: string | null;
  to_org_id: number | null;
  to_org_name: string | null;
  to_user_id: number | null;
  to_user_name: string | null;
  note: string | null;
  data_json: string | null;
}

/** 督办: an upper union sets a deadline and demands a report. Placed like its order. */
export interface WorkOrderSupervisionTable extends TenantColumns {
  id: Generated<number>;
  work_order_id: number;
  supervisor_org_id: number;
  supervisor_org_name: string;
  due_on: string;
  demand: string;
  created_by: number | null;
  created_by_name: string;
  created_at: string;
  report: string | null;
  reported_by_name: string | null;
  reported_at: string | null;
}

/** Letters, scans and photos of a work order, encrypted at rest. Placed like its order. */
export interface WorkOrderAttachmentTable extends TenantColumns {
  id: Generated<number>;
  work_order_id: number;
  filename: string;
  mime: string;
  size_bytes: number;
  sha256: string;
  content_enc: string;
  uploaded_by: number | null;
  uploaded_by_name: string;
  uploaded_at: string;
}

/** The hotline's duty roster (24 小时值班): who is on duty at a node, from when to when, the handover note. */
export interface DutyShiftTable extends TenantColumns {
  id: Generated<number>;
  user_id: number;
  user_name: string;
  starts_at: string;
  ends_at: string;
  note: string | null;
  handover_note: string | null;
  handover_at: string | null;
  created_by: number | null;
  created_by_name: string;
  created_at: string;
  cancelled_at: string | null;
}

/** Deadlines per node, inherited down the tree (like archive_setting). */
export interface ServiceDeskSettingTable {
  org_id: number;
  general_days: number;
  difficult_days: number;
  complex_days: number;
  due_soon_days: number;
  repeat_window_days: number;
  updated_at: string;
}
