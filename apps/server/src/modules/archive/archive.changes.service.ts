import { type ChangeKind, changeStatuses, type HouseholdInput } from '@bangfu/contracts';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { chinaDate } from '../../platform/clock.js';
import { type AppContext, transaction } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import { linkChange as linkReviewToChange } from '../review/review.repository.js';
import { applyChange, assertCurrent, gradeFacts, proposalOf, snapshotOf } from './archive.changes.apply.js';
import { fileDiff, isEmptyDiff } from './archive.changes.diff.js';
import * as crepo from './archive.changes.repository.js';
import { toRows } from './archive.mapping.js';
import * as repo from './archive.repository.js';
import { mustFindFile, refuseDuplicate } from './archive.service.js';
import { settingsAt } from './archive.settings.js';

const DAY = 86_400_000;
type Status = (typeof changeStatuses.codes)[number];

export interface Proposal {
  baseVersion: number;
  kinds: ChangeKind[];
  reason: string;
  proposed: HouseholdInput;
  attachmentIds: number[];
  via: 'staff' | 'self';
}

export async function mustFindChange(sdb: ScopedDb, id: number) {
  const c = await crepo.findChange(sdb, id);
  if (!c) throw new AppError('ARCHIVE_CHANGE_NOT_FOUND', { id });
  return c;
}

const badStatus = (s: string) =>
  new AppError('ARCHIVE_CHANGE_BAD_STATUS', { status: changeStatuses.zh[s as Status] ?? s });

/** Staff propose a change with the whole file as it should read. */
export async function proposeChange(ctx: AppContext, actor: Actor, householdId: number, p: Omit<Proposal, 'via'>) {
  require(actor, 'archive.write');
  return transaction(ctx, (trx) => proposeIn(ctx, trx, actor, householdId, { ...p, via: 'staff' }));
}

/**
 * A change request against the file's current version (checked under the file's lock): the ID numbers are
 * valid, the worker's own ID is unchanged, something changes, nobody new is held by another active file, and
 * the node's policy is re-run on the proposal (does the grade or eligibility move → the upper union decides).
 */
export async function proposeIn(ctx: AppContext, trx: Db, actor: Actor, householdId: number, p: Proposal) {
  await repo.lockHousehold(trx, ctx.dialect, householdId);
  const sdb = new ScopedDb(trx, actor.scope);
  const file = await mustFindFile(sdb, householdId);
  assertCurrent(file, p.baseVersion);
  const base = await snapshotOf(ctx, sdb, householdId, file.version);
  const proposed: HouseholdInput = { ...p.proposed, orgId: Number(file.org_id) };
  const rows = toRows(ctx, proposed);
  if (rows.household.id_bidx !== file.id_bidx) throw new AppError('ARCHIVE_CHANGE_IDENTITY');
  if (isEmptyDiff(fileDiff(base, proposed, true))) throw new AppError('ARCHIVE_CHANGE_NOTHING');
  await refuseDuplicate(ctx, trx, rows, householdId);
  const facts = await gradeFacts(trx, file.org_path, ctx.clock.today(), base, proposed);
  const now = ctx.clock.now().toISOString();
  const where = { org_id: Number(file.org_id), org_path: file.org_path, province_code: file.province_code };
  const id = await crepo.insertChange(trx, {
    ...where,
    household_id: householdId,
    base_version: file.version,
    kinds: JSON.stringify([...new Set(p.kinds)]),
    reason: p.reason,
    proposed_enc: ctx.crypto.encrypt(JSON.stringify(proposed)),
    grade_before: file.grade,
    ...facts,
    status: 'pending',
    proposed_via: p.via,
    proposed_by: actor.userId,
    proposed_by_name: actor.displayName,
    proposed_at: now,
    reviewed_by: null,
    reviewed_by_name: null,
    reviewed_at: null,
    review_opinion: null,
    decided_by: null,
    decided_by_name: null,
    decided_at: null,
    decide_opinion: null,
    granted_grade: null,
    grade_override_reason: null,
    notice_end: null,
    applied_version: null,
    result_json: null,
    closed_at: null,
    updated_at: now,
  });
  const ids = [...new Set(p.attachmentIds)];
  if ((await crepo.linkAttachments(trx, householdId, id, ids)) !== ids.length)
    throw new AppError('ATTACHMENT_NOT_FOUND', { ids });
  // A yearly review that found a change needed (outcome 'change') leaves its "needs change" list now.
  await linkReviewToChange(trx, householdId, id);
  await event(ctx, trx, actor, file, 'change_proposed', p.reason, { changeId: id, kinds: p.kinds, via: p.via });
  await appendAudit(trx, ctx.clock, actor, {
    action: 'archive.change_propose',
    entityType: 'household',
    entityId: householdId,
    orgPath: file.org_path,
    chain: file.province_code,
    after: { changeId: id, kinds: p.kinds, via: p.via, baseVersion: file.version, needsUpper: facts.needs_upper === 1 },
  });
  return { id, status: 'pending' as const, needsUpper: facts.needs_upper === 1 };
}

