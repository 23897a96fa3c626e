import { AppError } from '../../platform/errors.js';

/**
 * A collective body's decision judged on its meeting (pure; `quorum.test.ts`). The defaults are seed 000's 集体研究
 * as the issue reads it: the chair present, more than half of the roster present, more than half of those present
 * approving. A node sets its own: chair required or not, and each share in basis points ("more than bp/100 %").
 *
 * - Present = voting: each member present casts a ballot (approve, reject, abstain); an abstention counts as
 *   present and not in favour.
 * - Whoever proposed or submitted the subject stands aside (回避): their ballot is refused, they are not counted
 *   present, and they stay on the roster (so they count against the quorum like any absent member).
 * - The member who records the meeting must be on the roster in force on the meeting's date and present.
 */
export interface RosterEntry {
  userId: number;
  name: string;
  role: string;
}
export interface QuorumRule {
  chairRequired: boolean;
  presentBp: number;
  approveBp: number;
}
export interface Ballot {
  userId: number;
  vote: 'approve' | 'reject' | 'abstain';
  opinion?: string;
}
export interface Judged {
  present: (RosterEntry & Ballot)[];
  absent: { name: string; excused: boolean }[];
  rosterCount: number;
  approveCount: number;
  neededPresent: number;
  neededApprove: number;
}

/** The smallest count that is more than bp/10,000 of n (5000 of 3 → 2; 5000 of 4 → 3; 0 of n → 1). */
export const moreThan = (n: number, bp: number) => Math.floor((n * bp) / 10_000) + 1;
const share = (bp: number) => `${bp / 100}%`;

export function judgeMeeting(m: {
  body: string;
  date: string;
  rule: QuorumRule;
  roster: RosterEntry[];
  makers: ReadonlySet<number>;
  ballots: Ballot[];
  /** The signed-in member recording it; null for the system actor. */
  recorder: number | null;
  decision: 'approve' | 'reject';
}): Judged {
  const byId = new Map(m.roster.map((r) => [r.userId, r]));
  if (m.recorder !== null && !byId.has(m.recorder))
    throw new AppError('APPROVAL_NOT_BODY_MEMBER', { body: m.body, date: m.date });
  const seen = new Set<number>();
  const present: Judged['present'] = [];
  for (const b of m.ballots) {
    const member = byId.get(b.userId);
    if (!member) throw new AppError('APPROVAL_VOTER_NOT_MEMBER', { userId: b.userId, body: m.body, date: m.date });
    if (seen.has(b.userId)) throw new AppError('APPROVAL_VOTE_DUPLICATE', { name: member.name });
    seen.add(b.userId);
    if (m.makers.has(b.userId)) throw new AppError('APPROVAL_MAKER_CANNOT_VOTE', { name: member.name });
    present.push({ ...member, ...b });
  }
  if (m.recorder !== null && !seen.has(m.recorder)) throw new AppError('APPROVAL_RECORDER_ABSENT', {});
  const chair = m.roster.find((r) => r.role === 'chair');
  if (m.rule.chairRequired && (!chair || !seen.has(chair.userId)))
    throw new AppError('APPROVAL_QUORUM_NO_CHAIR', { body: m.body, chair: chair?.name ?? '—' });
  const rosterCount = m.roster.length;
  const neededPresent = moreThan(rosterCount, m.rule.presentBp);
  if (present.length < neededPresent)
    throw new AppError('APPROVAL_QUORUM_TOO_FEW', {
      body: m.body,
      roster: rosterCount,
      present: present.length,
      share: share(m.rule.presentBp),
      needed: neededPresent,
    });
  const approveCount = present.filter((p) => p.vote === 'approve').length;
  const neededApprove = moreThan(present.length, m.rule.approveBp);
  const carried = approveCount >= neededApprove;
  if (m.decision === 'approve' && !carried)
    throw new AppError('APPROVAL_VOTES_SHORT', {
      approve: approveCount,
      share: share(m.rule.approveBp),
      needed: neededApprove,
    });
  if (m.decision === 'reject' && carried)
    throw new AppError('APPROVAL_VOTES_CARRY', { approve: approveCount, needed: neededApprove });
  const absent = m.roster
    .filter((r) => !seen.has(r.userId))
    .map((r) => ({ name: r.name, excused: m.makers.has(r.userId) }));
  return { present, absent, rosterCount, approveCount, neededPresent, neededApprove };
}
