import { batchStatuses, grantStatuses, programmes } from '@bangfu/contracts';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import { textLines } from '../../platform/tabular/text-lines.js';
import { campaignCovering } from '../assistance/assistance.repository.js';
import { fundAt } from '../funds/funds.repository.js';
import { assertFundServes, postEntry } from '../funds/ledger.js';
import * as orgRepo from '../orgs/orgs.repository.js';
import { assertIndependentPayer } from './approval-target.js';
import * as repo from './batch.repository.js';
import { getBatch, mustFindBatch } from './batch.service.js';

type Signature = { signedName: string; signedOn: string; cadre: string; photoAttachmentId?: number };

const grantStatusZh = (s: string) => grantStatuses.zh[s as keyof typeof grantStatuses.zh] ?? s;

const batchStatusZh = (s: string) => batchStatuses.zh[s as keyof typeof batchStatuses.zh] ?? s;

/** Who pays: the node, its fund, the programme, and what the ledger entry refers to. */
export interface Payer {
  orgId: number;
  fundId: number | null;
  programme: string;
  ref: { type: 'batch' | 'application'; id: number };
}

export const batchPayer = (b: repo.BatchRow): Payer => ({
  orgId: Number(b.org_id),
  fundId: b.fund_id === null ? null : Number(b.fund_id),
  programme: b.programme,
  ref: { type: 'batch', id: Number(b.id) },
});

/**
 * Pay grants from the payer's fund at the payer's node: one ledger entry, a debit to the programme's expense
 * per grant (each line names its grant, so every 元 traces to its recipient) and one credit to the special
 * account. The ledger refuses an overdraft; a restricted fund pays only its programme.
 */
export async function payGrants(
  ctx: AppContext,
  trx: Db,
  actor: Actor,
  payer: Payer,
  grants: repo.GrantRow[],
  memo: string,
) {
  if (grants.length === 0) return null;
  if (payer.fundId === null) throw new AppError('GRANT_FUND_REQUIRED', {});
  const sdb = new ScopedDb(trx, actor.scope);
  const node = await orgRepo.findActiveOrThrow(sdb, payer.orgId);
  const fund = await fundAt(sdb, payer.fundId, node.id);
  if (!fund) throw new AppError('FUND_NOT_FOUND', { id: payer.fundId });
  assertFundServes(fund, payer.programme);
  const total = grants.reduce((s, g) => s + Number(g.amount_fen), 0);
  const now = ctx.clock.now().toISOString();
  // The grants move approved → paid before the money does: a grant another transaction already paid (or failed)
  // does not move, and then nothing is posted (the transaction rolls back).
  const ids = grants.map((g) => Number(g.id));
  const moved = await repo.moveGrants(trx, ids, 'approved', { status: 'paid', paid_at: now, updated_at: now });
  if (moved !== ids.length) throw new AppError('GRANT_BAD_STATUS', { status: grantStatusZh('paid') });
  const entryId = await postEntry(trx, ctx.clock, actor, {
    node,
    kind: 'payment',
    memo,
    ref: payer.ref,
    lines: [
      ...grants.map((g) => ({
        node,
        fund,
        kind: 'expense' as const,
        programme: payer.programme,
        debitFen: Number(g.amount_fen),
        grantId: Number(g.id),
      })),
      { node, fund, kind: 'cash' as const, creditFen: total },
    ],
  });
  await repo.setGrants(trx, ids, { ledger_entry_id: entryId });
  await repo.markAssisted(
    trx,
    grants.map((g) => Number(g.household_id)),
    now,
  );
  return { entryId, totalFen: total };
}

/** Cash is paid only against the recipient's own signature (不得代领). */
export function checkSignature(g: repo.GrantRow, signature?: Signature) {
  if (g.method !== 'cash') return null;
  if (!signature) throw new AppError('GRANT_SIGNATURE_REQUIRED', {});
  if (signature.signedName.replace(/\s/g, '') !== g.recipient_name.replace(/\s/g, ''))
    throw new AppError('GRANT_PROXY_REFUSED', { name: g.recipient_name });
  return JSON.stringify(signature);
}

