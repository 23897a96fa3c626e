import type { WorkOrderQueue } from '@bangfu/contracts';

/** The rights desk's answers (apps/server modules/servicedesk workorder.view.ts, workorder.may.ts, duty.ts). */

/** The person as the caller may see them: a confidential person is '保密' to all but owner, supervisors, auditors. */
export interface PersonView {
  confidential: boolean;
  hidden: boolean;
  name: string | null;
  idMasked: string | null;
  phoneMasked: string | null;
  employer: string | null;
  householdId: number | null;
}

export interface Extension {
  status: 'requested' | 'approved' | 'refused';
  workingDays: number | null;
  reason: string | null;
  requestedBy: string | null;
  decidedBy?: string | null;
  decidedAt?: string | null;
  note?: string | null;
}

export interface WorkOrderSummary {
  id: number;
  orderNo: string;
  channel: string;
  receivedAt: string;
  receivedOn: string;
  person: PersonView;
  categories: string[];
  excerpt: string;
  collective: boolean;
  headCount: number | null;
  urgency: string;
  difficulty: string;
  status: string;
  org: { id: number; name: string };
  owner: { id: number; name: string } | null;
  dueOn: string;
  dueDays: number;
  dueProvisional: boolean;
  overdue: boolean;
  dueToday: boolean;
  extension: Extension | null;
  closedOn: string | null;
  onTime: boolean | null;
  wagesRecoveredFen: number;
  satisfaction: string | null;
  reopenCount: number;
  repeatOf: number | null;
  version: number;
}

export interface OrderAction {
  id: number;
  at: string;
  action: string;
  actor: string;
  actorOrg: string;
  fromStatus: string | null;
  toStatus: string | null;
  toOrg: { id: number; name: string } | null;
  toUser: { id: number; name: string } | null;
  note: string | null;
  data: Record<string, unknown> | null;
}

export interface Supervision {
  id: number;
  supervisor: { id: number; name: string };
  dueOn: string;
  demand: string;
  by: string;
  at: string;
  report: string | null;
  reportedBy: string | null;
  reportedAt: string | null;
  overdue: boolean;
}

export interface OrderAttachment {
  id: number;
  filename: string;
  mime: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}

/** What the caller may do to the order now (the order page's buttons). */
export interface May {
  handleHere: boolean;
  transfer: boolean;
  assign: boolean;
  accept: boolean;
  return: boolean;
  supervise: boolean;
  note: boolean;
  report: number[];
  extension: boolean;
  extensionDecision: boolean;
  close: boolean;
  callback: boolean;
  reopen: boolean;
  attach: boolean;
  download: boolean;
  reveal: boolean;
}

export interface WorkOrderDetail extends WorkOrderSummary {
  content: string;
  representatives: string | null;
  household: { id: number; fileNo: string; name: string; status: string } | null;
  registeredBy: string;
  registeredOrgId: number;
  sentBy: string | null;
  returnReason: string | null;
  outside: { body: string; name: string | null; reference: string | null } | null;
  reply: {
    method: string;
    text: string;
    result: string;
    closedAt: string;
    closedBy: string;
  } | null;
  callback: { satisfaction: string; at: string; by: string; note: string | null } | null;
  actions: OrderAction[];
  supervisions: Supervision[];
  attachments: OrderAttachment[];
  may: May;
}

export interface RevealedPerson {
  id: number;
  name: string | null;
  idNumber: string | null;
  phone: string | null;
  employer: string | null;
  representatives: string | null;
}

export interface QueueCounts {
  orgId: number;
  orgName: string;
  today: string;
  counts: Record<WorkOrderQueue, number>;
}

export interface CallerHistory {
  household: { id: number; fileNo: string; name: string } | null;
  items: WorkOrderSummary[];
}

/** What a step answers: where the order now is. */
export interface Moved {
  id: number;
  orderNo: string;
  status: string;
  orgId: number;
  ownerName: string | null;
  dueOn: string;
}

export interface DeskSettings {
  generalDays: number;
  difficultDays: number;
  complexDays: number;
  dueSoonDays: number;
  repeatWindowDays: number;
  /** The node whose settings are in force; null: the defaults. */
  definedAt: number | null;
}

export interface Shift {
  id: number;
  orgId: number;
  user: { id: number; name: string };
  startsAt: string;
  endsAt: string;
  onDutyNow: boolean;
  note: string | null;
  handoverNote: string | null;
  handoverAt: string | null;
  createdBy: string;
}

export interface OnDuty {
  now: string;
  onDuty: Shift[];
  lastHandover: Shift | null;
}

export interface Colleague {
  id: number;
  name: string;
}
