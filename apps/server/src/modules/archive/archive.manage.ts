import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import * as orgRepo from '../orgs/orgs.repository.js';
import * as repo from './archive.repository.js';
import { mustFindFile } from './archive.service.js';
import { settingsAt } from './archive.settings.js';
import { addMonths, badTransition, type Step, step } from './archive.workflow.js';

export type ReviewRecord = { method: 'phone' | 'visit' | 'data'; reviewedOn: string; findings: string };

/** 动态管理: a review record (phone callback, home visit, data comparison) moves the next review date on. */
export function recordReview(ctx: AppContext, actor: Actor, id: number, r: ReviewRecord) {
  return step(ctx, actor, id, reviewStep(actor, id, r));
}

/**
 * The review record as a step, for step() or stepIn() (the yearly review records its reviews through it, with the
 * round and outcome in `extra`, so they land in the file's history and move its review dates the same way).
 */
export function reviewStep(actor: Actor, id: number, r: ReviewRecord, extra?: Record<string, unknown>): Step {
  return {
    action: 'review_record',
    permission: 'archive.write',
    from: ['filed', 'relieved'],
    to: 'keep',
    note: r.findings,
    data: { method: r.method, reviewedOn: r.reviewedOn, ...extra },
    apply: async (file, trx, now) => {
      // The same review (method and date) sent twice is recorded once (step() holds the file's lock here).
      const earlier = await repo.events(new ScopedDb(trx, actor.scope), id);
      const same = JSON.stringify({ method: r.method, reviewedOn: r.reviewedOn, ...extra });
      if (earlier.some((e) => e.action === 'review_record' && e.data_json === same))
        throw new AppError('ARCHIVE_REVIEW_DUPLICATE', { reviewedOn: r.reviewedOn });
      const { reviewMonths } = await settingsAt(trx, file.org_path);
      return {
        last_reviewed_at: now.toISOString(),
        next_review_due: addMonths(r.reviewedOn, reviewMonths),
      };
    },
  };
}

/** 解困: cannot leave difficulty, but with government aid and union help lives at the 低保 level. */
export const relieveStep = (reason: string): Step => ({
  action: 'relieve',
  permission: 'archive.approve',
  from: ['filed'],
  to: 'relieved',
  note: reason,
});
export const relieveFile = (ctx: AppContext, actor: Actor, id: number, reason: string) =>
  step(ctx, actor, id, relieveStep(reason));

/** 脱困: the causes are gone and income has stayed above the 低保 line (seed 004 篇一: 6 consecutive months). */
export const exitStep = (reason: string): Step => ({
  action: 'exit',
  permission: 'archive.approve',
  from: ['filed', 'relieved'],
  to: 'exited',
  note: reason,
});
export const exitFile = (ctx: AppContext, actor: Actor, id: number, reason: string) =>
  step(ctx, actor, id, exitStep(reason));

/** 注销: death, misidentification, moved away. The file stays, in the cancelled store. */
export const cancelStep = (c: { cause: string; reason: string }): Step => ({
  action: 'cancel',
  permission: 'archive.approve',
  from: ['draft', 'submitted', 'on_notice', 'objection', 'pending_approval', 'filed', 'relieved'],
  to: 'cancelled',
  note: c.reason,
  data: { cause: c.cause },
});
export const cancelFile = (ctx: AppContext, actor: Actor, id: number, c: { cause: string; reason: string }) =>
  step(ctx, actor, id, cancelStep(c));

/** 转正: a temporary-relief file becomes a full file. */
export const promoteFile = (ctx: AppContext, actor: Actor, id: number, reason: string) =>
  step(ctx, actor, id, {
    action: 'promote',
    permission: 'archive.approve',
    from: ['filed', 'relieved'],
    to: 'keep',
    note: reason,
    apply: (file) => {
      if (file.kind !== 'temporary') throw new AppError('ARCHIVE_BAD_TRANSITION', { status: '正式档案' });
      return { kind: 'full' };
    },
  });

/** Transfer a file to another organisation in the caller's subtree; its members, versions and steps follow it. */
export async function transferFile(ctx: AppContext, actor: Actor, id: number, t: { toOrgId: number; reason: string }) {
  require(actor, 'archive.approve');
  return transaction(ctx, async (trx) => {
    await repo.lockHousehold(trx, ctx.dialect, id);
    const sdb = new ScopedDb(trx, actor.scope);
    const file = await mustFindFile(sdb, id);
    if (file.status === 'cancelled' || file.status === 'exited' || file.status === 'rejected')
      throw badTransition(file.status);
    const to = await orgRepo.findActiveOrThrow(sdb, t.toOrgId);
    if (to.id === Number(file.org_id)) throw new AppError('ARCHIVE_TRANSFER_SAME_ORG', { org: to.name });
    const where = { org_id: to.id, org_path: to.path, province_code: to.province_code };
    const now = ctx.clock.now().toISOString();
    if (!(await repo.moveFile(trx, id, where, now, { status: file.status, org_id: Number(file.org_id) })))
      throw new AppError('ARCHIVE_TRANSFER_SAME_ORG', { org: to.name });
    await repo.insertEvent(trx, {
      household_id: id,
      ...where,
      at: now,
      actor_id: actor.userId,
      actor_name: actor.displayName,
      action: 'transfer',
      from_status: file.status,
      to_status: file.status,
      note: t.reason,
      data_json: JSON.stringify({
        fromOrgId: Number(file.org_id),
        fromOrg: file.org_name,
        toOrgId: to.id,
        toOrg: to.name,
      }),
    });
    await appendAudit(trx, ctx.clock, actor, {
      action: 'archive.transfer',
      entityType: 'household',
      entityId: id,
      orgPath: to.path,
      chain: to.province_code,
      before: { orgId: Number(file.org_id), orgPath: file.org_path },
      after: { orgId: to.id, orgPath: to.path },
    });
    return { id, status: file.status, orgId: to.id };
  });
}
