import {
  type ApprovalBody,
  type ApprovalBodyInputSchema,
  type ApprovalBodyPatchSchema,
  approvalBodyKinds,
  type BodyMemberInputSchema,
  type BodyMemberPatchSchema,
  can,
} from '@bangfu/contracts';
import type { z } from 'zod';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require, requireAny } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import * as orgRepo from '../orgs/orgs.repository.js';
import * as userRepo from '../users/users.repository.js';
import * as repo from './bodies.repository.js';

/**
 * The rosters of a node's approval bodies (组长, 领导组, 委员会), kept by the node's administrators (user.write, at the
 * node or above): members and the chair with from/to dates, and the quorum. Nobody puts themselves on a roster or
 * takes themselves off it. A member is an active account at the body's node holding payment.approve (the
 * 审批人（领导小组/委员会） role), one place per member at a time, one chair at a time. Every change is audited.
 */
export const ROSTER_READERS = ['user.read', 'payment.approve'] as const;

const END = '9999-12-31';
const overlap = (a: { from: string; to: string | null }, b: { from: string; to: string | null }) =>
  a.from <= (b.to ?? END) && b.from <= (a.to ?? END);

export function toBody(b: repo.BodyRow, members: repo.MemberRow[]): ApprovalBody {
  return {
    id: Number(b.id),
    orgId: Number(b.org_id),
    kind: b.kind as ApprovalBody['kind'],
    name: b.name,
    chairRequired: Number(b.chair_required) === 1,
    presentBp: Number(b.present_bp),
    approveBp: Number(b.approve_bp),
    members: members
      .filter((m) => Number(m.body_id) === Number(b.id))
      .map((m) => ({
        id: Number(m.id),
        userId: Number(m.user_id),
        name: m.user_name,
        role: m.role as 'chair' | 'member',
        fromDate: m.from_date,
        toDate: m.to_date,
      })),
  };
}

/** A node's bodies with their whole rosters (past and future entries included). */
export async function listBodies(ctx: AppContext, actor: Actor, orgId: number) {
  requireAny(actor, ROSTER_READERS);
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const org = await orgRepo.findActiveOrThrow(sdb, orgId);
  const bodies = await repo.bodiesAt(sdb, org.id);
  const members = await repo.membersOf(
    sdb,
    bodies.map((b) => Number(b.id)),
  );
  const rank = (k: string) => approvalBodyKinds.codes.indexOf(k as never);
  return {
    orgId: org.id,
    orgName: org.name,
    items: bodies.sort((a, b) => rank(a.kind) - rank(b.kind)).map((b) => toBody(b, members)),
  };
}

async function oneBody(sdb: ScopedDb, id: number) {
  const b = await repo.findBody(sdb, id);
  if (!b) throw new AppError('APPROVAL_BODY_NOT_FOUND', { id });
  const members = await repo.membersOf(sdb, [id]);
  return { b, members };
}

export async function getBody(ctx: AppContext, actor: Actor, id: number) {
  requireAny(actor, ROSTER_READERS);
  const { b, members } = await oneBody(new ScopedDb(ctx.db, actor.scope), id);
  return toBody(b, members);
}

const audit = (trx: Db, ctx: AppContext, actor: Actor, b: repo.BodyRow, action: string, e: object) =>
  appendAudit(trx, ctx.clock, actor, {
    action,
    entityType: 'approval_body',
    entityId: Number(b.id),
    orgPath: b.org_path,
    chain: b.province_code,
    ...e,
  });

export async function createBody(ctx: AppContext, actor: Actor, input: z.output<typeof ApprovalBodyInputSchema>) {
  require(actor, 'user.write');
  const id = await transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    const org = await orgRepo.findActiveOrThrow(sdb, input.orgId);
    if (await repo.bodyAt(sdb, org.id, input.kind))
      throw new AppError('APPROVAL_BODY_EXISTS', {
        org: org.name,
        kind: approvalBodyKinds.zh[input.kind],
        kindEn: input.kind,
      });
    const now = ctx.clock.now().toISOString();
    const bodyId = await repo.insertBody(trx, {
      org_id: org.id,
      org_path: org.path,
      province_code: org.province_code,
      kind: input.kind,
      name: input.name,
      chair_required: input.chairRequired ? 1 : 0,
      present_bp: input.presentBp,
      approve_bp: input.approveBp,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    const b = (await repo.findBody(sdb, bodyId)) as repo.BodyRow;
    await audit(trx, ctx, actor, b, 'approval_body.create', { after: input });
    return bodyId;
  });
  return getBody(ctx, actor, id);
}

