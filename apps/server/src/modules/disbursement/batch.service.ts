import type { BatchInputSchema } from '@bangfu/contracts';
import { programmes } from '@bangfu/contracts';
import type { z } from 'zod';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require, requireAny } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import { type Decision, decide } from '../approvals/decide.js';
import { historyOf, recordStep } from '../approvals/duties.js';
import { refusePayment } from '../approvals/refusal.js';
import { approvalTarget } from '../approvals/routing.js';
import { nextFileNo } from '../archive/archive.repository.js';
import { fundAt } from '../funds/funds.repository.js';
import { assertFundServes } from '../funds/ledger.js';
import { toGrant } from '../grants/grant.present.js';
import * as grantRepo from '../grants/grants.repository.js';
import * as orgRepo from '../orgs/orgs.repository.js';
import { ruleAt } from '../programmes/programmes.service.js';
import { allTemplates, programmeOf } from '../programmes/programmes.templates.js';
import { computeBatch } from './batch.compute.js';
import * as repo from './batch.repository.js';
import { type BatchRule, quarterOf } from './batch.rules.js';
import { batchRefusable, batchSubject, mustFindBatch, batchStatusZh as statusZh } from './batch.subject.js';

export { mustFindBatch };

function mustBe(b: repo.BatchRow, ...statuses: string[]) {
  if (!statuses.includes(b.status)) throw new AppError('BATCH_BAD_STATUS', { status: statusZh(b.status) });
}

/** The adopted rule for a programme in force at a node on a date (the first template of that programme adopted). */
async function adoptedRule(db: Db, node: { path: string; name: string }, programme: string, date: string) {
  for (const t of allTemplates().filter((x) => programmeOf(x) === programme)) {
    const r = await ruleAt(db, node.path, t.id, date);
    if (r) return r;
  }
  throw new AppError('PROGRAMME_NO_RULE', {
    org: node.name,
    date,
    programme: programmes.zh[programme as keyof typeof programmes.zh] ?? programme,
  });
}

const runInBackground = (ctx: AppContext, actor: Actor, id: number) =>
  computeBatch(ctx, actor, id).catch(async (e: unknown) => {
    ctx.log.error({ err: e, batchId: id }, 'batch computation stopped; POST /batches/:id/resume continues it');
    try {
      await repo.updateBatch(ctx.db, id, {
        skipped_json: JSON.stringify({ error: e instanceof Error ? e.message : String(e) }),
        updated_at: ctx.clock.now().toISOString(),
      });
    } catch {
      // The database itself is gone (shutdown): the batch stays 'computing' and resumes later.
    }
  });

/**
 * A disbursement batch, e.g. Q1 生活救助 for every eligible file of a subtree: frozen with the rule in force
 * on the quarter's first day, then computed in the background with progress (or at once with wait).
 */
export async function createBatch(
  ctx: AppContext,
  actor: Actor,
  input: z.infer<typeof BatchInputSchema>,
  opts: { wait?: boolean } = {},
) {
  require(actor, 'assistance.propose');
  const { year, start, end } = quarterOf(input.period);
  const id = await transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    const org = await orgRepo.findActiveOrThrow(sdb, input.orgId);
    const fund = await fundAt(sdb, input.fundId, org.id);
    if (!fund) throw new AppError('FUND_NOT_FOUND', { id: input.fundId });
    assertFundServes(fund, input.programme);
    const r = await adoptedRule(trx, org, input.programme, start);
    const rule: BatchRule = {
      templateId: r.templateId,
      version: r.version,
      effectiveFrom: r.effectiveFrom,
      nodeId: r.nodeId,
      params: r.params,
    };
    const total = await repo.countCandidates(sdb, org.path, `${end}T00:00:00.000Z`);
    const now = ctx.clock.now().toISOString();
    const batchId = await repo.insertBatch(trx, {
      org_id: org.id,
      org_path: org.path,
      province_code: org.province_code,
      batch_no: await nextFileNo(trx, `PB${org.province_code}`, year),
      title: input.title ?? `${org.name}${input.period}${programmes.zh[input.programme]}`,
      programme: input.programme,
      period: input.period,
      template_id: r.templateId,
      rule_json: JSON.stringify(rule),
      method: input.method,
      fund_id: Number(fund.id),
      status: 'computing',
      total_fen: 0,
      grant_count: 0,
      skipped_json: null,
      progress_done: 0,
      progress_total: Number(total.n),
      required_level: null,
      required_org_id: null,
      created_by: actor.userId,
      created_by_name: actor.displayName,
      created_at: now,
      updated_at: now,
    });
    await appendAudit(trx, ctx.clock, actor, {
      action: 'batch.create',
      entityType: 'disbursement_batch',
      entityId: batchId,
      orgPath: org.path,
      chain: org.province_code,
      after: { ...input, rule: { templateId: rule.templateId, version: rule.version } },
    });
    return batchId;
  });
  if (opts.wait) await computeBatch(ctx, actor, id);
  else void runInBackground(ctx, actor, id);
  return getBatch(ctx, actor, id);
}

