import type {
  ReviewProgress,
  ReviewRound,
  ReviewRoundDetail,
  ReviewRoundOpen,
  ReviewRoundQuerySchema,
} from '@bangfu/contracts';
import type { z } from 'zod';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, allows, require, requireAny } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import { staleCutoff } from '../archive/archive.read.js';
import * as orgRepo from '../orgs/orgs.repository.js';
import * as repo from './review.repository.js';
import {
  addInto,
  allowedYears,
  anchorPath,
  childOf,
  defaultDueOn,
  emptyProgress,
  latestDueOn,
} from './review.rules.js';

/** The conditions of the lists on the clock's today: past the due date, and the stale cutoff a year back. */
export function asOf(ctx: AppContext, r: { due_on: string }): repo.AsOf {
  const today = ctx.clock.today();
  return { pastDue: today > r.due_on, staleBefore: staleCutoff(today) };
}

/**
 * A round the caller may see: opened at its node or below (its subtree), above it (covering it), or elsewhere
 * but holding files of its subtree (a county moved under another city keeps its files in the old city's round).
 * Any other: 404, as if it did not exist.
 */
export async function visibleRound(db: Db, actor: Actor, id: number): Promise<repo.RoundRow> {
  const r = await repo.roundById(db, id);
  const p = actor.scope.path;
  if (r && (r.org_path.startsWith(p) || p.startsWith(r.org_path))) return r;
  if (r && (await repo.hasFilesIn(new ScopedDb(db, actor.scope), id, p))) return r;
  throw new AppError('REVIEW_ROUND_NOT_FOUND', { id });
}

function relation(r: repo.RoundRow, callerPath: string): ReviewRound['relation'] {
  if (r.org_path === callerPath) return 'own';
  if (r.org_path.startsWith(callerPath)) return 'below';
  if (callerPath.startsWith(r.org_path)) return 'above';
  return 'elsewhere';
}

function toRound(r: repo.RoundRow, progress: ReviewProgress, callerPath: string, today: string): ReviewRound {
  return {
    id: Number(r.id),
    year: r.year,
    orgId: Number(r.org_id),
    orgName: r.org_name,
    status: r.status as ReviewRound['status'],
    spotShareBp: r.spot_share_bp,
    dueOn: r.due_on,
    overdue: r.status === 'open' && today > r.due_on,
    openedAt: r.opened_at,
    openedBy: r.opened_by_name,
    closedAt: r.closed_at,
    closedBy: r.closed_by_name,
    relation: relation(r, callerPath),
    progress,
  };
}

/**
 * Open the year's review at a node (archive.approve, a node in the caller's scope): every file of its subtree in
 * the archive enters the round in one INSERT … SELECT. One round per node and year; a node covered by a round
 * of an upper union that year reviews its files there (REVIEW_ROUND_COVERED).
 */
export async function openRound(ctx: AppContext, actor: Actor, input: ReviewRoundOpen) {
  require(actor, 'archive.approve');
  const today = ctx.clock.today();
  const year = input.year ?? Number(today.slice(0, 4));
  const years = allowedYears(today);
  if (year < years.from || year > years.to) throw new AppError('REVIEW_ROUND_BAD_YEAR', years);
  const dueOn = input.dueOn ?? defaultDueOn(year, today);
  if (dueOn < today || dueOn > latestDueOn(year))
    throw new AppError('REVIEW_DUE_INVALID', { from: today, to: latestDueOn(year) });
  const id = await transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    const org = await orgRepo.findActiveOrThrow(sdb, input.orgId ?? actor.scope.orgId);
    const covering = await repo.coveringRounds(trx, org.path, year);
    const same = covering.find((c) => Number(c.org_id) === org.id);
    if (same) throw new AppError('REVIEW_ROUND_EXISTS', { org: org.name, year });
    const above = covering[0];
    if (above) throw new AppError('REVIEW_ROUND_COVERED', { org: above.org_name, year });
    const now = ctx.clock.now().toISOString();
    const roundId = await repo.insertRound(trx, {
      org_id: org.id,
      org_path: org.path,
      province_code: org.province_code,
      year,
      spot_share_bp: input.spotShareBp,
      due_on: dueOn,
      status: 'open',
      opened_by: actor.userId,
      opened_by_name: actor.displayName,
      opened_at: now,
      closed_by: null,
      closed_by_name: null,
      closed_at: null,
    });
    if (roundId === 'duplicate') throw new AppError('REVIEW_ROUND_EXISTS', { org: org.name, year });
    const files = await repo.addFiles(trx, sdb, { id: roundId, year }, org.path, now);
    await appendAudit(trx, ctx.clock, actor, {
      action: 'review.round_open',
      entityType: 'review_round',
      entityId: roundId,
      orgPath: org.path,
      chain: org.province_code,
      after: { year, orgId: org.id, spotShareBp: input.spotShareBp, dueOn, files },
    });
    return roundId;
  });
  return getRound(ctx, actor, id);
}