export async function updateBody(
  ctx: AppContext,
  actor: Actor,
  id: number,
  patch: z.output<typeof ApprovalBodyPatchSchema>,
) {
  require(actor, 'user.write');
  await transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    await repo.lockBody(trx, id);
    const { b } = await oneBody(sdb, id);
    await repo.updateBody(trx, id, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.chairRequired !== undefined ? { chair_required: patch.chairRequired ? 1 : 0 } : {}),
      ...(patch.presentBp !== undefined ? { present_bp: patch.presentBp } : {}),
      ...(patch.approveBp !== undefined ? { approve_bp: patch.approveBp } : {}),
      updated_at: ctx.clock.now().toISOString(),
    });
    const before = { name: b.name, chairRequired: b.chair_required === 1, presentBp: b.present_bp };
    await audit(trx, ctx, actor, b, 'approval_body.update', { before, after: patch });
  });
  return getBody(ctx, actor, id);
}

/** The checks every roster entry passes, against the body's other entries (the body row is locked). */
function checkEntry(
  b: repo.BodyRow,
  others: repo.MemberRow[],
  e: { userId: number; name: string; role: string; from: string; to: string | null },
) {
  if (e.to !== null && e.to < e.from) throw new AppError('APPROVAL_DATES_INVALID', {});
  for (const o of others) {
    const period = { from: o.from_date, to: o.to_date };
    if (!overlap(period, e)) continue;
    const when = { from: o.from_date, to: o.to_date ?? '—' };
    if (Number(o.user_id) === e.userId)
      throw new AppError('APPROVAL_MEMBER_OVERLAP', { name: e.name, body: b.name, ...when });
    if (o.role === 'chair' && e.role === 'chair')
      throw new AppError('APPROVAL_CHAIR_OVERLAP', { name: o.user_name, body: b.name, ...when });
  }
}

const notSelf = (actor: Actor, userId: number) => {
  if (actor.userId !== null && actor.userId === userId) throw new AppError('APPROVAL_MEMBER_SELF', {});
};

export async function addMember(
  ctx: AppContext,
  actor: Actor,
  bodyId: number,
  input: z.output<typeof BodyMemberInputSchema>,
) {
  require(actor, 'user.write');
  notSelf(actor, input.userId);
  await transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    await repo.lockBody(trx, bodyId);
    const { b, members } = await oneBody(sdb, bodyId);
    const u = await userRepo.findById(sdb, input.userId);
    if (!u || Number(u.org_id) !== Number(b.org_id) || u.status !== 'active' || !can(u.roles, 'payment.approve')) {
      const org = await orgRepo.findById(sdb, Number(b.org_id));
      throw new AppError('APPROVAL_MEMBER_NOT_APPROVER', {
        name: u?.display_name ?? `#${input.userId}`,
        org: org?.name ?? '',
        body: b.name,
      });
    }
    const entry = { userId: Number(u.id), name: u.display_name, role: input.role };
    checkEntry(b, members, { ...entry, from: input.fromDate, to: input.toDate ?? null });
    const now = ctx.clock.now().toISOString();
    await repo.insertMember(trx, {
      org_id: Number(b.org_id),
      org_path: b.org_path,
      province_code: b.province_code,
      body_id: bodyId,
      user_id: entry.userId,
      user_name: entry.name,
      role: input.role,
      from_date: input.fromDate,
      to_date: input.toDate ?? null,
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    await audit(trx, ctx, actor, b, 'approval_body.member_add', { after: { ...entry, ...input } });
  });
  return getBody(ctx, actor, bodyId);
}

/** Change a member's role or end (or reopen) their place on the roster. */
export async function updateMember(
  ctx: AppContext,
  actor: Actor,
  bodyId: number,
  memberId: number,
  patch: z.output<typeof BodyMemberPatchSchema>,
) {
  require(actor, 'user.write');
  await transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    await repo.lockBody(trx, bodyId);
    const { b, members } = await oneBody(sdb, bodyId);
    const m = await repo.findMember(sdb, bodyId, memberId);
    if (!m) throw new AppError('APPROVAL_MEMBER_NOT_FOUND', { id: memberId });
    notSelf(actor, Number(m.user_id));
    const role = patch.role ?? m.role;
    const to = patch.toDate === undefined ? m.to_date : patch.toDate;
    checkEntry(
      b,
      members.filter((x) => Number(x.id) !== memberId),
      { userId: Number(m.user_id), name: m.user_name, role, from: m.from_date, to },
    );
    await repo.updateMember(trx, memberId, { role, to_date: to, updated_at: ctx.clock.now().toISOString() });
    await audit(trx, ctx, actor, b, 'approval_body.member_update', {
      before: { name: m.user_name, role: m.role, toDate: m.to_date },
      after: { name: m.user_name, role, toDate: to },
    });
  });
  return getBody(ctx, actor, bodyId);
}
