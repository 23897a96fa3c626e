import type { OutcomeDecisionSchema } from '@bangfu/contracts';
import {
  fileStatuses,
  type ReviewRoundFile,
  type ReviewRoundFilesQuery,
  type RoundReview,
  reviewOutcomes,
  STEP_OUTCOMES,
} from '@bangfu/contracts';
import type { z } from 'zod';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, allows, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import { cancelStep, exitStep, relieveStep, reviewStep } from '../archive/archive.manage.js';
import * as archiveRepo from '../archive/archive.repository.js';
import { stepIn } from '../archive/archive.workflow.js';
import * as orgRepo from '../orgs/orgs.repository.js';
import * as repo from './review.repository.js';
import { asOf, visibleRound } from './review.rounds.js';
import { firstReviewDay } from './review.rules.js';

const zh = (list: { zh: object }, code: string) => (list.zh as Record<string, string>)[code] ?? code;
const isStepOutcome = (o: string | null): o is (typeof STEP_OUTCOMES)[number] =>
  (STEP_OUTCOMES as readonly string[]).includes(o ?? '');

export function toFileItem(r: repo.RoundFileRow, a: repo.AsOf): ReviewRoundFile {
  const managed = (repo.MANAGED as readonly string[]).includes(r.status);
  const before = new Date(a.staleBefore).getTime();
  const older = (iso: string | null) => iso !== null && new Date(iso).getTime() < before;
  return {
    householdId: Number(r.household_id),
    fileNo: r.file_no,
    name: r.name,
    idMasked: r.id_mask,
    phoneMasked: r.phone_mask,
    orgId: Number(r.org_id),
    orgName: r.org_name,
    status: r.status,
    grade: r.grade,
    lastReviewedAt: r.last_reviewed_at,
    nextReviewDue: r.next_review_due,
    staleReview:
      managed && older(r.filed_at ?? r.created_at) && (r.last_reviewed_at === null || older(r.last_reviewed_at)),
    overdue: managed && r.reviewed_at === null && a.pastDue,
    review:
      r.reviewed_at === null
        ? null
        : {
            at: r.reviewed_at,
            by: r.reviewed_by_name ?? '',
            method: r.method as NonNullable<ReviewRoundFile['review']>['method'],
            reviewedOn: r.reviewed_on ?? '',
            findings: r.findings ?? '',
            outcome: r.outcome as NonNullable<ReviewRoundFile['review']>['outcome'],
            reason: r.outcome_reason,
            cancelCause: r.cancel_cause,
            decision: r.decision as 'taken' | 'declined' | null,
            decidedBy: r.decided_by_name,
            decidedAt: r.decided_at,
            decisionNote: r.decision_note,
            changeId: r.change_id === null ? null : Number(r.change_id),
          },
    spot:
      Number(r.spot_selected) === 1
        ? {
            selectedAt: r.spot_selected_at ?? '',
            selectedBy: r.spot_selected_by_name ?? '',
            checkedAt: r.spot_checked_at,
            checkedBy: r.spot_checked_by_name,
            result: r.spot_result as 'confirmed' | 'discrepancy' | null,
            note: r.spot_note,
          }
        : null,
  };
}

/** The round (visible to the caller) and its file in the caller's scope, else 404 naming which is missing. */
export async function roundFile(trx: Db, actor: Actor, roundId: number, householdId: number) {
  const round = await visibleRound(trx, actor, roundId);
  const file = await repo.findRoundFile(new ScopedDb(trx, actor.scope), roundId, householdId);
  if (!file) throw new AppError('REVIEW_FILE_NOT_IN_ROUND', { roundId, householdId });
  return { round, file };
}

const outcomeStep = (outcome: (typeof STEP_OUTCOMES)[number], reason: string, cause: string | null) =>
  outcome === 'relieve'
    ? relieveStep(reason)
    : outcome === 'exit'
      ? exitStep(reason)
      : cancelStep({ cause: cause ?? 'other', reason });

/**
 * Review a file in the round (archive.write): once per file and round. It is also the file's review record
 * (`reviewStep`: history event, audit entry, last_reviewed_at and next_review_due moved on). Under the file's
 * row lock, the round row moves by a conditional update (reviewed_at is null), so of parallel reviews one wins
 * and the others get 409 REVIEW_ALREADY_DONE. A proposed 解困/脱困/注销 is taken in the same transaction when the
 * reviewer holds archive.approve at a node above the file's; otherwise it waits on the needs_step list.
 */