/**
 * Add the files filed since the round opened (在档/解困, in no round of that year yet) within the caller's part of
 * the round: its subtree, or the whole round when the caller sits at or above the opening node. Set-based.
 */
export async function refreshRound(ctx: AppContext, actor: Actor, id: number) {
  requireAny(actor, ['archive.write', 'archive.approve']);
  return transaction(ctx, async (trx) => {
    await repo.lockRound(trx, id);
    const r = await visibleRound(trx, actor, id);
    if (r.status !== 'open') throw new AppError('REVIEW_ROUND_CLOSED', { id });
    const p = actor.scope.path;
    const within = r.org_path.startsWith(p) ? r.org_path : p.startsWith(r.org_path) ? p : null;
    const now = ctx.clock.now().toISOString();
    const added = within
      ? await repo.addFiles(trx, new ScopedDb(trx, actor.scope), { id, year: r.year }, within, now)
      : 0;
    if (added > 0)
      await appendAudit(trx, ctx.clock, actor, {
        action: 'review.round_refresh',
        entityType: 'review_round',
        entityId: id,
        orgPath: within ?? p,
        chain: actor.scope.provinceCode,
        after: { added },
      });
    return { added };
  });
}

/** Close the round (at its node or above): no more reviews, additions or draws; checks and decisions go on. */
export async function closeRound(ctx: AppContext, actor: Actor, id: number) {
  require(actor, 'archive.approve');
  await transaction(ctx, async (trx) => {
    await repo.lockRound(trx, id);
    const r = await repo.findRoundInScope(new ScopedDb(trx, actor.scope), id);
    if (!r) throw new AppError('REVIEW_ROUND_NOT_FOUND', { id });
    const now = ctx.clock.now().toISOString();
    const closed = await repo.closeRound(trx, id, {
      status: 'closed',
      closed_at: now,
      closed_by: actor.userId,
      closed_by_name: actor.displayName,
    });
    if (!closed) throw new AppError('REVIEW_ROUND_CLOSED', { id });
    await appendAudit(trx, ctx.clock, actor, {
      action: 'review.round_close',
      entityType: 'review_round',
      entityId: id,
      orgPath: r.org_path,
      chain: r.province_code,
      before: { status: 'open' },
      after: { status: 'closed' },
    });
  });
  return getRound(ctx, actor, id);
}

