import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import { assertIndependentPayer } from '../approvals/duties.js';
import { parseBankResult } from '../grants/bank-result.js';
import { grantStatusZh, payGrants } from '../grants/grant.pay.js';
import * as grantRepo from '../grants/grants.repository.js';
import { settleBankResult } from '../grants/reconcile.js';
import { getBatch } from './batch.service.js';
import { batchOwner, batchPayer, batchStatusZh } from './batch.subject.js';

/**
 * The batch row locked for the payment's transaction, still payable, and the payer independent of its makers
 * and approvers: concurrent payments of one batch queue on the lock and the later ones see it paid.
 */
async function lockedPayableBatch(trx: Db, sdb: ScopedDb, actor: Actor, id: number) {
  const owner = await batchOwner(trx, sdb, id);
  const b = owner.batch;
  if (b.status !== 'approved' && b.status !== 'paying')
    throw new AppError('BATCH_BAD_STATUS', { status: batchStatusZh(b.status) });
  assertIndependentPayer(actor, owner.involved);
  return owner;
}

/** Bank transfer confirmed for every approved grant of the batch (or the listed ones): paid, in one entry. */
export async function payBatch(ctx: AppContext, actor: Actor, id: number, grantIds?: number[]) {
  require(actor, 'fund.write');
  await transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    const owner = await lockedPayableBatch(trx, sdb, actor, id);
    const b = owner.batch;
    if (b.method === 'cash') throw new AppError('GRANT_SIGNATURE_REQUIRED', {});
    const all = await grantRepo.allGrantsOfBatch(sdb, id);
    const grants = all.filter((g) => g.status === 'approved' && (!grantIds || grantIds.includes(Number(g.id))));
    if (grantIds) {
      const byId = new Map(all.map((g) => [Number(g.id), g]));
      for (const gid of grantIds) {
        const g = byId.get(gid);
        if (!g) throw new AppError('GRANT_NOT_FOUND', { id: gid });
        if (g.status !== 'approved') throw new AppError('GRANT_BAD_STATUS', { status: grantStatusZh(g.status) });
      }
    }
    const paid = await payGrants(ctx, trx, actor, batchPayer(b), grants, `${b.title} 银行代发`);
    await owner.follow(trx, sdb, ctx.clock.now().toISOString());
    await appendAudit(trx, ctx.clock, actor, {
      action: 'batch.pay',
      entityType: 'disbursement_batch',
      entityId: id,
      orgPath: b.org_path,
      chain: b.province_code,
      after: { grants: grants.length, totalFen: paid?.totalFen ?? 0, entryId: paid?.entryId ?? null },
    });
  });
  return getBatch(ctx, actor, id);
}

/**
 * Reconcile from the bank's result file (CSV: 流水号,结果,原因 — the 流水号 is the grant id of the bank file; parsed
 * by grants' `parseBankResult`): successes are paid in one entry, failures marked with the bank's reason. Unknown
 * or repeated lines are refused.
 */
export async function reconcileBatch(ctx: AppContext, actor: Actor, id: number, csv: string) {
  require(actor, 'fund.write');
  const results = parseBankResult(csv);
  const summary = await transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    const owner = await lockedPayableBatch(trx, sdb, actor, id);
    const b = owner.batch;
    const owned = await grantRepo.allGrantsOfBatch(sdb, id);
    const s = await settleBankResult(ctx, trx, actor, batchPayer(b), owned, results, `${b.title} 银行回单对账`);
    await owner.follow(trx, sdb, ctx.clock.now().toISOString());
    await appendAudit(trx, ctx.clock, actor, {
      action: 'batch.reconcile',
      entityType: 'disbursement_batch',
      entityId: id,
      orgPath: b.org_path,
      chain: b.province_code,
      after: s,
    });
    return s;
  });
  return { ...summary, batch: await getBatch(ctx, actor, id) };
}
