/** Shapes of the money API (apps/server modules funds, programmes, disbursement), as the pages use them. */

export interface Bilingual {
  zh: string;
  en: string;
}

export interface TemplateSource {
  seed: string;
  part: string;
  lines: string;
  quote: string;
}

export interface ProgrammeTemplateInfo {
  id: string;
  name: Bilingual;
  kind: string;
  programme: string | null;
  source: TemplateSource;
  defaults: Record<string, unknown>;
}

export interface RuleVersion {
  version: number;
  effectiveFrom: string;
  params: Record<string, unknown>;
  note: string | null;
  createdAt: string;
}

export interface RuleInForce {
  templateId: string;
  params: Record<string, unknown>;
  version: number;
  effectiveFrom: string;
  nodeId: number;
  inherited: boolean;
}

export interface RuleAtNode {
  templateId: string;
  name: Bilingual;
  programme: string | null;
  inForce: RuleInForce | null;
  own: RuleVersion[];
}

export interface FundChoice {
  id: number;
  name: string;
  source: string;
  restrictedProgramme: string | null;
  year: number;
}

export interface FundView {
  id: number;
  name: string;
  source: string;
  restrictedProgramme: string | null;
  year: number;
  ownerOrgId: number;
  balances: Record<string, number>;
  expenseByProgramme: Record<string, number>;
}

export interface LedgerLine {
  org: string;
  fund: string;
  fundId: number;
  account: string;
  programme: string | null;
  debitFen: number;
  creditFen: number;
  grantId: number | null;
}

export interface LedgerEntry {
  id: number;
  kind: string;
  memo: string;
  refType: string | null;
  refId: number | null;
  totalFen: number;
  postedBy: string | null;
  postedAt: string;
  lines: LedgerLine[];
}

export interface TrialBalance {
  orgId: number;
  debitsFen: number;
  creditsFen: number;
  unbalancedEntries: number[];
  nodesOutOfBalance: { orgId: number; fundId: number; debitSide: number; creditSide: number }[];
  balanced: boolean;
}

export interface Budget {
  programme: string;
  year: number;
  amountFen: number;
  usedFen: number;
}

export interface Approval {
  level: string;
  decision: 'submit' | 'approve' | 'reject' | 'comment' | string;
  comment: string | null;
  by: string | null;
  at: string;
  /** The meeting of a collective body whose decision this step records. */
  meetingId?: number | null;
}

export interface Batch {
  id: number;
  batchNo: string;
  title: string;
  orgId: number;
  programme: string;
  period: string;
  method: 'bank' | 'cash';
  fundId: number | null;
  status: string;
  rule: { templateId: string; version: number; effectiveFrom: string; nodeId: number; params: unknown };
  totalFen: number;
  grantCount: number;
  progress: { done: number; total: number };
  skippedCount: number;
  skipped: { householdId: number; name: string; reason: string }[];
  error: string | null;
  requiredLevel: string | null;
  requiredOrgId: number | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  approvals?: Approval[];
}

export interface Step extends Bilingual {
  rule: string;
  kind: string;
  data: Record<string, unknown>;
}

export interface Explanation {
  quarter?: number;
  rule?: { id: string; name: Bilingual };
  source?: TemplateSource;
  params?: { version: number | null; effectiveFrom: string | null };
  steps?: Step[];
  confirmations?: Bilingual[];
  warnings?: Bilingual[];
  summary?: Bilingual;
}

export interface Signature {
  signedName: string;
  signedOn: string;
  cadre: string;
}

export interface Grant {
  id: number;
  householdId: number;
  batchId: number | null;
  applicationId: number | null;
  programme: string;
  period: string;
  amountFen: number;
  status: string;
  method: 'bank' | 'cash';
  recipientName: string;
  idMasked: string;
  bankMasked: string | null;
  paidAt: string | null;
  failureReason: string | null;
  /** The payment attempt (2 once a failed payment was sent again); a failed grant is repayable once. */
  attempt: number;
  repayable: boolean;
  signature: Signature | null;
  explanation: Explanation;
}

export interface PaymentList {
  batchNo: string;
  title: string;
  orgName: string;
  programme: string;
  period: string;
  method: string;
  status: string;
  totalFen: number;
  rows: {
    seq: number;
    grantId: number;
    name: string;
    idMasked: string;
    unit: string;
    bankMasked: string | null;
    amountFen: number;
    status: string;
  }[];
}

export interface WhatIfInput {
  orgId: number;
  year: number;
  dibaoLineFen?: number;
  living?: { deepFen?: number; relativeFen?: number };
}

export interface WhatIfResult {
  orgId: number;
  year: number;
  files: number;
  dibaoLineFen: { current: number | null; changed: number | null };
  policyVersion: { version: number; effectiveFrom: string } | null;
  livingRule: { templateId: string; version: number } | null;
  gradeChanged: number;
  becameEligible: number;
  becameIneligible: number;
  transitions: Record<string, number>;
  programmes: { programme: string; year: number; currentFen: number; changedFen: number; differenceFen: number }[];
}
