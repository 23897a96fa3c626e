import type { Generated } from 'kysely';
import type { TenantColumns } from './schema.js';

/** The archive's tables (household, members, versions, events, imports, settings, policy, attachments, changes, incomes). */

export interface FileCounterTable {
  scope: string;
  next: number;
}

export interface HouseholdTable extends TenantColumns {
  id: Generated<number>;
  file_no: string;
  kind: string;
  status: string;
  grade: string | null;
  grade_proposed: string | null;
  grade_override_reason: string | null;
  /** The proposal's explanation (rule, inputs, thresholds, policy version), JSON. */
  grade_explanation_json: string | null;
  name: string;
  name_sort: string;
  name_initials: string;
  sex: string;
  /** Birth year only (age bands); the full date is inside the encrypted ID and version. */
  birth_year: number;
  id_enc: string;
  id_bidx: string;
  id_mask: string;
  phone_enc: string | null;
  phone_bidx: string | null;
  phone_mask: string | null;
  health_enc: string | null;
  bank_enc: string | null;
  disability: string;
  work_status: string;
  education: string | null;
  marital_status: string;
  dibao_status: string;
  single_parent: number;
  zero_employment: number;
  main_cause: string;
  cause2: string | null;
  cause3: string | null;
  cause4: string | null;
  household_size: number;
  annual_income_fen: number;
  per_capita_fen: number;
  details_json: string;
  version: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  notice_round: number;
  notice_start: string | null;
  notice_end: string | null;
  filed_at: string | null;
  last_reviewed_at: string | null;
  next_review_due: string | null;
  last_assisted_at: string | null;
  /** First month of a run of months above the 低保 line long enough to propose 脱困, else null. */
  exit_proposed_since: string | null;
}

export interface HouseholdMemberTable extends TenantColumns {
  id: Generated<number>;
  household_id: number;
  seq: number;
  name: string;
  relation: string;
  sex: string | null;
  birth_year: number | null;
  id_enc: string | null;
  id_bidx: string | null;
  id_mask: string | null;
  health_enc: string | null;
  disability: string | null;
  schooling: string | null;
  marital_status: string | null;
  monthly_income_fen: number;
  details_json: string;
}

export interface HouseholdVersionTable extends TenantColumns {
  id: Generated<number>;
  household_id: number;
  version: number;
  status: string;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  reason: string;
  snapshot_enc: string;
}

export interface HouseholdEventTable extends TenantColumns {
  id: Generated<number>;
  household_id: number;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
  data_json: string | null;
}

export interface ArchiveSettingTable {
  org_id: number;
  notice_days: number;
  review_months: number;
  updated_at: string;
  /** 1: a change request that moves the grade runs through 公示 again (2026-11-30T1600). */
  renotice_grade_change: Generated<number>;
}

export interface ArchiveImportTable extends TenantColumns {
  id: Generated<number>;
  filename: string;
  sha256: string;
  status: string;
  total: number;
  processed: number;
  valid: number;
  invalid: number;
  suspected: number;
  committed: number;
  error: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
  /** 1: to be committed as 在档, after a second person's approval (2026-11-30T1100). */
  as_filed: Generated<number>;
  commit_requested_by: number | null;
  approved_by: number | null;
}

export interface ArchiveImportRowTable extends TenantColumns {
  id: Generated<number>;
  import_id: number;
  row_no: number;
  /** valid | invalid | suspected | accepted | rejected | committed */
  status: string;
  name: string | null;
  problems_json: string | null;
  payload_enc: string | null;
  household_id: number | null;
}

export interface EligibilityPolicyTable extends TenantColumns {
  id: Generated<number>;
  version: number;
  effective_from: string;
  data_json: string;
  created_by: number | null;
  created_at: string;
}

export interface HouseholdAttachmentTable extends TenantColumns {
  id: Generated<number>;
  household_id: number;
  kind: string;
  filename: string;
  mime: string;
  size_bytes: number;
  sha256: string;
  content_enc: string;
  uploaded_by: number | null;
  uploaded_at: string;
  removed_at: string | null;
  /** The change request the attachment is evidence for (2026-11-30T1600). */
  change_id?: number | null;
}

/** 变更申请 on a filed household (2026-11-30T1600): at the file's node. */
export interface HouseholdChangeTable extends TenantColumns {
  id: Generated<number>;
  household_id: number;
  base_version: number;
  /** JSON array of change kinds. */
  kinds: string;
  reason: string;
  /** The whole proposed HouseholdInput, encrypted like a version's snapshot. */
  proposed_enc: string;
  grade_before: string | null;
  grade_proposed_before: string | null;
  grade_proposed_after: string | null;
  eligible_before: number | null;
  eligible_after: number | null;
  explanation_after_json: string | null;
  needs_upper: number;
  /** pending | pending_upper | on_notice | approved | rejected | withdrawn */
  status: string;
  proposed_via: string;
  proposed_by: number | null;
  proposed_by_name: string | null;
  proposed_at: string;
  reviewed_by: number | null;
  reviewed_by_name: string | null;
  reviewed_at: string | null;
  review_opinion: string | null;
  decided_by: number | null;
  decided_by_name: string | null;
  decided_at: string | null;
  decide_opinion: string | null;
  granted_grade: string | null;
  grade_override_reason: string | null;
  notice_end: string | null;
  applied_version: number | null;
  result_json: string | null;
  closed_at: string | null;
  updated_at: string;
}

export interface HouseholdIncomeMonthTable extends TenantColumns {
  id: Generated<number>;
  household_id: number;
  month: string;
  household_income_fen: number;
  household_size: number;
  per_capita_fen: number;
  dibao_line_fen: number | null;
  above_line: number;
  note: string | null;
  recorded_by: number | null;
  recorded_by_name: string;
  recorded_at: string;
}