type File = Awaited<ReturnType<typeof mustFindFile>>;

async function event(
  ctx: AppContext,
  trx: Db,
  actor: Actor,
  file: File,
  action: string,
  note: string | null,
  data: unknown,
) {
  await repo.insertEvent(trx, {
    household_id: Number(file.id),
    org_id: Number(file.org_id),
    org_path: file.org_path,
    province_code: file.province_code,
    at: ctx.clock.now().toISOString(),
    actor_id: actor.userId,
    actor_name: actor.displayName,
    action,
    from_status: file.status,
    to_status: file.status,
    note,
    data_json: JSON.stringify(data),
  });
}

/**
 * One transition of a change: the file's row lock (every transition of every change of a file serialises on
 * it), the change re-read, the status checked, then `run` moves it with a conditional update and writes the
 * event, the audit entry and — for an approval — the file itself.
 */
async function transition<T>(
  ctx: AppContext,
  actor: Actor,
  changeId: number,
  from: Status[],
  run: (x: { trx: Db; sdb: ScopedDb; c: crepo.ChangeRow; file: File; now: string }) => Promise<T>,
) {
  return transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    const first = await mustFindChange(sdb, changeId);
    await repo.lockHousehold(trx, ctx.dialect, Number(first.household_id));
    const c = await mustFindChange(sdb, changeId);
    if (!from.includes(c.status as Status)) throw badStatus(c.status);
    const file = await mustFindFile(sdb, Number(c.household_id));
    return run({ trx, sdb, c, file, now: ctx.clock.now().toISOString() });
  });
}

/** The conditional update that decides a transition; under the file's lock a loser has already been turned away. */
async function move(
  trx: Db,
  c: crepo.ChangeRow,
  from: Status[],
  patch: Partial<crepo.NewChange> & { updated_at: string },
) {
  if (!(await crepo.moveChange(trx, Number(c.id), from, patch))) throw badStatus(c.status);
}

async function audit(ctx: AppContext, trx: Db, actor: Actor, file: File, action: string, after: unknown) {
  await appendAudit(trx, ctx.clock, actor, {
    action,
    entityType: 'household',
    entityId: Number(file.id),
    orgPath: file.org_path,
    chain: file.province_code,
    after,
  });
}

const isSamePerson = (actor: Actor, ...ids: (number | null)[]) =>
  !actor.system && actor.userId !== null && ids.some((i) => i !== null && Number(i) === actor.userId);

/**
 * The file's union reviews (审核). Approve: the change takes effect at once, or — when it moves the proposed grade
 * or eligibility — goes up to an upper union (待上级审批). The reviewer is never the proposer.
 */
