import type { Meeting, Sitting } from '@bangfu/contracts';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import * as repo from './bodies.repository.js';
import { moreThan } from './quorum.js';
import { bodiesFor, collectiveOf, makersOf, type Seat } from './seating.js';

/** A subject's items as the decision would seat them, read without locking (for the decision dialog). */
export type Peek = (sdb: ScopedDb) => Promise<Seat[]>;

/**
 * How a subject waiting at the caller's node will be decided, for the decision dialog: one approver, the group
 * leader's signature, or a meeting of the (strictest) collective body, with its roster in force on `on` (the
 * meeting's date) and who of it may vote (not the subject's makers).
 */
export async function sittingFor(ctx: AppContext, actor: Actor, peek: Peek, on: string | undefined): Promise<Sitting> {
  require(actor, 'payment.approve');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const seats = await peek(sdb);
  const date = on ?? ctx.clock.today();
  const bodies = await bodiesFor(sdb, seats);
  const collective = collectiveOf(bodies);
  const leader = bodies.find((b) => b?.kind === 'groupLeader');
  const body = collective ?? leader ?? null;
  const first = seats[0];
  const orgId = first ? Number(first.row.required_org_id ?? first.row.org_id) : actor.scope.orgId;
  const roster = body ? await repo.rosterOn(sdb, Number(body.id), collective ? date : ctx.clock.today()) : [];
  const makers = makersOf(seats);
  return {
    orgId,
    level: body?.kind ?? first?.level ?? '',
    on: date,
    rule: collective ? 'meeting' : leader ? 'leader' : 'one_approver',
    body: body
      ? {
          id: Number(body.id),
          orgId: Number(body.org_id),
          kind: body.kind as never,
          name: body.name,
          chairRequired: Number(body.chair_required) === 1,
          presentBp: Number(body.present_bp),
          approveBp: Number(body.approve_bp),
        }
      : null,
    roster: roster.map((r) => ({
      userId: Number(r.user_id),
      name: r.user_name,
      role: r.role as 'chair' | 'member',
      mayVote: !makers.has(Number(r.user_id)),
    })),
    needs: collective
      ? { present: moreThan(roster.length, Number(collective.present_bp)), roster: roster.length }
      : null,
  };
}

function toMeeting(m: repo.MeetingRow & { org_name: string }, votes: repo.VoteRow[]): Meeting {
  return {
    id: Number(m.id),
    orgId: Number(m.org_id),
    orgName: m.org_name,
    bodyId: Number(m.body_id),
    bodyKind: m.body_kind as Meeting['bodyKind'],
    bodyName: m.body_name,
    number: m.number,
    heldOn: m.held_on,
    subjectType: m.subject_type as Meeting['subjectType'],
    subjectId: Number(m.subject_id),
    decision: m.decision as Meeting['decision'],
    rosterCount: Number(m.roster_count),
    presentCount: Number(m.present_count),
    approveCount: Number(m.approve_count),
    chairRequired: Number(m.chair_required) === 1,
    presentBp: Number(m.present_bp),
    approveBp: Number(m.approve_bp),
    recordedBy: m.recorded_by_name,
    recordedAt: m.recorded_at,
    absent: JSON.parse(m.absent_json) as Meeting['absent'],
    votes: votes
      .filter((v) => Number(v.meeting_id) === Number(m.id))
      .map((v) => ({
        id: Number(v.id),
        userId: Number(v.user_id),
        name: v.user_name,
        role: v.role as 'chair' | 'member',
        vote: v.vote as 'approve' | 'reject' | 'abstain',
        opinion: v.opinion,
        recordedBy: v.recorded_by_name,
        countersignedAt: v.countersigned_at,
      })),
  };
}

/** The meetings that decided a subject (a subject returned by finance and decided again has two), with votes. */
export async function meetingsFor(ctx: AppContext, actor: Actor, subjectType: string, subjectId: number) {
  require(actor, 'programme.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const rows = await repo.meetingsOf(sdb, subjectType, subjectId);
  const votes = await repo.votesOf(
    sdb,
    rows.map((r) => Number(r.id)),
  );
  return { items: rows.map((r) => toMeeting(r, votes)) };
}

/** A member countersigns, in their own session, the ballot a fellow member recorded for them (once; audited). */
export async function countersignVote(ctx: AppContext, actor: Actor, meetingId: number) {
  require(actor, 'payment.approve');
  const subject = await transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    const m = await repo.findMeeting(sdb, meetingId);
    if (!m) throw new AppError('APPROVAL_MEETING_NOT_FOUND', { id: meetingId });
    const mine = (await repo.votesOf(sdb, [meetingId])).find((v) => Number(v.user_id) === actor.userId);
    if (!mine || actor.userId === null) throw new AppError('APPROVAL_NO_VOTE_TO_SIGN', {});
    if (mine.countersigned_at) throw new AppError('APPROVAL_VOTE_SIGNED', { at: mine.countersigned_at });
    const now = ctx.clock.now().toISOString();
    if (!(await repo.countersign(trx, meetingId, actor.userId, now)))
      throw new AppError('APPROVAL_VOTE_SIGNED', { at: now });
    await appendAudit(trx, ctx.clock, actor, {
      action: 'approval.countersign',
      entityType: 'approval_meeting',
      entityId: meetingId,
      orgPath: m.org_path,
      chain: m.province_code,
      after: { vote: mine.vote, recordedBy: mine.recorded_by_name },
    });
    return { type: m.subject_type, id: Number(m.subject_id) };
  });
  const all = await meetingsFor(ctx, actor, subject.type, subject.id);
  return all.items.find((x) => x.id === meetingId) as Meeting;
}
