import { programmes } from '@bangfu/contracts';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import { assertWithinBudget } from '../approvals/budget.js';
import { assertIndependentPayer } from '../approvals/duties.js';
import { mustFindFile } from '../archive/archive.service.js';
import { maskCard } from './grant.build.js';
import { checkSignature, failGrants, grantStatusZh, payGrants, type Signature } from './grant.pay.js';
import { toGrant } from './grant.present.js';
import * as repo from './grants.repository.js';
import type { GrantOwner } from './owner.js';
import { openOwner } from './owners.js';

/**
 * A grant's life: proposed → approved (its owner's approval) → paid | failed; after a failure, paid again once
 * (failed → approved, attempt 2) or void. Every move is a conditional update under the owner's row lock (owner →
 * grants → budget → ledger → audit head), and the owner's status follows its grants.
 */
async function lockedGrant(trx: Db, sdb: ScopedDb, id: number): Promise<{ g: repo.GrantRow; owner: GrantOwner }> {
  const found = await repo.findGrant(sdb, id);
  if (!found) throw new AppError('GRANT_NOT_FOUND', { id });
  // Lock what the grant belongs to first (the same order as paying a whole batch), then read the grant again.
  const owner = await openOwner(trx, sdb, found);
  return { g: (await repo.findGrant(sdb, id)) as repo.GrantRow, owner };
}

const must = (g: repo.GrantRow, status: string) => {
  if (g.status !== status) throw new AppError('GRANT_BAD_STATUS', { status: grantStatusZh(g.status) });
};

/**
 * Mark one grant paid or failed. A batch grant pays from its batch's fund; an application's grant from the
 * application's fund (or the one named now). Cash needs the recipient's own signature, the date and the cadre.
 */
export async function markGrant(
  ctx: AppContext,
  actor: Actor,
  grantId: number,
  m: { status: 'paid'; signature?: Signature; fundId?: number } | { status: 'failed'; reason: string },
) {
  require(actor, 'fund.write');
  return transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    const { g, owner } = await lockedGrant(trx, sdb, grantId);
    must(g, 'approved');
    const now = ctx.clock.now().toISOString();
    if (m.status === 'failed') await failGrants(trx, [grantId], m.reason, now);
    else {
      assertIndependentPayer(actor, owner.involved);
      const signature = checkSignature(g, m.signature);
      if (signature) await repo.setGrants(trx, [grantId], { signature_json: signature });
      await payGrants(ctx, trx, actor, owner.payer(m.fundId), [g], owner.memo(g));
    }
    await owner.follow(trx, sdb, now);
    await appendAudit(trx, ctx.clock, actor, {
      action: `grant.${m.status}`,
      entityType: 'assistance_grant',
      entityId: grantId,
      orgPath: g.org_path,
      chain: g.province_code,
      after: m,
    });
    return { id: grantId, status: m.status };
  });
}

/**
 * After a failed payment, pay it again — once (the card corrected, the recipient found): the grant awaits payment
 * again (failed → approved, attempt 2) and holds its household's place and the year's budget again, so a household
 * proposed anew meanwhile, or a spent budget, refuses it. Not by anyone who proposed, submitted or approved it.
 */
export async function repayGrant(ctx: AppContext, actor: Actor, grantId: number, comment?: string) {
  require(actor, 'fund.write');
  await transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    const { g, owner } = await lockedGrant(trx, sdb, grantId);
    must(g, 'failed');
    assertIndependentPayer(actor, owner.involved);
    if (Number(g.attempt) >= 2) throw new AppError('GRANT_REPAY_USED', {});
    if ((await repo.liveGrants(trx, [Number(g.household_id)], g.programme, g.period)).length)
      throw new AppError('GRANT_DUPLICATE', {
        period: g.period,
        programme: programmes.zh[g.programme as keyof typeof programmes.zh] ?? g.programme,
      });
    const now = ctx.clock.now().toISOString();
    const moved = await repo.reissueGrant(trx, g, now);
    if (!moved) throw new AppError('GRANT_BAD_STATUS', { status: grantStatusZh('approved') });
    await assertWithinBudget(sdb, owner.node, g.programme, Number(g.fiscal_year), Number(g.amount_fen));
    await owner.follow(trx, sdb, now);
    await appendAudit(trx, ctx.clock, actor, {
      action: 'grant.repay',
      entityType: 'assistance_grant',
      entityId: grantId,
      orgPath: g.org_path,
      chain: g.province_code,
      before: { status: 'failed', failureReason: g.failure_reason, attempt: Number(g.attempt) },
      after: { status: 'approved', attempt: Number(g.attempt) + 1, comment: comment ?? null },
    });
  });
  return getGrant(ctx, actor, grantId);
}

/** After a failed payment, give it up with a reason: failed → void (the household may be proposed again). */
export async function voidGrant(ctx: AppContext, actor: Actor, grantId: number, reason: string) {
  require(actor, 'fund.write');
  await transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    const { g, owner } = await lockedGrant(trx, sdb, grantId);
    must(g, 'failed');
    assertIndependentPayer(actor, owner.involved);
    const now = ctx.clock.now().toISOString();
    const why = `${g.failure_reason ?? ''}（作废：${reason}）`;
    if (
      (await repo.moveGrants(trx, [grantId], 'failed', { status: 'void', failure_reason: why, updated_at: now })) !== 1
    )
      throw new AppError('GRANT_BAD_STATUS', { status: grantStatusZh('void') });
    await owner.follow(trx, sdb, now);
    await appendAudit(trx, ctx.clock, actor, {
      action: 'grant.void',
      entityType: 'assistance_grant',
      entityId: grantId,
      orgPath: g.org_path,
      chain: g.province_code,
      before: { status: 'failed', failureReason: g.failure_reason },
      after: { status: 'void', reason },
    });
  });
  return getGrant(ctx, actor, grantId);
}

export async function getGrant(ctx: AppContext, actor: Actor, id: number) {
  require(actor, 'programme.read');
  const g = await repo.findGrant(new ScopedDb(ctx.db, actor.scope), id);
  if (!g) throw new AppError('GRANT_NOT_FOUND', { id });
  return toGrant(g);
}

/**
 * The help a household received (paid) and has in progress, newest first, with the paid total. Money is
 * programme.read: the desk officers (hotline, employment, legal aid) read files but not what was paid.
 */
export async function householdGrants(ctx: AppContext, actor: Actor, householdId: number) {
  require(actor, 'programme.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  await mustFindFile(sdb, householdId);
  const items = (await repo.grantsOfHousehold(sdb, householdId)).map(toGrant);
  return { items, paidFen: items.filter((g) => g.status === 'paid').reduce((s, g) => s + g.amountFen, 0) };
}

/**
 * A household's bank card changed (a change request): its bank grants not yet paid — proposed, approved or failed —
 * are paid to the new card. Inside the caller's transaction; returns how many grants now carry it.
 */
export async function retargetUnpaidGrants(
  ctx: AppContext,
  trx: Db,
  householdId: number,
  bank: { bankName?: string; branch?: string; cardNumber: string },
) {
  const enc = ctx.crypto.encrypt(JSON.stringify(bank));
  const mask = `${bank.bankName ?? ''} ${maskCard(bank.cardNumber)}`.trim();
  return repo.setUnpaidBank(trx, householdId, { enc, mask }, ctx.clock.now().toISOString());
}
