import {
  legalAidActions,
  legalAidStatuses,
  legalCaseKinds,
  legalDisputeKinds,
  legalOutcomes,
  legalStepKinds,
} from '@bangfu/contracts';
import type * as repo from './legalaid.repository.js';

const zh = (list: { zh: object }, code: string | null) =>
  code === null ? null : ((list.zh as Record<string, string>)[code] ?? code);

/** A list row: the person masked, the deadline and whether it has passed, who handles it, the outcome. */
export function toSummary(a: repo.ApplicationRow, today: string) {
  return {
    id: Number(a.id),
    appNo: a.app_no,
    org: { id: Number(a.org_id), name: a.org_name },
    person: {
      name: a.person_name,
      idMasked: a.id_mask,
      phoneMasked: a.phone_mask,
      employer: a.employer,
      householdId: a.household_id === null ? null : Number(a.household_id),
    },
    workOrderId: a.work_order_id === null ? null : Number(a.work_order_id),
    disputeKind: a.dispute_kind,
    disputeKindLabel: zh(legalDisputeKinds, a.dispute_kind),
    claimFen: a.claim_fen === null ? null : Number(a.claim_fen),
    receivedOn: a.received_on,
    dueOn: a.due_on,
    overdue: a.status === 'pending' && a.due_on < today,
    status: a.status,
    statusLabel: zh(legalAidStatuses, a.status),
    caseKind: a.case_kind,
    caseKindLabel: zh(legalCaseKinds, a.case_kind),
    handler: a.lawyer_name ?? a.department,
    decidedOn: a.decided_on,
    decidedOnTime: a.decided_on_time === null ? null : a.decided_on_time === 1,
    outcome: a.outcome,
    outcomeLabel: zh(legalOutcomes, a.outcome),
    recoveredFen: Number(a.recovered_fen),
    closedOn: a.closed_on,
    registeredBy: a.registered_by_name,
    version: a.version,
  };
}

type StepRow = Awaited<ReturnType<typeof repo.stepsOf>>[number];
type AttachmentRow = Awaited<ReturnType<typeof repo.attachmentsOf>>[number];

export function toDetail(
  a: repo.ApplicationRow,
  today: string,
  more: {
    steps: StepRow[];
    attachments: AttachmentRow[];
    household: { id: number; fileNo: string; name: string; status: string } | null;
    workOrder: { id: number; orderNo: string; status: string } | null;
  },
) {
  return {
    ...toSummary(a, today),
    reasons: a.reasons,
    registeredById: a.registered_by === null ? null : Number(a.registered_by),
    household: more.household,
    workOrder: more.workOrder,
    decision:
      a.decided_on === null
        ? null
        : {
            approve: a.status !== 'refused',
            by: a.decided_by_name,
            at: a.decided_at,
            on: a.decided_on,
            onTime: a.decided_on_time === 1,
            opinion: a.opinion,
          },
    assignment:
      a.assigned_at === null
        ? null
        : {
            lawyerId: a.lawyer_id === null ? null : Number(a.lawyer_id),
            lawyer: a.lawyer_name,
            department: a.department,
            at: a.assigned_at,
            by: a.assigned_by_name,
          },
    mediation:
      a.med_recorded_at === null
        ? null
        : {
            employer: a.med_employer,
            employerRep: a.med_employer_rep,
            mediator: a.med_mediator,
            otherParties: a.med_other_parties,
            recordedAt: a.med_recorded_at,
          },
    agreement:
      a.agr_signed_on === null
        ? null
        : {
            terms: a.agr_terms,
            amountFen: Number(a.agr_amount_fen ?? 0),
            signedOn: a.agr_signed_on,
            recordedBy: a.agr_recorded_by_name,
          },
    closing:
      a.closed_on === null
        ? null
        : {
            outcome: a.outcome,
            outcomeLabel: zh(legalOutcomes, a.outcome),
            note: a.outcome_note,
            recoveredFen: Number(a.recovered_fen),
            closedOn: a.closed_on,
            closedBy: a.closed_by_name,
          },
    withdrawReason: a.withdraw_reason,
    history: more.steps
      .filter((s) => s.entry === 'history')
      .map((s) => ({
        id: Number(s.id),
        at: s.at,
        action: s.action,
        actionLabel: zh(legalAidActions, s.action),
        actor: s.actor_name,
        note: s.what,
        data: s.data_json ? JSON.parse(s.data_json) : null,
      })),
    steps: more.steps
      .filter((s) => s.entry === 'case')
      .map((s) => ({
        id: Number(s.id),
        stepOn: s.step_on,
        kind: s.step_kind,
        kindLabel: zh(legalStepKinds, s.step_kind),
        what: s.what,
        result: s.result,
        resultAt: s.result_at,
        by: s.actor_name,
        at: s.at,
      }))
      .sort((x, y) => (x.stepOn ?? '').localeCompare(y.stepOn ?? '') || x.id - y.id),
    attachments: more.attachments.map((f) => ({
      id: Number(f.id),
      filename: f.filename,
      mime: f.mime,
      sizeBytes: f.size_bytes,
      sha256: f.sha256,
      uploadedBy: f.uploaded_by_name,
      uploadedAt: f.uploaded_at,
    })),
  };
}