export async function reviewInRound(
  ctx: AppContext,
  actor: Actor,
  roundId: number,
  householdId: number,
  input: RoundReview,
) {
  require(actor, 'archive.write');
  const today = ctx.clock.today();
  const result = await transaction(ctx, async (trx) => {
    await archiveRepo.lockHousehold(trx, ctx.dialect, householdId);
    const { round, file } = await roundFile(trx, actor, roundId, householdId);
    if (round.status !== 'open') throw new AppError('REVIEW_ROUND_CLOSED', { id: roundId });
    if (file.reviewed_at !== null)
      throw new AppError('REVIEW_ALREADY_DONE', { reviewedOn: file.reviewed_on, by: file.reviewed_by_name });
    const from = firstReviewDay(round.year);
    if (input.reviewedOn < from || input.reviewedOn > today)
      throw new AppError('REVIEW_DATE_INVALID', { from, to: today });
    if (input.outcome === 'relieve' && file.status !== 'filed')
      throw new AppError('REVIEW_OUTCOME_NOT_POSSIBLE', {
        status: zh(fileStatuses, file.status),
        outcome: zh(reviewOutcomes, input.outcome),
      });
    const extra = { roundId, outcome: input.outcome };
    await stepIn(ctx, trx, actor, householdId, reviewStep(actor, householdId, input, extra));
    const takeNow =
      isStepOutcome(input.outcome) && allows(actor, 'archive.approve') && file.org_path !== actor.scope.path;
    const now = ctx.clock.now().toISOString();
    const reason = input.outcome === 'continue' ? null : (input.reason ?? null);
    const marked = await repo.markReviewed(trx, file.rf_id, {
      reviewed_at: now,
      reviewed_by: actor.userId,
      reviewed_by_name: actor.displayName,
      method: input.method,
      reviewed_on: input.reviewedOn,
      findings: input.findings,
      outcome: input.outcome,
      outcome_reason: reason,
      cancel_cause: input.outcome === 'cancel' ? (input.cancelCause ?? null) : null,
      ...(takeNow
        ? { decision: 'taken', decided_at: now, decided_by: actor.userId, decided_by_name: actor.displayName }
        : {}),
    });
    if (!marked) throw new AppError('REVIEW_ALREADY_DONE', { reviewedOn: input.reviewedOn, by: '' });
    if (takeNow && isStepOutcome(input.outcome))
      await stepIn(ctx, trx, actor, householdId, outcomeStep(input.outcome, reason ?? '', input.cancelCause ?? null));
    await appendAudit(trx, ctx.clock, actor, {
      action: 'review.file_review',
      entityType: 'household',
      entityId: householdId,
      orgPath: file.org_path,
      chain: file.province_code,
      after: { roundId, method: input.method, reviewedOn: input.reviewedOn, outcome: input.outcome, taken: takeNow },
    });
    return repo.findRoundFile(new ScopedDb(trx, actor.scope), roundId, householdId);
  });
  if (!result) throw new AppError('REVIEW_FILE_NOT_IN_ROUND', { roundId, householdId });
  return toFileItem(result, asOf(ctx, await visibleRound(ctx.db, actor, roundId)));
}

/**
 * An upper union decides a proposed 解困/脱困/注销 (archive.approve, a node above the file's): take the step
 * through the archive's own step (status, history, audit) in the same transaction, or decline it with a reason
 * (recorded in the file's history). Once: a conditional update (decision is null) under the file's lock.
 */
export async function decideOutcome(
  ctx: AppContext,
  actor: Actor,
  roundId: number,
  householdId: number,
  d: z.infer<typeof OutcomeDecisionSchema>,
) {
  require(actor, 'archive.approve');
  await transaction(ctx, async (trx) => {
    await archiveRepo.lockHousehold(trx, ctx.dialect, householdId);
    const { file } = await roundFile(trx, actor, roundId, householdId);
    if (!isStepOutcome(file.outcome)) throw new AppError('REVIEW_OUTCOME_NONE', { householdId });
    if (file.decision !== null)
      throw new AppError('REVIEW_OUTCOME_DECIDED', { decision: file.decision === 'taken' ? '已办理' : '未采纳' });
    if (!actor.system && file.org_path === actor.scope.path) throw new AppError('REVIEW_DECIDER_NOT_UPPER');
    const now = ctx.clock.now().toISOString();
    const decided = await repo.markDecided(trx, file.rf_id, {
      decision: d.decision === 'take' ? 'taken' : 'declined',
      decided_at: now,
      decided_by: actor.userId,
      decided_by_name: actor.displayName,
      decision_note: d.reason,
    });
    if (!decided) throw new AppError('REVIEW_OUTCOME_DECIDED', { decision: '' });
    if (d.decision === 'take')
      await stepIn(ctx, trx, actor, householdId, outcomeStep(file.outcome, d.reason, file.cancel_cause));
    else
      await archiveRepo.insertEvent(trx, {
        household_id: householdId,
        org_id: Number(file.org_id),
        org_path: file.org_path,
        province_code: file.province_code,
        at: now,
        actor_id: actor.userId,
        actor_name: actor.displayName,
        action: 'review_outcome_declined',
        from_status: file.status,
        to_status: file.status,
        note: d.reason,
        data_json: JSON.stringify({ roundId, outcome: file.outcome }),
      });
    await appendAudit(trx, ctx.clock, actor, {
      action: 'review.outcome_decision',
      entityType: 'household',
      entityId: householdId,
      orgPath: file.org_path,
      chain: file.province_code,
      before: { outcome: file.outcome, decision: null },
      after: { decision: d.decision, reason: d.reason },
    });
  });
  const file = await repo.findRoundFile(new ScopedDb(ctx.db, actor.scope), roundId, householdId);
  if (!file) throw new AppError('REVIEW_FILE_NOT_IN_ROUND', { roundId, householdId });
  return toFileItem(file, asOf(ctx, await visibleRound(ctx.db, actor, roundId)));
}

/** A list of the board (masked personal data, one page), within the caller's sight and optionally a node's subtree. */
export async function listRoundFiles(ctx: AppContext, actor: Actor, roundId: number, q: ReviewRoundFilesQuery) {
  require(actor, 'archive.read');
  const round = await visibleRound(ctx.db, actor, roundId);
  const sdb = new ScopedDb(ctx.db, actor.scope);
  let path: string | undefined;
  if (q.orgId !== undefined) {
    const org = await orgRepo.findById(sdb, q.orgId);
    if (!org) throw new AppError('ORG_NOT_FOUND', { id: q.orgId });
    path = org.path;
  }
  const a = asOf(ctx, round);
  const { rows, total } = await repo.listFiles(sdb, roundId, { state: q.state, path, q: q.q }, a, q);
  return { items: rows.map((r) => toFileItem(r, a)), total, limit: q.limit, offset: q.offset };
}
