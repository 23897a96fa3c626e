import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import type { AppError } from '../../platform/errors.js';
import { assertIndependentPayer, type Decidable, recordStep, type SubjectType } from './duties.js';

/** An approved subject as finance may send it back: its row (locked by `open`), who is involved, and the move. */
export interface Refusable {
  type: SubjectType;
  entityType: string;
  row: Decidable;
  /** Who proposed, submitted or approved it: none of them refuses its payment either. */
  involved: (number | null)[];
  badStatus(status: string): AppError;
  /** approved → pending_approval (conditional), its approved grants back to proposed; false when it had moved. */
  back(trx: Db, now: string): Promise<boolean>;
}

/**
 * Finance refuses a non-compliant payment with a reason (seed 000 第二十六条(二): 「對不符合財務手續的支出,財務人員
 * 有權拒絕支付」): an approved subject nobody has started paying goes back to its approvers — status back to
 * pending approval at the same node and level, its grants back to proposed — and the history records the refusal
 * (`refuse_payment`, the reason as its comment). One transaction, under the subject's row lock; audited.
 */
export async function refusePayment(
  ctx: AppContext,
  actor: Actor,
  open: (trx: Db, sdb: ScopedDb) => Promise<Refusable>,
  reason: string,
) {
  require(actor, 'fund.write');
  await transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    const s = await open(trx, sdb);
    if (s.row.status !== 'approved') throw s.badStatus(s.row.status);
    assertIndependentPayer(actor, s.involved);
    const now = ctx.clock.now().toISOString();
    if (!(await s.back(trx, now))) throw s.badStatus('pending_approval');
    const id = Number(s.row.id);
    await recordStep(
      trx,
      actor,
      { type: s.type, id, org: s.row },
      { level: s.row.required_level ?? '', decision: 'refuse_payment', comment: reason, at: now },
    );
    await appendAudit(trx, ctx.clock, actor, {
      action: `${s.type}.refuse_payment`,
      entityType: s.entityType,
      entityId: id,
      orgPath: s.row.org_path,
      chain: s.row.province_code,
      before: { status: 'approved' },
      after: { status: 'pending_approval', reason },
    });
  });
}