/** Rounds that concern a node (default the caller's): above it, at it or below it, or holding its files. */
export async function listRounds(ctx: AppContext, actor: Actor, q: z.infer<typeof ReviewRoundQuerySchema>) {
  require(actor, 'archive.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  let path = actor.scope.path;
  if (q.orgId !== undefined) {
    const org = await orgRepo.findById(sdb, q.orgId);
    if (!org) throw new AppError('ORG_NOT_FOUND', { id: q.orgId });
    path = org.path;
  }
  const [up, down, withFiles] = await Promise.all([
    repo.coveringRounds(ctx.db, path, q.year),
    repo.roundsBelow(sdb, path, q.year),
    repo.roundIdsWithFiles(sdb, path),
  ]);
  const all = new Map<number, repo.RoundRow>();
  for (const r of [...up, ...down]) all.set(Number(r.id), r);
  const moved = await repo.roundsByIds(
    ctx.db,
    withFiles.filter((id) => !all.has(id)),
  );
  for (const r of moved) if (q.year === undefined || r.year === q.year) all.set(Number(r.id), r);
  const rounds = [...all.values()]
    .filter((r) => q.status === undefined || r.status === q.status)
    .sort((a, b) => b.year - a.year || (a.org_path < b.org_path ? -1 : 1));
  const today = ctx.clock.today();
  const counts = await repo.countsByNode(
    sdb,
    rounds.map((r) => Number(r.id)),
    { pastDue: false, staleBefore: staleCutoff(today) },
    path,
  );
  const items = rounds.map((r) => {
    const progress = emptyProgress();
    const pastDue = today > r.due_on;
    for (const c of counts) if (c.roundId === Number(r.id)) addInto(progress, c, pastDue);
    return toRound(r, progress, actor.scope.path, today);
  });
  return { items };
}

/**
 * The board: the round, its progress over the files in the caller's sight, and one row per child of the board's
 * node (the opening node, or the caller's own node when it lies below; `orgId` drills into a node in scope), plus
 * the caller's files that no longer lie below the opening node (moved there with their union).
 */
export async function getRound(ctx: AppContext, actor: Actor, id: number, orgId?: number): Promise<ReviewRoundDetail> {
  require(actor, 'archive.read');
  const r = await visibleRound(ctx.db, actor, id);
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const today = ctx.clock.today();
  const pastDue = today > r.due_on;
  const anchorId = orgId ?? Number(anchorPath(r.org_path, actor.scope.path).split('/').filter(Boolean).at(-1));
  const anchor = await orgRepo.findById(sdb, anchorId);
  if (!anchor) throw new AppError('ORG_NOT_FOUND', { id: anchorId });
  const [counts, children, nested] = await Promise.all([
    repo.countsByNode(sdb, [id], asOf(ctx, r)),
    repo.childrenOf(sdb, anchor.id),
    repo.roundsBelow(sdb, r.org_path, r.year),
  ]);
  const total = emptyProgress();
  const self = emptyProgress();
  const perChild = new Map<number, ReviewProgress>(children.map((c) => [Number(c.id), emptyProgress()]));
  const moved = new Map<number, { name: string; p: ReviewProgress }>();
  for (const c of counts) {
    addInto(total, c, pastDue);
    const at = childOf(anchor.path, c.orgPath);
    if (at === 'self') addInto(self, c, pastDue);
    else if (at !== null) {
      const p = perChild.get(at);
      if (p) addInto(p, c, pastDue);
    } else if (orgId === undefined && !c.orgPath.startsWith(r.org_path)) {
      const m = moved.get(c.orgId) ?? { name: c.orgName, p: emptyProgress() };
      moved.set(c.orgId, { name: m.name, p: addInto(m.p, c, pastDue) });
    }
  }
  const open = r.status === 'open';
  const p = actor.scope.path;
  return {
    ...toRound(r, total, p, today),
    anchor: { orgId: anchor.id, orgName: anchor.name },
    nodes: [
      { orgId: anchor.id, orgName: anchor.name, kind: 'self' as const, ...self },
      ...children.map((c) => ({
        orgId: Number(c.id),
        orgName: c.name,
        kind: 'child' as const,
        ...(perChild.get(Number(c.id)) ?? emptyProgress()),
      })),
      ...[...moved].map(([mid, m]) => ({ orgId: mid, orgName: m.name, kind: 'moved' as const, ...m.p })),
    ],
    nested: nested.filter((n) => Number(n.id) !== id).map((n) => ({ id: Number(n.id), orgName: n.org_name })),
    may: {
      review: open && allows(actor, 'archive.write'),
      sample: open && allows(actor, 'archive.approve'),
      close: open && allows(actor, 'archive.approve') && r.org_path.startsWith(p),
      refresh:
        open &&
        (allows(actor, 'archive.write') || allows(actor, 'archive.approve')) &&
        (r.org_path.startsWith(p) || p.startsWith(r.org_path)),
    },
  };
}