export async function reviewChange(
  ctx: AppContext,
  actor: Actor,
  changeId: number,
  d: { decision: 'approve' | 'reject'; opinion: string },
) {
  require(actor, 'archive.review');
  return transition(ctx, actor, changeId, ['pending'], async ({ trx, sdb, c, file, now }) => {
    if (isSamePerson(actor, c.proposed_by)) throw new AppError('ARCHIVE_CHANGE_SAME_PERSON');
    const reviewed = { reviewed_by: actor.userId, reviewed_by_name: actor.displayName, reviewed_at: now };
    const review = { ...reviewed, review_opinion: d.opinion, updated_at: now };
    if (d.decision === 'reject') {
      await move(trx, c, ['pending'], { ...review, status: 'rejected', closed_at: now });
      await event(ctx, trx, actor, file, 'change_rejected', d.opinion, { changeId: Number(c.id) });
      await audit(ctx, trx, actor, file, 'archive.change_review', { changeId: Number(c.id), decision: 'reject' });
      return { id: Number(c.id), status: 'rejected' as Status };
    }
    assertCurrent(file, c.base_version);
    // Judged again by the policy in force today: it may have changed since the proposal.
    const base = await snapshotOf(ctx, sdb, Number(file.id), file.version);
    const facts = await gradeFacts(
      trx,
      file.org_path,
      ctx.clock.today(),
      base,
      proposalOf(ctx, c.proposed_enc, Number(file.org_id)),
    );
    if (facts.needs_upper === 1) {
      await move(trx, c, ['pending'], { ...review, ...facts, status: 'pending_upper' });
      await event(ctx, trx, actor, file, 'change_reviewed', d.opinion, {
        changeId: Number(c.id),
        gradeProposedAfter: facts.grade_proposed_after,
      });
      await audit(ctx, trx, actor, file, 'archive.change_review', {
        changeId: Number(c.id),
        decision: 'approve',
        to: 'pending_upper',
      });
      return { id: Number(c.id), status: 'pending_upper' as Status };
    }
    await move(trx, c, ['pending'], { ...review, ...facts, status: 'approved' });
    const result = await applyChange(ctx, trx, sdb, actor, c, file, null);
    await move(trx, c, ['approved'], {
      applied_version: result.version,
      result_json: JSON.stringify(result),
      closed_at: now,
      updated_at: now,
    });
    await audit(ctx, trx, actor, file, 'archive.change_review', { changeId: Number(c.id), decision: 'approve' });
    return { id: Number(c.id), status: 'approved' as Status, result };
  });
}

/**
 * The upper union decides (审批) a change that moves the grade or eligibility: archive.approve at a node strictly
 * above the file's, by someone who neither proposed nor reviewed it. Approve sets the file's grade (the proposal,
 * or another with a reason); when the node's setting asks for it, a grade change is noticed again first.
 */
export async function decideChange(
  ctx: AppContext,
  actor: Actor,
  changeId: number,
  d:
    | { decision: 'approve'; grade?: string | null; overrideReason?: string | null; opinion: string }
    | { decision: 'reject'; opinion: string },
) {
  require(actor, 'archive.approve');
  return transition(ctx, actor, changeId, ['pending_upper'], async ({ trx, sdb, c, file, now }) => {
    if (!actor.system && c.org_path === actor.scope.path) throw new AppError('ARCHIVE_APPROVER_NOT_UPPER');
    if (isSamePerson(actor, c.proposed_by, c.reviewed_by)) throw new AppError('ARCHIVE_CHANGE_SAME_PERSON');
    const decided = { decided_by: actor.userId, decided_by_name: actor.displayName, decided_at: now };
    const base = { ...decided, decide_opinion: d.opinion, updated_at: now };
    if (d.decision === 'reject') {
      await move(trx, c, ['pending_upper'], { ...base, status: 'rejected', closed_at: now });
      await event(ctx, trx, actor, file, 'change_rejected', d.opinion, { changeId: Number(c.id) });
      await audit(ctx, trx, actor, file, 'archive.change_decide', { changeId: Number(c.id), decision: 'reject' });
      return { id: Number(c.id), status: 'rejected' as Status };
    }
    const grade = d.grade ?? c.grade_proposed_after ?? file.grade;
    if (!grade) throw new AppError('ARCHIVE_OVERRIDE_REASON');
    const overridden = c.grade_proposed_after !== null && grade !== c.grade_proposed_after;
    if (overridden && !d.overrideReason) throw new AppError('ARCHIVE_OVERRIDE_REASON');
    const granted = { granted_grade: grade, grade_override_reason: overridden ? (d.overrideReason ?? null) : null };
    assertCurrent(file, c.base_version);
    const settings = await settingsAt(trx, file.org_path);
    if (settings.renoticeGradeChange && grade !== file.grade) {
      const noticeEnd = new Date(Date.parse(now) + settings.noticeDays * DAY).toISOString();
      await move(trx, c, ['pending_upper'], { ...base, ...granted, status: 'on_notice', notice_end: noticeEnd });
      await event(ctx, trx, actor, file, 'change_notice', d.opinion, { changeId: Number(c.id), grade, noticeEnd });
      await audit(ctx, trx, actor, file, 'archive.change_decide', {
        changeId: Number(c.id),
        decision: 'approve',
        grade,
        to: 'on_notice',
      });
      return { id: Number(c.id), status: 'on_notice' as Status, noticeEnd };
    }
    await move(trx, c, ['pending_upper'], { ...base, ...granted, status: 'approved' });
    const result = await applyChange(ctx, trx, sdb, actor, c, file, {
      grade,
      overrideReason: granted.grade_override_reason,
    });
    await move(trx, c, ['approved'], {
      applied_version: result.version,
      result_json: JSON.stringify(result),
      closed_at: now,
      updated_at: now,
    });
    await audit(ctx, trx, actor, file, 'archive.change_decide', { changeId: Number(c.id), decision: 'approve', grade });
    return { id: Number(c.id), status: 'approved' as Status, result };
  });
}

