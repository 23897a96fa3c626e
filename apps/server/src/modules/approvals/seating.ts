import { approvalBodyKinds, COLLECTIVE_KINDS, type MeetingInput } from '@bangfu/contracts';
import type { AuditEvent } from '../../platform/audit/audit-log.js';
import type { Actor } from '../../platform/auth/actor.js';
import { chinaDate } from '../../platform/clock.js';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import type { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import * as repo from './bodies.repository.js';
import { assertMayDecide, type Decidable } from './duties.js';
import { type Judged, judgeMeeting } from './quorum.js';

/** What the seating needs of an item: its row (deciding node, maker), its other makers, the level it is decided at. */
export interface Seat {
  row: Decidable;
  makers: (number | null)[];
  level: string;
}

/** A collective decision that holds: the body that sat, the meeting as entered, and how it was judged. */
export interface Sitting {
  body: repo.BodyRow;
  input: MeetingInput;
  judged: Judged;
}

const rank = (kind: string) => approvalBodyKinds.codes.indexOf(kind as never);
const kindZh = (level: string) => approvalBodyKinds.zh[level as keyof typeof approvalBodyKinds.zh] ?? level;

/** Everyone who made one of the items: they never decide, vote, or count as present. */
export const makersOf = (seats: Seat[]) =>
  new Set(
    seats
      .flatMap((s) => [s.row.created_by, ...s.makers])
      .filter((x): x is number => x !== null)
      .map(Number),
  );

/** The body (if the deciding node set one) for each item's level. */
export async function bodiesFor(sdb: ScopedDb, seats: Seat[]) {
  const cache = new Map<string, repo.BodyRow | undefined>();
  const out: (repo.BodyRow | undefined)[] = [];
  for (const s of seats) {
    const node = Number(s.row.required_org_id ?? s.row.org_id);
    const key = `${node}:${s.level}`;
    if (!cache.has(key)) cache.set(key, await repo.bodyAt(sdb, node, s.level));
    out.push(cache.get(key));
  }
  return out;
}

/** The strictest collective body among the items' bodies: its meeting decides them all. */
export function collectiveOf(bodies: (repo.BodyRow | undefined)[]) {
  return bodies
    .filter((b): b is repo.BodyRow => !!b && COLLECTIVE_KINDS.includes(b.kind as never))
    .reduce<repo.BodyRow | null>((a, b) => (a && rank(a.kind) >= rank(b.kind) ? a : b), null);
}

/**
 * Who may decide these items, and how — the `DecisionRule` of each item, chosen from its level:
 * - every rule first: maker-checker and the deciding node (`assertMayDecide`);
 * - no body of the item's level at the deciding node: one approver (today's behaviour, so nodes that set no
 *   bodies decide as before);
 * - the group leader's body (组长): only its chair in force today signs;
 * - a collective body (领导组, 委员会): a meeting is required and judged (`judgeMeeting`): the strictest body
 *   among the items sits for all of them (a campaign's entries at 领导组 and 委员会 are decided by the committee).
 * Refusals throw before anything moves. Returns the meeting that holds, or null.
 */
export async function seat(
  ctx: AppContext,
  sdb: ScopedDb,
  actor: Actor,
  seats: Seat[],
  decision: 'approve' | 'reject',
  meeting?: MeetingInput,
): Promise<Sitting | null> {
  for (const s of seats) await assertMayDecide(sdb, actor, s.row, s.makers);
  const bodies = await bodiesFor(sdb, seats);
  const body = collectiveOf(bodies);
  const today = ctx.clock.today();
  if (!body) {
    if (meeting) throw new AppError('APPROVAL_MEETING_NOT_NEEDED', { level: kindZh(seats[0]?.level ?? '') });
    if (actor.system) return null;
    for (const leader of new Set(bodies.filter((b): b is repo.BodyRow => b?.kind === 'groupLeader'))) {
      const chair = (await repo.rosterOn(sdb, Number(leader.id), today)).find((m) => m.role === 'chair');
      if (!chair || Number(chair.user_id) !== actor.userId)
        throw new AppError('APPROVAL_NOT_CHAIR', { body: leader.name, chair: chair?.user_name ?? '—' });
    }
    return null;
  }
  if (!meeting) throw new AppError('APPROVAL_MEETING_REQUIRED', { body: body.name });
  if (meeting.heldOn > today) throw new AppError('APPROVAL_MEETING_DATE', { date: meeting.heldOn, today });
  // A meeting cannot have decided what did not exist yet.
  const since = seats.map((s) => chinaDate(new Date(s.row.created_at))).reduce((a, b) => (a > b ? a : b));
  if (meeting.heldOn < since) throw new AppError('APPROVAL_MEETING_BEFORE_SUBJECT', { date: meeting.heldOn, since });
  const earlier = await repo.meetingDate(sdb, Number(body.id), meeting.number);
  if (earlier && earlier !== meeting.heldOn)
    throw new AppError('APPROVAL_MEETING_NUMBER_DATE', { body: body.name, number: meeting.number, date: earlier });
  const roster = await repo.rosterOn(sdb, Number(body.id), meeting.heldOn);
  const judged = judgeMeeting({
    body: body.name,
    date: meeting.heldOn,
    rule: {
      chairRequired: Number(body.chair_required) === 1,
      presentBp: Number(body.present_bp),
      approveBp: Number(body.approve_bp),
    },
    roster: roster.map((r) => ({ userId: Number(r.user_id), name: r.user_name, role: r.role })),
    makers: makersOf(seats),
    ballots: meeting.votes,
    recorder: actor.system ? null : actor.userId,
    decision,
  });
  return { body, input: meeting, judged };
}

/**
 * The meeting's record and the present members' votes, in the decision's transaction. A member's own ballot is
 * countersigned at once (they are signed in); the others' are marked as recorded by this member until each
 * countersigns in their own session.
 */
export async function recordMeeting(
  trx: Db,
  actor: Actor,
  s: Sitting,
  subject: { type: string; id: number },
  decision: 'approve' | 'reject',
  now: string,
): Promise<{ id: number; audit: AuditEvent }> {
  const { body, input, judged } = s;
  const node = { org_id: Number(body.org_id), org_path: body.org_path, province_code: body.province_code };
  const id = await repo.insertMeeting(trx, {
    ...node,
    body_id: Number(body.id),
    body_kind: body.kind,
    body_name: body.name,
    number: input.number,
    held_on: input.heldOn,
    subject_type: subject.type,
    subject_id: subject.id,
    decision,
    roster_count: judged.rosterCount,
    present_count: judged.present.length,
    approve_count: judged.approveCount,
    chair_required: Number(body.chair_required),
    present_bp: Number(body.present_bp),
    approve_bp: Number(body.approve_bp),
    absent_json: JSON.stringify(judged.absent),
    recorded_by: actor.userId,
    recorded_by_name: actor.displayName,
    recorded_at: now,
  });
  await repo.insertVotes(
    trx,
    judged.present.map((p) => {
      const own = actor.userId !== null && p.userId === actor.userId;
      return {
        ...node,
        meeting_id: id,
        user_id: p.userId,
        user_name: p.name,
        role: p.role,
        vote: p.vote,
        opinion: p.opinion ?? null,
        recorded_by: own ? null : actor.userId,
        recorded_by_name: own ? null : actor.displayName,
        countersigned_at: own ? now : null,
      };
    }),
  );
  return {
    id,
    audit: {
      action: 'approval.meeting',
      entityType: 'approval_meeting',
      entityId: id,
      orgPath: body.org_path,
      chain: body.province_code,
      after: {
        body: body.name,
        number: input.number,
        heldOn: input.heldOn,
        subject,
        decision,
        votes: judged.present.map((p) => ({ name: p.name, vote: p.vote })),
        absent: judged.absent,
      },
    },
  };
}