async function closeIfDone(trx: Db, actor: Actor, batchId: number, now: string) {
  const all = await repo.allGrantsOfBatch(new ScopedDb(trx, actor.scope), batchId);
  const open = all.some((g) => g.status === 'approved');
  await repo.updateBatch(trx, batchId, { status: open ? 'paying' : 'closed', updated_at: now });
}

/**
 * Who proposed, submitted or approved a batch or an application (and organised the campaign an application is
 * an entry of): none of them pays it.
 */
async function involvedIn(
  sdb: ScopedDb,
  type: 'batch' | 'application',
  subject: { id: number; created_by: number | null; campaign_id?: number | null; org_path: string },
) {
  const steps = await repo.stepActors(sdb, type, Number(subject.id), ['submit', 'approve']);
  const campaign =
    subject.campaign_id == null ? null : await campaignCovering(sdb.db, Number(subject.campaign_id), subject.org_path);
  return [subject.created_by, campaign?.created_by ?? null, ...steps];
}

/**
 * The batch row locked for the payment's transaction, still payable, and the payer independent of its makers
 * and approvers: concurrent payments of one batch queue on the lock and the later ones see it paid.
 */
async function lockedPayableBatch(trx: Db, sdb: ScopedDb, actor: Actor, id: number) {
  await repo.lockRow(trx, 'disbursement_batch', id);
  const b = await mustFindBatch(sdb, id);
  if (b.status !== 'approved' && b.status !== 'paying')
    throw new AppError('BATCH_BAD_STATUS', { status: batchStatusZh(b.status) });
  assertIndependentPayer(actor, await involvedIn(sdb, 'batch', b));
  return b;
}

