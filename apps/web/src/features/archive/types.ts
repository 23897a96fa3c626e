import type { HouseholdInput, HouseholdListItem } from '@bangfu/contracts';

/** What GET /households/:id answers (archive.read.ts getFile): masked unless revealed (audited). */
export interface HouseholdMemberView {
  seq: number;
  name: string;
  relation: string;
  sex: string | null;
  /** Year only unless revealed; the full date only on the audited reveal (birthDate). */
  birthYear: number | null;
  birthDate: string | null;
  idMasked: string | null;
  idNumber: string | null;
  health: string | null;
  disability: string | null;
  schooling: string | null;
  maritalStatus: string | null;
  monthlyIncomeFen: number;
  details: Record<string, unknown>;
}

export interface Bilingual {
  zh: string;
  en: string;
}

export interface ExplanationStep extends Bilingual {
  rule: string;
  value: number | string | boolean | null;
}

export interface ThresholdCheck extends Bilingual {
  name: string;
  valueFen: number;
  actualFen: number;
  comparison: '<' | '<=' | '>=';
  crossed: boolean;
}

/** A listed member's part of the income test (packages/policy income.ts). */
export interface MemberIncomePart {
  name: string | null;
  relation: string;
  monthlyIncomeFen: number;
  counted: boolean;
  annualFen: number;
  reason: Bilingual;
}

/** The grade proposal of packages/policy (eligibility.ts), stored with the file. */
export interface GradeExplanation {
  grade: string | null;
  eligible: boolean;
  perCapitaMonthlyFen: number;
  householdSize: number;
  explanation: {
    policy: {
      policyId: string;
      /** The adopting union (explanations made before it was recorded have none). */
      name?: string | null;
      version: number;
      effectiveFrom: string;
      vocabulary: string;
      source: string | null;
    };
    inputs: {
      incomes: Record<string, number>;
      householdSize: number;
      /** Absent in proposals stored before members' incomes counted (issue 9). */
      memberIncomes?: MemberIncomePart[];
      ownIncomeFen?: number;
      membersIncomeFen?: number;
    };
    steps: ExplanationStep[];
    thresholds: ThresholdCheck[];
    exclusions: (Bilingual & { code: string; found: boolean; enabled: boolean; applies: boolean })[];
    warnings: Bilingual[];
    summary: Bilingual;
  };
}

export interface HouseholdDetail extends HouseholdListItem {
  version: number;
  gradeOverrideReason: string | null;
  gradeExplanation: GradeExplanation | null;
  annualIncomeFen: number;
  disability: string;
  workStatus: string;
  education: string | null;
  maritalStatus: string;
  dibaoStatus: string;
  singleParent: boolean;
  zeroEmployment: boolean;
  secondaryCauses: string[];
  idNumber: string | null;
  /** Only on the audited reveal; otherwise null and the list item's birthYear is what is shown. */
  birthDate: string | null;
  phone: string | null;
  health: string | null;
  bank: { masked: true } | { bankName: string; branch?: string | null; cardNumber: string } | null;
  details: Partial<HouseholdInput> & Record<string, unknown>;
  filedAt: string | null;
  lastAssistedAt: string | null;
  createdAt: string;
  members: HouseholdMemberView[];
}

export interface FileEvent {
  at: string;
  actorName: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  data: Record<string, unknown> | null;
}

export interface FileVersionRow {
  version: number;
  status: string;
  at: string;
  actorName: string | null;
  reason: string | null;
}

export interface FileHistory {
  versions: FileVersionRow[];
  events: FileEvent[];
}

export interface FileVersion extends FileVersionRow {
  content: HouseholdInput;
}

export interface Attachment {
  id: number;
  kind: string;
  filename: string;
  mime: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
}

/** Monthly income (动态管理): the contract agreed with the server; the route may not exist yet (404). */
export interface IncomeMonth {
  month: string;
  householdIncomeFen: number;
  householdSize: number;
  perCapitaFen: number;
  dibaoLineFen: number | null;
  aboveLine: boolean;
  note: string | null;
  recordedAt: string;
  recordedBy: string;
}

export interface IncomeRecord {
  items: IncomeMonth[];
  outOfHardship: {
    proposed: boolean;
    consecutiveMonthsAbove: number;
    since: string | null;
    required?: number;
    explanation?: Bilingual;
  };
}

export interface StepResult {
  id: number;
  status: string;
  [k: string]: unknown;
}
