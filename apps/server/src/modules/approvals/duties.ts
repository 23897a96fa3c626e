import type { Actor } from '../../platform/auth/actor.js';
import type { Db } from '../../platform/db/connect.js';
import type { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import * as repo from './approvals.repository.js';

/** What every decided subject carries: its node, status, maker and where (at which level) it is to be decided. */
export interface Decidable {
  id: number;
  org_id: number;
  org_path: string;
  province_code: string;
  status: string;
  created_by: number | null;
  required_org_id: number | null;
  required_level: string | null;
  created_at: string;
}

export type SubjectType = 'batch' | 'application';

/**
 * Maker-checker and the deciding node: whoever created, computed or submitted the subject (the proposer, and
 * `others`: the submitters, a campaign's organiser) never decides it; the decision belongs to the node the amount
 * requires.
 */
export async function assertMayDecide(sdb: ScopedDb, actor: Actor, subject: Decidable, others: (number | null)[] = []) {
  const makers = [subject.created_by, ...others].filter((x): x is number => x !== null).map(Number);
  if (actor.userId !== null && makers.includes(actor.userId)) throw new AppError('MAKER_CHECKER', {});
  if (!actor.system && subject.required_org_id !== null && Number(subject.required_org_id) !== actor.scope.orgId) {
    // The deciding node may be above the caller (a province): its name is shown, nothing else of it.
    const org = await repo.orgNameForRouting(sdb.db, Number(subject.required_org_id));
    throw new AppError('APPROVAL_WRONG_NODE', {
      org: org ?? String(subject.required_org_id),
      level: subject.required_level ?? '',
    });
  }
}

/** Who submitted a subject: besides its creator, they may not decide it. */
export const submitters = (sdb: ScopedDb, type: SubjectType, id: number) => repo.stepActors(sdb, type, id, ['submit']);

/**
 * Who proposed, submitted or approved a subject (and `more`: a campaign's organiser): none of them pays it, re-pays
 * it after a failure or voids it.
 */
export async function involvedIn(sdb: ScopedDb, type: SubjectType, subject: Decidable, more: (number | null)[] = []) {
  return [
    subject.created_by,
    ...more,
    ...(await repo.stepActors(sdb, type, Number(subject.id), ['submit', 'approve'])),
  ];
}

/** Separation of duties for money: whoever proposed, submitted or approved an item does not also pay it. */
export function assertIndependentPayer(actor: Actor, involved: (number | null)[]) {
  if (actor.userId === null) return;
  if (involved.some((x) => x !== null && Number(x) === actor.userId)) throw new AppError('PAYER_NOT_INDEPENDENT', {});
}

/** One step of an approval's history (submit, approve, reject, comment), kept with its subject. */
export function recordStep(
  trx: Db,
  actor: Actor,
  subject: { type: SubjectType; id: number; org: { org_id: number; org_path: string; province_code: string } },
  step: { level: string; decision: string; comment: string | null; at: string; meetingId?: number | null },
) {
  return repo.insertApproval(trx, {
    org_id: Number(subject.org.org_id),
    org_path: subject.org.org_path,
    province_code: subject.org.province_code,
    subject_type: subject.type,
    subject_id: subject.id,
    level: step.level,
    decision: step.decision,
    comment: step.comment,
    actor_id: actor.userId,
    actor_name: actor.displayName,
    at: step.at,
    meeting_id: step.meetingId ?? null,
  });
}

/** A subject's history as the pages show it. */
export async function historyOf(sdb: ScopedDb, type: SubjectType, id: number) {
  return (await repo.approvalsOf(sdb, type, id)).map((a) => ({
    level: a.level,
    decision: a.decision,
    comment: a.comment,
    by: a.actor_name,
    at: a.at,
    meetingId: a.meeting_id === null ? null : Number(a.meeting_id),
  }));
}