/** Bank transfer confirmed for every approved grant of the batch (or the listed ones): paid, in one entry. */
export async function payBatch(ctx: AppContext, actor: Actor, id: number, grantIds?: number[]) {
  require(actor, 'fund.write');
  await transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    const b = await lockedPayableBatch(trx, sdb, actor, id);
    if (b.method === 'cash') throw new AppError('GRANT_SIGNATURE_REQUIRED', {});
    const all = await repo.allGrantsOfBatch(sdb, id);
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
    await closeIfDone(trx, actor, id, ctx.clock.now().toISOString());
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
    const found = await repo.findGrant(sdb, grantId);
    if (!found) throw new AppError('GRANT_NOT_FOUND', { id: grantId });
    // Lock what the grant belongs to first (the same order as paying a whole batch), then read the grant again.
    if (found.batch_id !== null) await repo.lockRow(trx, 'disbursement_batch', Number(found.batch_id));
    if (found.application_id !== null) await repo.lockRow(trx, 'assistance_application', Number(found.application_id));
    const g = (await repo.findGrant(sdb, grantId)) as repo.GrantRow;
    if (g.status !== 'approved') throw new AppError('GRANT_BAD_STATUS', { status: grantStatusZh(g.status) });
    const batch = g.batch_id === null ? null : await mustFindBatch(sdb, Number(g.batch_id));
    const app = g.application_id === null ? null : await repo.findApplication(sdb, Number(g.application_id));
    const now = ctx.clock.now().toISOString();
    if (m.status === 'failed') {
      const moved = await repo.moveGrants(trx, [grantId], 'approved', {
        status: 'failed',
        failure_reason: m.reason,
        updated_at: now,
      });
      if (moved !== 1) throw new AppError('GRANT_BAD_STATUS', { status: grantStatusZh('failed') });
    } else {
      if (batch) assertIndependentPayer(actor, await involvedIn(sdb, 'batch', batch));
      if (app) assertIndependentPayer(actor, await involvedIn(sdb, 'application', app));
      const signature = checkSignature(g, m.signature);
      if (signature) await repo.setGrants(trx, [grantId], { signature_json: signature });
      const payer: Payer | null = batch
        ? batchPayer(batch)
        : app
          ? {
              orgId: Number(app.org_id),
              fundId: m.fundId ?? (app.fund_id === null ? null : Number(app.fund_id)),
              programme: app.programme,
              ref: { type: 'application', id: Number(app.id) },
            }
          : null;
      if (!payer) throw new AppError('GRANT_NOT_FOUND', { id: grantId });
      const what = batch?.title ?? programmes.zh[g.programme as keyof typeof programmes.zh] ?? g.programme;
      await payGrants(ctx, trx, actor, payer, [g], `${what} ${g.recipient_name}`);
      if (app && !(await repo.moveApplication(trx, Number(app.id), 'approved', 'paid', now)))
        throw new AppError('GRANT_BAD_STATUS', { status: grantStatusZh('paid') });
    }
    if (batch) await closeIfDone(trx, actor, Number(batch.id), now);
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
 * Reconcile from the bank's result file (CSV: 流水号,结果,原因 — the 流水号 is the grant id of the bank file):
 * successes are paid in one entry, failures marked with the bank's reason. Unknown or repeated lines are refused.
 */
export async function reconcileBatch(ctx: AppContext, actor: Actor, id: number, csv: string) {
  require(actor, 'fund.write');
  const lines = textLines(csv);
  const body = lines[0] && /流水号|reference/i.test(lines[0]) ? lines.slice(1) : lines;
  const parsed = body.map((l, i) => {
    const [ref, result, ...reason] = l.split(',').map((c) => c.trim());
    const ok = /^(成功|success|ok)$/i.test(result ?? '');
    const fail = /^(失败|fail(ed)?)$/i.test(result ?? '');
    if (!ref || !/^\d+$/.test(ref) || (!ok && !fail))
      throw new AppError('RECONCILE_BAD_FILE', { problem: `第${i + 1}行“${l}”应为：流水号,成功|失败,原因` });
    return { grantId: Number(ref), ok, reason: reason.join(',') || '银行退回' };
  });
  const result = await transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    const b = await lockedPayableBatch(trx, sdb, actor, id);
    const grants = new Map((await repo.allGrantsOfBatch(sdb, id)).map((g) => [Number(g.id), g]));
    const seen = new Set<number>();
    for (const p of parsed) {
      const g = grants.get(p.grantId);
      if (!g || seen.has(p.grantId))
        throw new AppError('RECONCILE_BAD_FILE', { problem: `流水号${p.grantId}不属于本批次或重复` });
      if (g.status !== 'approved')
        throw new AppError('RECONCILE_BAD_FILE', { problem: `流水号${p.grantId}当前为“${grantStatusZh(g.status)}”` });
      seen.add(p.grantId);
    }
    const okGrants = parsed.filter((p) => p.ok).map((p) => grants.get(p.grantId) as repo.GrantRow);
    const paid = await payGrants(ctx, trx, actor, batchPayer(b), okGrants, `${b.title} 银行回单对账`);
    const now = ctx.clock.now().toISOString();
    for (const p of parsed.filter((x) => !x.ok))
      if (
        (await repo.moveGrants(trx, [p.grantId], 'approved', {
          status: 'failed',
          failure_reason: p.reason,
          updated_at: now,
        })) !== 1
      )
        throw new AppError('GRANT_BAD_STATUS', { status: grantStatusZh('failed') });
    await closeIfDone(trx, actor, id, now);
    const summary = { paid: okGrants.length, failed: parsed.length - okGrants.length, paidFen: paid?.totalFen ?? 0 };
    await appendAudit(trx, ctx.clock, actor, {
      action: 'batch.reconcile',
      entityType: 'disbursement_batch',
      entityId: id,
      orgPath: b.org_path,
      chain: b.province_code,
      after: summary,
    });
    return summary;
  });
  return { ...result, batch: await getBatch(ctx, actor, id) };
}
