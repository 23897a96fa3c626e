import { batchStatuses } from '@bangfu/contracts';
import type { Db } from '../../platform/db/connect.js';
import type { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import type { Decision, DecisionItem, Subject } from '../approvals/decide.js';
import { involvedIn, submitters } from '../approvals/duties.js';
import type { Refusable } from '../approvals/refusal.js';
import type { Seat } from '../approvals/seating.js';
import { decideGrants, returnGrants } from '../grants/grant.lifecycle.js';
import type { Payer } from '../grants/grant.pay.js';
import * as grantRepo from '../grants/grants.repository.js';
import type { GrantOwner } from '../grants/owner.js';
import * as repo from './batch.repository.js';
import { quarterOf } from './batch.rules.js';

export const batchStatusZh = (s: string) => batchStatuses.zh[s as keyof typeof batchStatuses.zh] ?? s;

export async function mustFindBatch(sdb: ScopedDb, id: number) {
  const b = await repo.findBatch(sdb, id);
  if (!b) throw new AppError('BATCH_NOT_FOUND', { id });
  return b;
}

/** A batch as approvals decides it: approved, its proposed grants approved; rejected, they are void. */
export function batchSubject(id: number, decision: Decision): Subject {
  return {
    ref: { type: 'batch', id },
    async open(trx, sdb) {
      await repo.lockBatch(trx, id);
      const b = await mustFindBatch(sdb, id);
      const item: DecisionItem = {
        type: 'batch',
        entityType: 'disbursement_batch',
        row: b,
        makers: await submitters(sdb, 'batch', id),
        decision,
        badStatus: (status) => new AppError('BATCH_BAD_STATUS', { status: batchStatusZh(status) }),
        move: (t, to, now) => repo.moveBatch(t, id, ['pending_approval'], { status: to, updated_at: now }),
        async follow(t, _sdb, d, now) {
          const approve = d.decision === 'approve';
          // Rejected grants stop counting as live: the households may be proposed again.
          await decideGrants(t, { batchId: id }, approve, now);
          const claim = { programme: b.programme, year: quarterOf(b.period).year, amountFen: Number(b.total_fen) };
          return { claim: approve ? claim : null, after: { totalFen: Number(b.total_fen) } };
        },
      };
      return [item];
    },
  };
}

/** A batch as its decision would seat it (read, not locked: the decision dialog's roster). */
export async function batchSeats(sdb: ScopedDb, id: number): Promise<Seat[]> {
  const b = await mustFindBatch(sdb, id);
  return [{ row: b, makers: await submitters(sdb, 'batch', id), level: b.required_level ?? '' }];
}

/** An approved batch as finance refuses its payment: back to pending approval, its grants back to proposed. */
export async function batchRefusable(trx: Db, sdb: ScopedDb, id: number): Promise<Refusable> {
  await repo.lockBatch(trx, id);
  const b = await mustFindBatch(sdb, id);
  return {
    type: 'batch',
    entityType: 'disbursement_batch',
    row: b,
    involved: await involvedIn(sdb, 'batch', b),
    badStatus: (status) => new AppError('BATCH_BAD_STATUS', { status: batchStatusZh(status) }),
    async back(t, now) {
      if (!(await repo.moveBatch(t, id, ['approved'], { status: 'pending_approval', updated_at: now }))) return false;
      await returnGrants(t, { batchId: id }, now);
      return true;
    },
  };
}

export const batchPayer = (b: repo.BatchRow): Payer => ({
  orgId: Number(b.org_id),
  fundId: b.fund_id === null ? null : Number(b.fund_id),
  programme: b.programme,
  ref: { type: 'batch', id: Number(b.id) },
});

/** A batch is being paid while any grant awaits payment, and closed when every grant is paid, failed or void. */
export async function followGrants(trx: Db, sdb: ScopedDb, batchId: number, now: string) {
  const open = (await grantRepo.allGrantsOfBatch(sdb, batchId)).some((g) => g.status === 'approved');
  await repo.updateBatch(trx, batchId, { status: open ? 'paying' : 'closed', updated_at: now });
}

/** The batch locked as the owner of its grants' payments. */
export async function batchOwner(trx: Db, sdb: ScopedDb, id: number): Promise<GrantOwner & { batch: repo.BatchRow }> {
  await repo.lockBatch(trx, id);
  const b = await mustFindBatch(sdb, id);
  return {
    batch: b,
    payer: () => batchPayer(b),
    involved: await involvedIn(sdb, 'batch', b),
    node: b,
    memo: (g) => `${b.title} ${g.recipient_name}`,
    follow: (t, s, now) => followGrants(t, s, id, now),
  };
}