/** Resume an interrupted computation (server restart, error): households already in the batch are passed over. */
export async function resumeBatch(ctx: AppContext, actor: Actor, id: number, opts: { wait?: boolean } = {}) {
  require(actor, 'assistance.propose');
  const b = await mustFindBatch(new ScopedDb(ctx.db, actor.scope), id);
  mustBe(b, 'computing');
  if (opts.wait) await computeBatch(ctx, actor, id);
  else void runInBackground(ctx, actor, id);
  return getBatch(ctx, actor, id);
}

function toBatch(b: repo.BatchRow) {
  const skipped = b.skipped_json
    ? (JSON.parse(b.skipped_json) as { count?: number; items?: unknown[]; error?: string })
    : {};
  return {
    id: Number(b.id),
    batchNo: b.batch_no,
    title: b.title,
    orgId: Number(b.org_id),
    programme: b.programme,
    period: b.period,
    method: b.method,
    fundId: b.fund_id === null ? null : Number(b.fund_id),
    status: b.status,
    rule: JSON.parse(b.rule_json) as BatchRule,
    totalFen: Number(b.total_fen),
    grantCount: b.grant_count,
    progress: { done: b.progress_done, total: b.progress_total },
    skippedCount: skipped.count ?? 0,
    skipped: skipped.items ?? [],
    error: skipped.error ?? null,
    requiredLevel: b.required_level,
    requiredOrgId: b.required_org_id === null ? null : Number(b.required_org_id),
    createdBy: b.created_by_name,
    createdAt: b.created_at,
    updatedAt: b.updated_at,
  };
}

