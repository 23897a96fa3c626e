import type { Action } from '@bangfu/contracts';
import { fileStatuses, type grades } from '@bangfu/contracts';
import type { z } from 'zod';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { chinaDate } from '../../platform/clock.js';
import { type AppContext, transaction } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import * as repo from './archive.repository.js';
import { mustFindFile } from './archive.service.js';
import { settingsAt } from './archive.settings.js';

type Status = (typeof fileStatuses.codes)[number];
type File = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;
type Grade = z.infer<typeof grades.schema>;

const DAY = 86_400_000;

export interface Step {
  action: string;
  permission: Action;
  from: Status[];
  /** The new status, or 'keep' for a step that records without changing the status. */
  to: Status | 'keep';
  note?: string | null;
  data?: unknown;
  /** Extra checks and column changes, inside the transaction. */
  apply?: (file: File, trx: Db, now: Date) => Promise<Partial<repo.NewHousehold>> | Partial<repo.NewHousehold>;
}

/**
 * One step of 申请 → 审核 → 公示 → 审批 → 建档: checks the permission and the current status, writes the new
 * status, the step (who, when, what was seen) and the audit entry in one transaction.
 */
export async function step(ctx: AppContext, actor: Actor, id: number, s: Step) {
  require(actor, s.permission);
  return transaction(ctx, (trx) => stepIn(ctx, trx, actor, id, s));
}

/** A step inside the caller's transaction (the caller checked the permission). */
export async function stepIn(ctx: AppContext, trx: Db, actor: Actor, id: number, s: Step) {
  {
    // The row lock makes concurrent steps of one file wait for each other; each then reads the winner's status.
    await repo.lockHousehold(trx, ctx.dialect, id);
    const sdb = new ScopedDb(trx, actor.scope);
    const file = await mustFindFile(sdb, id);
    if (!s.from.includes(file.status as Status)) throw badTransition(file.status);
    const now = ctx.clock.now();
    const patch = (await s.apply?.(file, trx, now)) ?? {};
    const to = s.to === 'keep' ? (file.status as Status) : s.to;
    // The conditional update decides the step: no other request may have moved the file since it was read.
    const moved = await repo.updateHouseholdIf(
      trx,
      id,
      { status: file.status },
      { ...patch, status: to, updated_at: now.toISOString() },
    );
    if (!moved) throw badTransition((await mustFindFile(sdb, id)).status);
    const where = { org_id: Number(file.org_id), org_path: file.org_path, province_code: file.province_code };
    await repo.insertEvent(trx, {
      household_id: id,
      ...where,
      at: now.toISOString(),
      actor_id: actor.userId,
      actor_name: actor.displayName,
      action: s.action,
      from_status: file.status,
      to_status: to,
      note: s.note ?? null,
      data_json: s.data === undefined ? null : JSON.stringify(s.data),
    });
    await appendAudit(trx, ctx.clock, actor, {
      action: `archive.${s.action}`,
      entityType: 'household',
      entityId: id,
      orgPath: file.org_path,
      chain: file.province_code,
      before: { status: file.status },
      after: { status: to, ...patch },
    });
    return { id, status: to, ...patch };
  }
}

export const badTransition = (status: string) =>
  new AppError('ARCHIVE_BAD_TRANSITION', { status: fileStatuses.zh[status as Status] ?? status });

/** Start (or restart) the public notice for the node's configured number of days. */
async function noticeFrom(file: File, trx: Db, now: Date) {
  const { noticeDays } = await settingsAt(trx, file.org_path);
  return {
    notice_round: file.notice_round + 1,
    notice_start: now.toISOString(),
    notice_end: new Date(now.getTime() + noticeDays * DAY).toISOString(),
  };
}

export const submitFile = (ctx: AppContext, actor: Actor, id: number) =>
  step(ctx, actor, id, { action: 'submit', permission: 'archive.write', from: ['draft'], to: 'submitted' });

export function reviewFile(
  ctx: AppContext,
  actor: Actor,
  id: number,
  d:
    | { decision: 'pass'; visit: { visitedOn: string; visitors: string; findings: string }; opinion: string }
    | { decision: 'reject'; reason: string },
) {
  if (d.decision === 'reject')
    return step(ctx, actor, id, {
      action: 'review_reject',
      permission: 'archive.review',
      from: ['submitted'],
      to: 'rejected',
      note: d.reason,
    });
  return step(ctx, actor, id, {
    action: 'review_pass',
    permission: 'archive.review',
    from: ['submitted'],
    to: 'on_notice',
    note: d.opinion,
    data: { visit: d.visit },
    apply: (file, trx, now) => noticeFrom(file, trx, now),
  });
}

