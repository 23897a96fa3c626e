import {
  type attachmentKinds,
  type ChangeKind,
  changeStatuses,
  type HouseholdInput,
  HouseholdInputSchema,
  memberLeaveCauses,
  type SelfChange,
} from '@bangfu/contracts';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import { storeAttachment } from '../archive/archive.attachments.js';
import { assertCurrent, snapshotOf } from '../archive/archive.changes.apply.js';
import { mustFindChange, proposeIn, withdrawIn } from '../archive/archive.changes.service.js';
import { mustFindFile } from '../archive/archive.service.js';
import * as selfRepo from './self.repository.js';
import { linkedFileOf } from './self.service.js';

/**
 * The worker's partial change merged into the file's current version: what they may change themselves (phone and
 * address, bank card, members joining or leaving, work and income, health). The change kinds follow from what
 * was given; members leaving are named with their cause in the reason the union reads.
 */
export function mergeSelfChange(current: HouseholdInput, c: SelfChange) {
  const next: HouseholdInput = structuredClone(current);
  const kinds = new Set<ChangeKind>();
  let reason = c.reason;
  if (c.phone !== undefined || c.address !== undefined || c.postalCode !== undefined) {
    kinds.add('address_phone');
    if (c.phone !== undefined) next.phone = c.phone;
    if (c.address !== undefined) next.address = c.address;
    if (c.postalCode !== undefined) next.postalCode = c.postalCode;
  }
  if (c.bank) {
    kinds.add('bank');
    next.bank = c.bank;
  }
  if (c.leave.length) {
    kinds.add('member_leave');
    const gone = new Set<number>();
    const names: string[] = [];
    for (const l of c.leave) {
      const m = current.members[l.seq - 1];
      if (!m) throw new AppError('SELF_CHANGE_MEMBER', { seq: l.seq });
      gone.add(l.seq);
      names.push(`${m.name}（${memberLeaveCauses.zh[l.cause]}）`);
    }
    next.members = next.members.filter((_m, i) => !gone.has(i + 1));
    reason = `${reason}；成员减少：${names.join('、')}`;
  }
  if (c.join.length) {
    kinds.add('member_join');
    next.members = [...next.members, ...c.join];
  }
  if (c.workStatus || c.employer !== undefined || c.incomes) {
    kinds.add('work_income');
    if (c.workStatus) next.workStatus = c.workStatus;
    if (c.employer !== undefined) next.employer = c.employer;
    if (c.incomes) next.incomes = { ...next.incomes, ...c.incomes };
  }
  if (c.health || c.disability) {
    kinds.add('health');
    if (c.health) next.health = c.health;
    if (c.disability) next.disability = c.disability;
  }
  if (kinds.size === 0) throw new AppError('ARCHIVE_CHANGE_NOTHING');
  return { proposed: HouseholdInputSchema.parse(next), kinds: [...kinds], reason };
}

/** The worker acts on their own file, at the file's node (the account may sit elsewhere after a code binding). */
async function onOwnFile(ctx: AppContext, actor: Actor) {
  const householdId = await linkedFileOf(ctx, actor);
  const file = await selfRepo.ownFilePlacement(ctx.db, householdId);
  if (!file) throw new AppError('SELF_NO_FILE');
  const scope = { orgId: Number(file.org_id), path: file.org_path, provinceCode: file.province_code };
  return { householdId, asWorker: { ...actor, scope } satisfies Actor };
}

/**
 * A worker reports a change (a new bank card, a newborn …) in self-service: merged into the current version and
 * proposed to their union for review. A person held by another active file is refused without naming the holder
 * (go to the union), and the refusal is audited.
 */
