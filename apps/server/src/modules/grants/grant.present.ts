import type { GrantRow } from './grants.repository.js';

/** A grant as the pages show it: masked ID and card only; the explanation of its amount; its payment attempt. */
export function toGrant(g: GrantRow) {
  return {
    id: Number(g.id),
    householdId: Number(g.household_id),
    batchId: g.batch_id === null ? null : Number(g.batch_id),
    applicationId: g.application_id === null ? null : Number(g.application_id),
    programme: g.programme,
    period: g.period,
    amountFen: Number(g.amount_fen),
    status: g.status,
    method: g.method,
    recipientName: g.recipient_name,
    idMasked: g.id_mask,
    bankMasked: g.bank_mask,
    paidAt: g.paid_at,
    failureReason: g.failure_reason,
    attempt: Number(g.attempt),
    /** A failed payment may be paid again once (then only voided). */
    repayable: g.status === 'failed' && Number(g.attempt) < 2,
    signature: g.signature_json ? (JSON.parse(g.signature_json) as unknown) : null,
    explanation: JSON.parse(g.explanation_json) as unknown,
  };
}
