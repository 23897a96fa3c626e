import type { Generated } from 'kysely';
import type { TenantColumns } from './schema.js';

/**
 * Legal aid (2026-11-30T2100_legal_aid). An application sits at the node that registered it and stays there; its
 * steps and attachments carry the same placement. The roster of contracted lawyers is per node.
 */
export interface LegalLawyerTable extends TenantColumns {
  id: Generated<number>;
  name: string;
  firm: string;
  licence_no: string;
  phone_enc: string;
  phone_mask: string;
  contract_from: string;
  contract_to: string;
  active: number;
  note: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface LegalAidApplicationTable extends TenantColumns {
  id: Generated<number>;
  app_no: string;
  person_name: string;
  id_enc: string | null;
  id_bidx: string | null;
  id_mask: string | null;
  phone_enc: string | null;
  phone_mask: string | null;
  employer: string | null;
  household_id: number | null;
  work_order_id: number | null;
  dispute_kind: string;
  reasons: string;
  claim_fen: number | null;
  received_on: string;
  /** received_on + 15 days (seed 000: 十五日内 the group decides). */
  due_on: string;
  status: string;
  registered_by: number | null;
  registered_by_name: string;
  decided_by: number | null;
  decided_by_name: string | null;
  decided_at: string | null;
  decided_on: string | null;
  opinion: string | null;
  /** 1 when decided on or before due_on. */
  decided_on_time: number | null;
  case_kind: string | null;
  lawyer_id: number | null;
  lawyer_name: string | null;
  department: string | null;
  assigned_at: string | null;
  assigned_by_name: string | null;
  med_employer: string | null;
  med_employer_rep: string | null;
  med_mediator: string | null;
  med_other_parties: string | null;
  med_recorded_at: string | null;
  agr_terms: string | null;
  agr_amount_fen: number | null;
  agr_signed_on: string | null;
  agr_recorded_by_name: string | null;
  outcome: string | null;
  outcome_note: string | null;
  recovered_fen: number;
  closed_on: string | null;
  closed_by_name: string | null;
  withdraw_reason: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** The history of an application (who, when, what) and the case's steps and hearings (date, what, result). */
export interface LegalAidStepTable extends TenantColumns {
  id: Generated<number>;
  application_id: number;
  /** 'history' rows are the application's actions; 'case' rows are steps and hearings of the case. */
  entry: string;
  action: string;
  /** A case step's kind (legalStepKinds) and date; null for history rows. */
  step_kind: string | null;
  step_on: string | null;
  what: string | null;
  result: string | null;
  result_at: string | null;
  at: string;
  actor_id: number | null;
  actor_name: string;
  data_json: string | null;
}

/** Evidence of an application (contracts, pay slips, letters), encrypted at rest. */
export interface LegalAidAttachmentTable extends TenantColumns {
  id: Generated<number>;
  application_id: number;
  filename: string;
  mime: string;
  size_bytes: number;
  sha256: string;
  content_enc: string;
  uploaded_by: number | null;
  uploaded_by_name: string;
  uploaded_at: string;
}