export async function proposeSelfChange(ctx: AppContext, actor: Actor, c: SelfChange) {
  require(actor, 'self.apply');
  const { householdId, asWorker } = await onOwnFile(ctx, actor);
  try {
    return await transaction(ctx, async (trx) => {
      const file = await mustFindFile(new ScopedDb(trx, asWorker.scope), householdId);
      assertCurrent(file, file.version);
      const current = await snapshotOf(ctx, new ScopedDb(trx, asWorker.scope), householdId, file.version);
      const m = mergeSelfChange(current, c);
      const r = await proposeIn(ctx, trx, asWorker, householdId, {
        baseVersion: file.version,
        kinds: m.kinds,
        reason: m.reason,
        proposed: m.proposed,
        attachmentIds: [],
        via: 'self',
      });
      return { id: r.id, status: r.status, kinds: m.kinds };
    });
  } catch (e) {
    if (e instanceof AppError && ['ARCHIVE_DUPLICATE_PERSON', 'ARCHIVE_PERSON_IN_OTHER_FILE'].includes(e.code)) {
      await transaction(ctx, (trx) =>
        appendAudit(trx, ctx.clock, actor, {
          action: 'self.change_refused',
          entityType: 'household',
          entityId: householdId,
          orgPath: asWorker.scope.path,
          chain: asWorker.scope.provinceCode,
        }),
      );
      throw new AppError('SELF_APPLY_REFUSED');
    }
    throw e;
  }
}

/** The worker's own requests (what and when, never who reviewed or what they wrote) and the file's members. */
export async function ownChanges(ctx: AppContext, actor: Actor) {
  require(actor, 'self.read');
  const { householdId } = await onOwnFile(ctx, actor);
  const rows = await selfRepo.ownChangeRows(ctx.db, householdId);
  const members = await selfRepo.ownMembers(ctx.db, householdId);
  const file = await selfRepo.ownFilePlacement(ctx.db, householdId);
  if (!file) throw new AppError('SELF_NO_FILE');
  return {
    items: rows.map((r) => ({
      id: Number(r.id),
      kinds: JSON.parse(r.kinds) as ChangeKind[],
      reason: r.reason,
      status: r.status as (typeof changeStatuses.codes)[number],
      statusLabel: changeStatuses.zh[r.status as (typeof changeStatuses.codes)[number]] ?? r.status,
      proposedAt: r.proposed_at,
      closedAt: r.closed_at,
    })),
    members: members.map((m) => ({ seq: m.seq, name: m.name, relation: m.relation })),
    fileStatus: file.status,
  };
}

/** The worker withdraws their own request while it is not yet decided. */
export async function withdrawSelfChange(ctx: AppContext, actor: Actor, changeId: number) {
  require(actor, 'self.apply');
  const { householdId, asWorker } = await onOwnFile(ctx, actor);
  return withdrawIn(ctx, asWorker, changeId, householdId);
}

/**
 * The worker attaches evidence (a birth certificate, the new card) to their own request while it is undecided:
 * type and size checked, encrypted, audited like every attachment; staff download it with personal.reveal.
 */
export async function attachToSelfChange(
  ctx: AppContext,
  actor: Actor,
  changeId: number,
  a: { kind: (typeof attachmentKinds)[number]; filename: string; content: Buffer },
) {
  require(actor, 'self.apply');
  const { householdId, asWorker } = await onOwnFile(ctx, actor);
  return storeAttachment(ctx, asWorker, householdId, a, {
    id: changeId,
    check: async (trx) => {
      const c = await mustFindChange(new ScopedDb(trx, asWorker.scope), changeId);
      if (Number(c.household_id) !== householdId) throw new AppError('ARCHIVE_CHANGE_NOT_FOUND', { id: changeId });
      if (actor.userId === null || Number(c.proposed_by) !== actor.userId)
        throw new AppError('ARCHIVE_CHANGE_NOT_PROPOSER');
      if (!['pending', 'pending_upper'].includes(c.status))
        throw new AppError('ARCHIVE_CHANGE_BAD_STATUS', {
          status: changeStatuses.zh[c.status as (typeof changeStatuses.codes)[number]] ?? c.status,
        });
    },
  });
}
