import {
  OPEN_WORK_ORDER_STATUSES,
  type WorkOrderListQuerySchema,
  type WorkOrderQueue,
  type WorkOrderQueueQuerySchema,
  workOrderQueues,
} from '@bangfu/contracts';
import type { z } from 'zod';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require, requireAny } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import * as orgRepo from '../orgs/orgs.repository.js';
import * as deskRepo from './servicedesk.repository.js';
import { dueSoonLimit } from './servicedesk.rules.js';
import { deskSettingsAt } from './servicedesk.settings.js';
import { mustFindOrder } from './workorder.flow.js';
import { mayOn } from './workorder.may.js';
import * as repo from './workorder.repository.js';
import { auditConfidentialViews, maySeePerson, toDetail, toSummary } from './workorder.view.js';

/** Summaries of rows the caller reads, each person shown or 保密; the confidential ones shown are audited. */
export async function summaries(
  ctx: AppContext,
  actor: Actor,
  sdb: ScopedDb,
  rows: repo.WorkOrderRow[],
  view: 'list' | 'caller',
) {
  const supervisors = await repo.supervisorsOf(
    sdb,
    rows.map((r) => Number(r.id)),
  );
  const today = ctx.clock.today();
  const visible = rows.map((r) => maySeePerson(actor, r, supervisors.get(Number(r.id)) ?? []));
  await auditConfidentialViews(
    ctx,
    actor,
    rows.filter((r, i) => visible[i] && r.confidential === 1),
    view,
  );
  return rows.map((r, i) => toSummary(r, visible[i] === true, today));
}

export async function getOrder(ctx: AppContext, actor: Actor, id: number) {
  require(actor, 'servicedesk.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const o = await mustFindOrder(sdb, id);
  const [actions, supervisions, attachments] = await Promise.all([
    repo.actionsOf(sdb, id),
    repo.supervisionsOf(sdb, id),
    repo.attachmentsOf(sdb, id),
  ]);
  const visible = maySeePerson(
    actor,
    o,
    supervisions.map((s) => Number(s.supervisor_org_id)),
  );
  const h = visible && o.household_id !== null ? await deskRepo.householdBrief(sdb, Number(o.household_id)) : undefined;
  if (visible) await auditConfidentialViews(ctx, actor, [o], 'detail');
  return {
    ...toDetail(o, visible, ctx.clock.today(), {
      actions,
      supervisions,
      attachments,
      household: h ? { id: Number(h.id), fileNo: h.file_no, name: h.name, status: h.status } : null,
    }),
    may: mayOn(actor, o, supervisions),
  };
}

/** The node to list under: the one asked for (in scope), else the caller's own. */
async function orgOf(sdb: ScopedDb, actor: Actor, orgId?: number) {
  const org = await orgRepo.findById(sdb, orgId ?? actor.scope.orgId);
  if (!org) throw new AppError('ORG_NOT_FOUND', { id: orgId });
  return org;
}

export async function listOrders(ctx: AppContext, actor: Actor, q: z.infer<typeof WorkOrderListQuerySchema>) {
  require(actor, 'servicedesk.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const org = await orgOf(sdb, actor, q.orgId);
  const { rows, total } = await repo.list(
    sdb,
    {
      path: org.path,
      status: q.status,
      channel: q.channel,
      category: q.category,
      orderNoPrefix: q.q,
      receivedFrom: q.receivedFrom,
      receivedTo: q.receivedTo,
    },
    q,
  );
  return { total, limit: q.limit, offset: q.offset, items: await summaries(ctx, actor, sdb, rows, 'list') };
}

/** The filter of a queue under a node. */
async function queueFilter(
  ctx: AppContext,
  actor: Actor,
  org: { id: number; path: string },
  queue: WorkOrderQueue,
): Promise<repo.WorkOrderFilter> {
  const today = ctx.clock.today();
  const open = { path: org.path, statuses: OPEN_WORK_ORDER_STATUSES };
  switch (queue) {
    case 'mine':
      return { ...open, ownerId: actor.userId ?? -1 };
    case 'overdue':
      return { ...open, dueBefore: today };
    case 'due_today':
      return { ...open, dueOn: today };
    case 'due_soon': {
      const s = await deskSettingsAt(ctx.db, org.path);
      return { ...open, dueAfter: today, dueBy: dueSoonLimit(today, s.dueSoonDays) };
    }
    case 'awaiting_acceptance':
      return { path: org.path, status: 'awaiting_acceptance', atOrgId: Number(org.id) };
    case 'supervised':
      return { ...open, supervisedBy: Number(org.id) };
    case 'callbacks_due':
      return { path: org.path, status: 'closed', callbackDue: true };
  }
}

/** How many orders each queue holds under a node (the desk's tabs): counts only, no person is read. */
export async function queueCounts(ctx: AppContext, actor: Actor, orgId?: number) {
  require(actor, 'servicedesk.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const org = await orgOf(sdb, actor, orgId);
  const counts = {} as Record<WorkOrderQueue, number>;
  for (const queue of workOrderQueues.codes)
    counts[queue] = await repo.count(sdb, await queueFilter(ctx, actor, org, queue));
  return { orgId: Number(org.id), orgName: org.name, today: ctx.clock.today(), counts };
}

/**
 * The desk's morning queues, under a node (default the caller's): mine, overdue, due today, due soon (≤ the node's
 * due-soon working days), awaiting acceptance at that node, supervised by that node, callbacks due.
 */
export async function queueOrders(
  ctx: AppContext,
  actor: Actor,
  queue: WorkOrderQueue,
  q: z.infer<typeof WorkOrderQueueQuerySchema>,
) {
  require(actor, 'servicedesk.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const org = await orgOf(sdb, actor, q.orgId);
  const filter = await queueFilter(ctx, actor, org, queue);
  const { rows, total } = await repo.list(sdb, filter, q);
  return { queue, total, limit: q.limit, offset: q.offset, items: await summaries(ctx, actor, sdb, rows, 'list') };
}

/** The full ID and phone, to call the person back: audited; a confidential person only for those who may see them. */
export async function revealPerson(ctx: AppContext, actor: Actor, id: number) {
  requireAny(actor, ['servicedesk.write', 'servicedesk.reveal']);
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const o = await mustFindOrder(sdb, id);
  const supervisors = (await repo.supervisorsOf(sdb, [id])).get(id) ?? [];
  if (!maySeePerson(actor, o, supervisors)) throw new AppError('WORK_ORDER_CONFIDENTIAL');
  const s = await repo.personSecrets(sdb, id);
  await transaction(ctx, (trx) =>
    appendAudit(trx, ctx.clock, actor, {
      action: 'work_order.read_personal',
      entityType: 'work_order',
      entityId: id,
      orgPath: o.org_path,
      chain: o.province_code,
      after: { orderNo: o.order_no, fields: ['idNumber', 'phone'], confidential: o.confidential === 1 },
    }),
  );
  return {
    id,
    name: o.person_name,
    idNumber: ctx.crypto.decryptNullable(s?.id_enc),
    phone: ctx.crypto.decryptNullable(s?.phone_enc),
    employer: o.employer,
    representatives: o.representatives,
  };
}
