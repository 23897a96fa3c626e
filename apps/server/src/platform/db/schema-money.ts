import type { Generated } from 'kysely';
import type { TenantColumns } from './schema.js';

/** Money (2026-11-23T1700_money): programme rules, funds, the double-entry ledger, batches, grants, approvals. */
export interface ProgrammeRuleTable extends TenantColumns {
  id: Generated<number>;
  template_id: string;
  programme: string;
  version: number;
  effective_from: string;
  params_json: string;
  note: string | null;
  created_by: number | null;
  created_at: string;
}

export interface FundTable extends TenantColumns {
  id: Generated<number>;
  name: string;
  source: string;
  restricted_programme: string | null;
  year: number;
  note: string | null;
  created_by: number | null;
  created_at: string;
}

export interface LedgerAccountTable extends TenantColumns {
  id: Generated<number>;
  fund_id: number;
  kind: string;
  programme: string;
  balance_fen: number;
}

export interface LedgerEntryTable extends TenantColumns {
  id: Generated<number>;
  kind: string;
  memo: string;
  ref_type: string | null;
  ref_id: number | null;
  total_fen: number;
  posted_by: number | null;
  posted_by_name: string;
  posted_at: string;
}

export interface LedgerLineTable extends TenantColumns {
  id: Generated<number>;
  entry_id: number;
  account_id: number;
  fund_id: number;
  debit_fen: number;
  credit_fen: number;
  grant_id: number | null;
}

export interface ProgrammeBudgetTable extends TenantColumns {
  id: Generated<number>;
  programme: string;
  year: number;
  amount_fen: number;
  updated_by: number | null;
  updated_at: string;
}

export interface DisbursementBatchTable extends TenantColumns {
  id: Generated<number>;
  batch_no: string;
  title: string;
  programme: string;
  period: string;
  template_id: string;
  rule_json: string;
  method: string;
  fund_id: number | null;
  status: string;
  total_fen: number;
  grant_count: number;
  skipped_json: string | null;
  progress_done: number;
  progress_total: number;
  required_level: string | null;
  required_org_id: number | null;
  created_by: number | null;
  created_by_name: string;
  created_at: string;
  updated_at: string;
}

export interface AssistanceApplicationTable extends TenantColumns {
  id: Generated<number>;
  household_id: number;
  programme: string;
  period: string;
  template_id: string;
  inputs_json: string;
  requested_fen: number | null;
  amount_fen: number;
  explanation_json: string;
  status: string;
  required_level: string | null;
  required_org_id: number | null;
  created_by: number | null;
  created_by_name: string;
  created_at: string;
  updated_at: string;
  campaign_id: number | null;
  member_seq: number | null;
  method: string | null;
  fund_id: number | null;
}

export interface CampaignTable extends TenantColumns {
  id: Generated<number>;
  campaign_key: string;
  programme: string;
  template_id: string;
  title: string;
  starts_on: string;
  ends_on: string;
  status: string;
  note: string | null;
  created_by: number | null;
  created_at: string;
}

export interface AssistanceGrantTable extends TenantColumns {
  id: Generated<number>;
  household_id: number;
  batch_id: number | null;
  application_id: number | null;
  programme: string;
  period: string;
  amount_fen: number;
  explanation_json: string;
  status: string;
  method: string;
  recipient_name: string;
  id_mask: string;
  bank_enc: string | null;
  bank_mask: string | null;
  paid_at: string | null;
  failure_reason: string | null;
  signature_json: string | null;
  ledger_entry_id: number | null;
  created_at: string;
  updated_at: string;
  /** The budget year the grant counts against: the period's year, or the campaign's. */
  fiscal_year: number;
  /** The payment attempt: 1, or 2 once a failed payment was sent again (re-paid once, then only voided). */
  attempt: Generated<number>;
}

export interface ApprovalTable extends TenantColumns {
  id: Generated<number>;
  subject_type: string;
  subject_id: number;
  level: string;
  decision: string;
  comment: string | null;
  actor_id: number | null;
  actor_name: string;
  at: string;
  /** The meeting of a collective body whose decision this step records. */
  meeting_id: number | null;
}