export const raiseObjection = (
  ctx: AppContext,
  actor: Actor,
  id: number,
  o: { reason: string; raisedBy?: string | null },
) =>
  step(ctx, actor, id, {
    action: 'objection',
    permission: 'archive.review',
    from: ['on_notice'],
    to: 'objection',
    note: o.reason,
    data: { raisedBy: o.raisedBy ?? null },
  });

export function verifyObjection(
  ctx: AppContext,
  actor: Actor,
  id: number,
  d: { decision: 'renotice'; findings: string } | { decision: 'reject'; reason: string },
) {
  if (d.decision === 'reject')
    return step(ctx, actor, id, {
      action: 'objection_upheld',
      permission: 'archive.review',
      from: ['objection'],
      to: 'rejected',
      note: d.reason,
    });
  return step(ctx, actor, id, {
    action: 'renotice',
    permission: 'archive.review',
    from: ['objection'],
    to: 'on_notice',
    note: d.findings,
    apply: (file, trx, now) => noticeFrom(file, trx, now),
  });
}

/** The notice ran its days without objection: the file goes up for approval. */
export const finishNotice = (ctx: AppContext, actor: Actor, id: number) =>
  step(ctx, actor, id, {
    action: 'notice_passed',
    permission: 'archive.review',
    from: ['on_notice'],
    to: 'pending_approval',
    apply: (file, _trx, now) => {
      if (!file.notice_end || new Date(file.notice_end) > now)
        throw new AppError('ARCHIVE_NOTICE_RUNNING', {
          noticeEnd: file.notice_end ? chinaDate(new Date(file.notice_end)) : '',
        });
      return {};
    },
  });

/** The calendar date `months` after a date 'YYYY-MM-DD' (dates are on the Beijing calendar, `clock.today()`). */
export function addMonths(date: string, months: number): string {
  const [y, m, day] = date.split('-').map(Number) as [number, number, number];
  const d = new Date(Date.UTC(y, m - 1 + months, day));
  return d.toISOString().slice(0, 10);
}

/** The upper union approves (the household enters the archive, 在档) or rejects. */
export function approveFile(
  ctx: AppContext,
  actor: Actor,
  id: number,
  d:
    | { decision: 'approve'; grade: Grade; overrideReason?: string | null; opinion: string }
    | { decision: 'reject'; reason: string },
) {
  return step(ctx, actor, id, approvalStep(actor, d));
}

/** The approval step (approve or reject), for step() or stepIn(). */
export function approvalStep(
  actor: Actor,
  d:
    | { decision: 'approve'; grade: Grade; overrideReason?: string | null; opinion: string }
    | { decision: 'reject'; reason: string },
) {
  const upperOnly = (file: File) => {
    if (!actor.system && file.org_path === actor.scope.path) throw new AppError('ARCHIVE_APPROVER_NOT_UPPER');
  };
  if (d.decision === 'reject')
    return {
      action: 'approval_reject',
      permission: 'archive.approve',
      from: ['pending_approval'],
      to: 'rejected',
      note: d.reason,
      apply: (file) => {
        upperOnly(file);
        return {};
      },
    } satisfies Step;
  return {
    action: 'approve',
    permission: 'archive.approve',
    from: ['pending_approval'],
    to: 'filed',
    note: d.opinion,
    data: { grade: d.grade, overrideReason: d.overrideReason ?? null },
    apply: async (file, trx, now) => {
      upperOnly(file);
      const overridden = file.grade_proposed !== null && file.grade_proposed !== d.grade;
      if (overridden && !d.overrideReason) throw new AppError('ARCHIVE_OVERRIDE_REASON');
      const { reviewMonths } = await settingsAt(trx, file.org_path);
      return {
        grade: d.grade,
        grade_override_reason: overridden ? (d.overrideReason ?? null) : null,
        filed_at: now.toISOString(),
        last_reviewed_at: now.toISOString(),
        next_review_due: addMonths(chinaDate(now), reviewMonths),
      };
    },
  } satisfies Step;
}
