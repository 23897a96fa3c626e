/** The legal-aid API's answers (apps/server/src/modules/legalaid/legalaid.view.ts, lawyers.ts). */
export interface LegalAidSummary {
  id: number;
  appNo: string;
  org: { id: number; name: string };
  person: {
    name: string;
    idMasked: string | null;
    phoneMasked: string | null;
    employer: string | null;
    householdId: number | null;
  };
  workOrderId: number | null;
  disputeKind: string;
  claimFen: number | null;
  receivedOn: string;
  dueOn: string;
  overdue: boolean;
  status: string;
  caseKind: string | null;
  handler: string | null;
  decidedOn: string | null;
  decidedOnTime: boolean | null;
  outcome: string | null;
  recoveredFen: number;
  closedOn: string | null;
  registeredBy: string;
  version: number;
}

export interface CaseStep {
  id: number;
  stepOn: string;
  kind: string;
  what: string;
  result: string | null;
  resultAt: string | null;
  by: string;
  at: string;
}

export interface LegalAidDetail extends LegalAidSummary {
  reasons: string;
  registeredById: number | null;
  household: { id: number; fileNo: string; name: string; status: string } | null;
  workOrder: { id: number; orderNo: string; status: string } | null;
  decision: { approve: boolean; by: string; at: string; on: string; onTime: boolean; opinion: string } | null;
  assignment: {
    lawyerId: number | null;
    lawyer: string | null;
    department: string | null;
    at: string;
    by: string;
  } | null;
  mediation: {
    employer: string;
    employerRep: string | null;
    mediator: string;
    otherParties: string | null;
    recordedAt: string;
  } | null;
  agreement: { terms: string; amountFen: number; signedOn: string; recordedBy: string } | null;
  closing: { outcome: string; note: string; recoveredFen: number; closedOn: string; closedBy: string } | null;
  withdrawReason: string | null;
  history: { id: number; at: string; action: string; actor: string; note: string | null }[];
  steps: CaseStep[];
  attachments: {
    id: number;
    filename: string;
    mime: string;
    sizeBytes: number;
    uploadedBy: string;
    uploadedAt: string;
  }[];
}

export interface Lawyer {
  id: number;
  org: { id: number; name: string };
  name: string;
  firm: string;
  licenceNo: string;
  phoneMasked: string;
  contractFrom: string;
  contractTo: string;
  active: boolean;
  available: boolean;
  unavailable: { why: string; whyEn: string } | null;
  note: string | null;
  version: number;
}
