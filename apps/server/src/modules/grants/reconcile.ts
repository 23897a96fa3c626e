import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { AppError } from '../../platform/errors.js';
import type { BankResult } from './bank-result.js';
import { failGrants, grantStatusZh, type Payer, payGrants } from './grant.pay.js';
import type { GrantRow } from './grants.repository.js';

/**
 * Reconcile the bank's result against the grants it answers for (the owner's, locked by the caller): every line
 * must name one of them, once, still awaiting payment; successes are paid in one entry, failures marked failed
 * with the bank's reason. All or nothing: one bad line refuses the file.
 */
export async function settleBankResult(
  ctx: AppContext,
  trx: Db,
  actor: Actor,
  payer: Payer,
  owned: GrantRow[],
  results: BankResult[],
  memo: string,
) {
  const grants = new Map(owned.map((g) => [Number(g.id), g]));
  const seen = new Set<number>();
  for (const p of results) {
    const g = grants.get(p.grantId);
    if (!g || seen.has(p.grantId))
      throw new AppError('RECONCILE_BAD_FILE', { problem: `流水号${p.grantId}不属于本批次或重复` });
    if (g.status !== 'approved')
      throw new AppError('RECONCILE_BAD_FILE', { problem: `流水号${p.grantId}当前为“${grantStatusZh(g.status)}”` });
    seen.add(p.grantId);
  }
  const okGrants = results.filter((p) => p.ok).map((p) => grants.get(p.grantId) as GrantRow);
  const paid = await payGrants(ctx, trx, actor, payer, okGrants, memo);
  const now = ctx.clock.now().toISOString();
  for (const p of results.filter((x) => !x.ok)) await failGrants(trx, [p.grantId], p.reason, now);
  return { paid: okGrants.length, failed: results.length - okGrants.length, paidFen: paid?.totalFen ?? 0 };
}
