import type { ChangeListItem, ChangeQuery } from '@bangfu/contracts';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import * as orgRepo from '../orgs/orgs.repository.js';
import { proposalOf, snapshotOf } from './archive.changes.apply.js';
import { fileDiff } from './archive.changes.diff.js';
import * as crepo from './archive.changes.repository.js';
import { mustFindChange } from './archive.changes.service.js';
import { mustFindFile } from './archive.service.js';

type Grade = ChangeListItem['gradeBefore'];
const flag = (v: number | null) => (v === null ? null : v === 1);

export function toChangeItem(r: crepo.ChangeRow): ChangeListItem {
  return {
    id: Number(r.id),
    householdId: Number(r.household_id),
    fileNo: r.file_no,
    name: r.name,
    orgId: Number(r.org_id),
    orgName: r.org_name,
    fileStatus: r.file_status,
    kinds: JSON.parse(r.kinds) as ChangeListItem['kinds'],
    reason: r.reason,
    status: r.status as ChangeListItem['status'],
    via: r.proposed_via as ChangeListItem['via'],
    baseVersion: r.base_version,
    currentVersion: r.current_version,
    gradeBefore: r.grade_before as Grade,
    gradeProposedBefore: r.grade_proposed_before as Grade,
    gradeProposedAfter: r.grade_proposed_after as Grade,
    eligibleBefore: flag(r.eligible_before),
    eligibleAfter: flag(r.eligible_after),
    needsUpper: r.needs_upper === 1,
    proposedByName: r.proposed_by_name,
    proposedAt: r.proposed_at,
    reviewedByName: r.reviewed_by_name,
    reviewedAt: r.reviewed_at,
    decidedByName: r.decided_by_name,
    decidedAt: r.decided_at,
    noticeEnd: r.notice_end,
    appliedVersion: r.applied_version,
  };
}

/** The queue of change requests in the caller's subtree (or a node's), masked, newest first. */
export async function listChangeQueue(ctx: AppContext, actor: Actor, q: ChangeQuery) {
  require(actor, 'archive.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  let orgPath: string | undefined;
  if (q.orgId !== undefined) {
    const org = await orgRepo.findById(sdb, q.orgId);
    if (!org) throw new AppError('ORG_NOT_FOUND', { id: q.orgId });
    orgPath = org.path;
  }
  const { rows, total } = await crepo.listChanges(sdb, { ...q, orgPath });
  return { items: rows.map(toChangeItem), total, limit: q.limit, offset: q.offset };
}

/** One file's change requests (its 变更记录), newest first. */
export async function listFileChanges(ctx: AppContext, actor: Actor, householdId: number) {
  require(actor, 'archive.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  await mustFindFile(sdb, householdId);
  const { rows, total } = await crepo.listChanges(sdb, { householdId, limit: 200, offset: 0 });
  return { items: rows.map(toChangeItem), total, limit: 200, offset: 0 };
}

/**
 * One change with the field-level difference between the version it was proposed against and the proposal.
 * Personal fields are masked unless the caller holds personal.reveal and asks (reveal=true): that read is audited.
 */
export async function getChange(ctx: AppContext, actor: Actor, changeId: number, opts: { reveal?: boolean } = {}) {
  require(actor, 'archive.read');
  if (opts.reveal) require(actor, 'personal.reveal');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const c = await mustFindChange(sdb, changeId);
  const base = await snapshotOf(ctx, sdb, Number(c.household_id), c.base_version);
  const proposed = proposalOf(ctx, c.proposed_enc, Number(c.org_id));
  const reveal = opts.reveal === true;
  if (reveal)
    await transaction(ctx, (trx) =>
      appendAudit(trx, ctx.clock, actor, {
        action: 'archive.change_reveal',
        entityType: 'household',
        entityId: Number(c.household_id),
        orgPath: c.org_path,
        chain: c.province_code,
        after: { changeId },
      }),
    );
  const attachments = await crepo.changeAttachments(sdb, changeId);
  return {
    ...toChangeItem(c),
    reviewOpinion: c.review_opinion,
    decideOpinion: c.decide_opinion,
    grantedGrade: c.granted_grade as Grade,
    explanationAfter: c.explanation_after_json ? (JSON.parse(c.explanation_after_json) as unknown) : null,
    diff: fileDiff(base, proposed, reveal),
    attachments: attachments.map((a) => ({ id: Number(a.id), kind: a.kind, filename: a.filename })),
    result: c.result_json ? (JSON.parse(c.result_json) as unknown) : null,
  };
}

/** The difference between two versions of a file (its change history); masked unless revealed (audited). */
export async function versionDiff(
  ctx: AppContext,
  actor: Actor,
  householdId: number,
  a: number,
  b: number,
  opts: { reveal?: boolean } = {},
) {
  require(actor, 'archive.read');
  if (opts.reveal) require(actor, 'personal.reveal');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const file = await mustFindFile(sdb, householdId);
  const [before, after] = [await snapshotOf(ctx, sdb, householdId, a), await snapshotOf(ctx, sdb, householdId, b)];
  const reveal = opts.reveal === true;
  if (reveal)
    await transaction(ctx, (trx) =>
      appendAudit(trx, ctx.clock, actor, {
        action: 'archive.reveal_version',
        entityType: 'household',
        entityId: householdId,
        orgPath: file.org_path,
        chain: file.province_code,
        after: { versions: [a, b] },
      }),
    );
  return { from: a, to: b, diff: fileDiff(before, after, reveal) };
}
