import type { Generated } from 'kysely';
import type {
  ApprovalBodyMemberTable,
  ApprovalBodyTable,
  ApprovalMeetingTable,
  ApprovalVoteTable,
} from './schema-approvals.js';
import type {
  ArchiveImportRowTable,
  ArchiveImportTable,
  ArchiveSettingTable,
  EligibilityPolicyTable,
  FileCounterTable,
  HouseholdAttachmentTable,
  HouseholdChangeTable,
  HouseholdEventTable,
  HouseholdIncomeMonthTable,
  HouseholdMemberTable,
  HouseholdTable,
  HouseholdVersionTable,
} from './schema-archive.js';
import type { CertificateTable, GoodsMovementTable, GoodsStockTable } from './schema-goods.js';
import type {
  LegalAidApplicationTable,
  LegalAidAttachmentTable,
  LegalAidStepTable,
  LegalLawyerTable,
} from './schema-legalaid.js';
import type {
  ApprovalTable,
  AssistanceApplicationTable,
  AssistanceGrantTable,
  CampaignTable,
  DisbursementBatchTable,
  FundTable,
  LedgerAccountTable,
  LedgerEntryTable,
  LedgerLineTable,
  ProgrammeBudgetTable,
  ProgrammeRuleTable,
} from './schema-money.js';
import type { MoneyNoticeObjectionTable, MoneyNoticeTable } from './schema-notice.js';
import type { ReviewRoundFileTable, ReviewRoundTable } from './schema-review.js';
import type {
  DutyShiftTable,
  ServiceDeskSettingTable,
  WorkOrderActionTable,
  WorkOrderAttachmentTable,
  WorkOrderSupervisionTable,
  WorkOrderTable,
} from './schema-servicedesk.js';

/**
 * Typed tables. Timestamps are ISO-8601 strings in code on both dialects (timestamptz in PostgreSQL,
 * text in SQLite); flags are integers 0/1; money is integer 分.
 *
 * Tenant tables carry org_id, org_path (the owning node's materialised path, for subtree scoping) and
 * province_code (the distribution/partition key for national scale).
 */
export type {
  ArchiveImportRowTable,
  ArchiveImportTable,
  ArchiveSettingTable,
  EligibilityPolicyTable,
  FileCounterTable,
  HouseholdAttachmentTable,
  HouseholdChangeTable,
  HouseholdEventTable,
  HouseholdIncomeMonthTable,
  HouseholdMemberTable,
  HouseholdTable,
  HouseholdVersionTable,
} from './schema-archive.js';

export interface OrgNodeTable {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  type: string;
  division_code: string | null;
  status: string;
  /** Materialised path of ids: '/1/7/42/'. Subtree = path range [p, p + '~'). */
  path: string;
  depth: number;
  province_code: string;
  sort_key: string;
  created_at: string;
  updated_at: string;
}

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  org_id: number;
  org_path: string;
  province_code: string;
  kind: string;
  status: string;
  phone: string | null;
  password_hash: string;
  must_change_password: number;
  failed_logins: number;
  locked_until: string | null;
  password_changed_at: string;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
  /** Worker accounts: blind index of the worker's ID number, linking the account to their own file. */
  person_bidx: string | null;
  /** Worker accounts: the file this account may read, linked only through a verified path (self.binding). */
  household_id: number | null;
  /** The end of the last sign-in lock, shown once after the next correct sign-in. */
  lockout_notice: string | null;
}

/** One-time codes a union hands a worker to link their account to the union's file (only the hash is kept). */
export interface WorkerBindCodeTable {
  id: Generated<number>;
  household_id: number;
  code_hash: string;
  created_by: number | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by: number | null;
  attempts: number;
}

export interface UserRoleTable {
  user_id: number;
  role: string;
}

export interface SessionTable {
  /** sha256 of the cookie token: a stolen database does not yield live sessions. */
  id: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  chain: string;
  seq: number;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  org_path: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  chain: string;
  seq: number;
  hash: string;
}

/** Columns every tenant table carries: its node, the node's path (scoping), the province (partition key). */
export interface TenantColumns {
  org_id: number;
  org_path: string;
  province_code: string;
}

export interface Database {
  money_notice: MoneyNoticeTable;
  money_notice_objection: MoneyNoticeObjectionTable;
  legal_lawyer: LegalLawyerTable;
  legal_aid_application: LegalAidApplicationTable;
  legal_aid_step: LegalAidStepTable;
  legal_aid_attachment: LegalAidAttachmentTable;
  work_order: WorkOrderTable;
  work_order_action: WorkOrderActionTable;
  work_order_supervision: WorkOrderSupervisionTable;
  work_order_attachment: WorkOrderAttachmentTable;
  duty_shift: DutyShiftTable;
  servicedesk_setting: ServiceDeskSettingTable;
  review_round: ReviewRoundTable;
  review_round_file: ReviewRoundFileTable;
  programme_rule: ProgrammeRuleTable;
  fund: FundTable;
  ledger_account: LedgerAccountTable;
  ledger_entry: LedgerEntryTable;
  ledger_line: LedgerLineTable;
  programme_budget: ProgrammeBudgetTable;
  disbursement_batch: DisbursementBatchTable;
  assistance_application: AssistanceApplicationTable;
  assistance_grant: AssistanceGrantTable;
  approval: ApprovalTable;
  approval_body: ApprovalBodyTable;
  approval_body_member: ApprovalBodyMemberTable;
  approval_meeting: ApprovalMeetingTable;
  approval_vote: ApprovalVoteTable;
  campaign: CampaignTable;
  goods_stock: GoodsStockTable;
  goods_movement: GoodsMovementTable;
  certificate: CertificateTable;
  household_income_month: HouseholdIncomeMonthTable;
  household_attachment: HouseholdAttachmentTable;
  eligibility_policy: EligibilityPolicyTable;
  archive_import: ArchiveImportTable;
  archive_import_row: ArchiveImportRowTable;
  archive_setting: ArchiveSettingTable;
  file_counter: FileCounterTable;
  household: HouseholdTable;
  household_member: HouseholdMemberTable;
  household_version: HouseholdVersionTable;
  household_event: HouseholdEventTable;
  household_change: HouseholdChangeTable;
  org_node: OrgNodeTable;
  app_user: AppUserTable;
  worker_bind_code: WorkerBindCodeTable;
  user_role: UserRoleTable;
  session: SessionTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
}

/** Tables whose rows belong to an organisation node and must be read through a scope. */
export type TenantTable =
  | 'money_notice'
  | 'money_notice_objection'
  | 'legal_lawyer'
  | 'legal_aid_application'
  | 'legal_aid_step'
  | 'legal_aid_attachment'
  | 'work_order'
  | 'work_order_action'
  | 'work_order_supervision'
  | 'work_order_attachment'
  | 'duty_shift'
  | 'goods_stock'
  | 'goods_movement'
  | 'certificate'
  | 'app_user'
  | 'audit_log'
  | 'household'
  | 'household_member'
  | 'household_version'
  | 'household_event'
  | 'household_change'
  | 'archive_import'
  | 'archive_import_row'
  | 'eligibility_policy'
  | 'household_attachment'
  | 'household_income_month'
  | 'programme_rule'
  | 'fund'
  | 'ledger_account'
  | 'ledger_entry'
  | 'ledger_line'
  | 'programme_budget'
  | 'disbursement_batch'
  | 'assistance_application'
  | 'assistance_grant'
  | 'approval'
  | 'approval_body'
  | 'approval_body_member'
  | 'approval_meeting'
  | 'approval_vote'
  | 'campaign'
  | 'review_round'
  | 'review_round_file';