export async function getBatch(ctx: AppContext, actor: Actor, id: number) {
  require(actor, 'programme.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const b = await mustFindBatch(sdb, id);
  return { ...toBatch(b), approvals: await historyOf(sdb, 'batch', id) };
}

export async function listBatches(
  ctx: AppContext,
  actor: Actor,
  q: { orgId?: number; status?: string; limit: number; offset: number },
) {
  require(actor, 'programme.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const org = await orgRepo.findActiveOrThrow(sdb, q.orgId ?? actor.scope.orgId);
  const { rows, total } = await repo.listBatches(sdb, {
    path: org.path,
    status: q.status,
    limit: q.limit,
    offset: q.offset,
  });
  return { items: rows.map(toBatch), total, limit: q.limit, offset: q.offset };
}

export async function batchGrants(
  ctx: AppContext,
  actor: Actor,
  id: number,
  q: { limit: number; offset: number; status?: string },
) {
  require(actor, 'programme.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  await mustFindBatch(sdb, id);
  const { rows, total } = await grantRepo.grantsOfBatch(sdb, id, q);
  return { items: rows.map(toGrant), total, limit: q.limit, offset: q.offset };
}

/** Send a computed batch for approval: the level its largest grant needs decides (seed 000 第三篇 by default). */
export async function submitBatch(ctx: AppContext, actor: Actor, id: number, comment?: string) {
  require(actor, 'assistance.propose');
  await transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    await repo.lockBatch(trx, id);
    const b = await mustFindBatch(sdb, id);
    mustBe(b, 'computed', 'rejected');
    const totals = await grantRepo.batchTotals(sdb, id);
    if (totals.count === 0) throw new AppError('BATCH_EMPTY', {});
    const target = await approvalTarget(
      trx,
      { id: Number(b.org_id), path: b.org_path },
      totals.maxFen,
      ctx.clock.today(),
    );
    const now = ctx.clock.now().toISOString();
    const moved = await repo.moveBatch(trx, id, ['computed', 'rejected'], {
      status: 'pending_approval',
      required_level: target.level,
      required_org_id: target.orgId,
      total_fen: totals.totalFen,
      grant_count: totals.count,
      updated_at: now,
    });
    if (!moved) throw new AppError('BATCH_BAD_STATUS', { status: statusZh('pending_approval') });
    await recordStep(
      trx,
      actor,
      { type: 'batch', id: id, org: b },
      {
        level: target.level,
        decision: 'submit',
        comment: [target.step.zh, comment].filter(Boolean).join('；'),
        at: now,
      },
    );
    await appendAudit(trx, ctx.clock, actor, {
      action: 'batch.submit',
      entityType: 'disbursement_batch',
      entityId: id,
      orgPath: b.org_path,
      chain: b.province_code,
      after: { totalFen: totals.totalFen, count: totals.count, level: target.level, orgId: target.orgId },
    });
  });
  return getBatch(ctx, actor, id);
}

/**
 * Approve or reject (maker-checker: whoever created the batch cannot decide it; the decision belongs to the
 * node and level the amount requires), through approvals' one `decide`. Approval checks the programme's budget for
 * the year at the node.
 */
export async function decideBatch(ctx: AppContext, actor: Actor, id: number, d: Decision) {
  require(actor, 'payment.approve');
  await decide(ctx, actor, batchSubject(id, d), d.meeting);
  return getBatch(ctx, actor, id);
}

/**
 * Finance refuses to pay an approved batch (seed 000: 財務人員有權拒絕支付), with a reason: it goes back to its
 * approvers (pending approval, its grants proposed again), through approvals' `refusePayment`.
 */
export async function refuseBatchPayment(ctx: AppContext, actor: Actor, id: number, reason: string) {
  await refusePayment(ctx, actor, (trx, sdb) => batchRefusable(trx, sdb, id), reason);
  return getBatch(ctx, actor, id);
}

/** Who takes part in a batch and may comment on it (kept with the approvals); read-only roles may not. */
export const BATCH_COMMENTERS = ['assistance.propose', 'payment.approve', 'fund.write'] as const;

/** A comment on a batch by its proposers, approvers or finance (kept with the approvals, audited). */
export async function commentBatch(ctx: AppContext, actor: Actor, id: number, comment: string) {
  requireAny(actor, BATCH_COMMENTERS);
  await transaction(ctx, async (trx) => {
    const b = await mustFindBatch(new ScopedDb(trx, actor.scope), id);
    const at = ctx.clock.now().toISOString();
    await recordStep(
      trx,
      actor,
      { type: 'batch', id, org: b },
      { level: b.required_level ?? '', decision: 'comment', comment, at },
    );
    await appendAudit(trx, ctx.clock, actor, {
      action: 'batch.comment',
      entityType: 'disbursement_batch',
      entityId: id,
      orgPath: b.org_path,
      chain: b.province_code,
      after: { comment },
    });
  });
  return getBatch(ctx, actor, id);
}

/** Batches waiting for the approver's decision at their node, not proposed by them. */
export async function pendingBatchesFor(ctx: AppContext, actor: Actor) {
  require(actor, 'payment.approve');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const { rows } = await repo.listBatches(sdb, {
    path: actor.scope.path,
    awaiting: { orgId: actor.scope.orgId, userId: actor.userId },
    limit: 500,
    offset: 0,
  });
  return rows.map(toBatch);
}
