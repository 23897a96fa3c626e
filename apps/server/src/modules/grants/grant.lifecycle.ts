import type { Db } from '../../platform/db/connect.js';
import * as repo from './grants.repository.js';

/**
 * A grant's life, every move a conditional update (`… WHERE status = from`) under its owner's row lock:
 *
 *   (built)  → proposed | approved   proposeGrants (a batch's computation, an application; approved at once
 *                                    when the deciding union sets the amount at decision)
 *   proposed → approved | void       decideGrants (the owner's approval or rejection)
 *   approved → proposed              returnGrants (finance refuses the payment: back to the approvers)
 *   approved → paid | failed         grant.pay.ts payGrants / failGrants (payment, reconciliation, a mark)
 *   failed   → approved (once) | void  grants.service.ts repayGrant / voidGrant
 *
 * Live grants (proposed, approved, paid) hold the household's place for the programme and period.
 */
export const proposeGrants = (trx: Db, rows: repo.NewGrant[]) => repo.insertGrants(trx, rows);

/**
 * The owner's decision reaches its grants: its proposed grants approved, or void on a rejection (the households
 * may then be proposed again). Returns how many of the listed grants moved (a batch's: not counted).
 */
export async function decideGrants(
  trx: Db,
  of: { batchId: number } | { grantIds: number[] },
  approve: boolean,
  now: string,
) {
  const to = approve ? 'approved' : 'void';
  if ('batchId' in of) {
    await repo.moveBatchGrants(trx, of.batchId, 'proposed', to, now);
    return null;
  }
  return repo.moveGrants(trx, of.grantIds, 'proposed', { status: to, updated_at: now });
}

/**
 * Finance refused the owner's payment (approvals/refusal.ts): its approved grants wait for a decision again
 * (approved → proposed), still holding their households' places. Returns how many of the listed grants moved (a
 * batch's: not counted).
 */
export async function returnGrants(trx: Db, of: { batchId: number } | { grantIds: number[] }, now: string) {
  if ('batchId' in of) {
    await repo.moveBatchGrants(trx, of.batchId, 'approved', 'proposed', now);
    return null;
  }
  return repo.moveGrants(trx, of.grantIds, 'approved', { status: 'proposed', updated_at: now });
}