/** The renewed notice of a grade change ran its days: confirm (it takes effect) or reject (an objection upheld). */
export async function finishChangeNotice(
  ctx: AppContext,
  actor: Actor,
  changeId: number,
  d: { decision: 'confirm' | 'reject'; opinion: string },
) {
  require(actor, 'archive.review');
  return transition(ctx, actor, changeId, ['on_notice'], async ({ trx, sdb, c, file, now }) => {
    if (d.decision === 'reject') {
      await move(trx, c, ['on_notice'], { status: 'rejected', closed_at: now, updated_at: now });
      await event(ctx, trx, actor, file, 'change_rejected', d.opinion, { changeId: Number(c.id) });
      await audit(ctx, trx, actor, file, 'archive.change_notice', { changeId: Number(c.id), decision: 'reject' });
      return { id: Number(c.id), status: 'rejected' as Status };
    }
    if (!c.notice_end || Date.parse(c.notice_end) > Date.parse(now))
      throw new AppError('ARCHIVE_NOTICE_RUNNING', {
        noticeEnd: c.notice_end ? chinaDate(new Date(c.notice_end)) : '',
      });
    await move(trx, c, ['on_notice'], { status: 'approved', updated_at: now });
    const result = await applyChange(ctx, trx, sdb, actor, c, file, {
      grade: c.granted_grade ?? (file.grade as string),
      overrideReason: c.grade_override_reason,
    });
    await move(trx, c, ['approved'], {
      applied_version: result.version,
      result_json: JSON.stringify(result),
      closed_at: now,
      updated_at: now,
    });
    await audit(ctx, trx, actor, file, 'archive.change_notice', { changeId: Number(c.id), decision: 'confirm' });
    return { id: Number(c.id), status: 'approved' as Status, result };
  });
}

/** The proposer withdraws a change not yet decided (staff here; the worker through self-service). */
export async function withdrawChange(ctx: AppContext, actor: Actor, changeId: number) {
  require(actor, 'archive.write');
  return withdrawIn(ctx, actor, changeId);
}

/** A withdrawal by the proposer; `householdId` bounds a worker to the changes of their own file. */
export function withdrawIn(ctx: AppContext, actor: Actor, changeId: number, householdId?: number) {
  return transition(ctx, actor, changeId, ['pending', 'pending_upper'], async ({ trx, c, file, now }) => {
    if (householdId !== undefined && Number(c.household_id) !== householdId)
      throw new AppError('ARCHIVE_CHANGE_NOT_FOUND', { id: changeId });
    if (actor.userId === null || Number(c.proposed_by) !== actor.userId)
      throw new AppError('ARCHIVE_CHANGE_NOT_PROPOSER');
    await move(trx, c, ['pending', 'pending_upper'], { status: 'withdrawn', closed_at: now, updated_at: now });
    await event(ctx, trx, actor, file, 'change_withdrawn', null, { changeId: Number(c.id) });
    await audit(ctx, trx, actor, file, 'archive.change_withdraw', { changeId: Number(c.id) });
    return { id: Number(c.id), status: 'withdrawn' as Status };
  });
}
