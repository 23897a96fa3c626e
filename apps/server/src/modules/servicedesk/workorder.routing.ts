import {
  OPEN_WORK_ORDER_STATUSES,
  outsideBodies,
  type WorkOrderAssignSchema,
  type WorkOrderSuperviseSchema,
  type WorkOrderTransferSchema,
} from '@bangfu/contracts';
import type { z } from 'zod';
import { type Actor, require } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import * as orgRepo from '../orgs/orgs.repository.js';
import * as deskRepo from './servicedesk.repository.js';
import { DESK_ROLES, isOwner, mustBeIn, mustBeOwnerOrSuperior, stepDetails, transition } from './workorder.flow.js';
import * as repo from './workorder.repository.js';

/**
 * Routing, as the 12351 line works (分级主办): the receiving union handles an order itself (自办), sends it down to a
 * union in its own subtree (转办) or to an outside body with the reference given, assigns it to a colleague at the
 * same node (交办); the receiving union accepts it or returns it with a reason; an upper union supervises (督办).
 */

/** 自办: the owner handles it here (also taking back an order referred outside). */
export function handleHere(ctx: AppContext, actor: Actor, id: number) {
  require(actor, 'servicedesk.write');
  return transition(ctx, actor, id, 'handle_here', (o) => {
    mustBeIn(o, ['open', 'referred'], 'handle_here');
    mustBeOwnerOrSuperior(actor, o, 'handle_here');
    return { patch: { status: 'handling' } };
  });
}

/** 转办: down to a union below the order's node, or out to 人社 / 劳动监察 / 仲裁 … with its reference. */
export function transfer(ctx: AppContext, actor: Actor, id: number, input: z.infer<typeof WorkOrderTransferSchema>) {
  require(actor, 'servicedesk.write');
  if ('orgId' in input) {
    const targetId = input.orgId;
    return transition(ctx, actor, id, 'transfer', async (o, sdb) => {
      mustBeIn(o, ['open', 'handling'], 'transfer');
      mustBeOwnerOrSuperior(actor, o, 'transfer');
      const target = await orgRepo.findActiveOrThrow(sdb, targetId);
      if (Number(target.id) === Number(o.org_id)) throw new AppError('WORK_ORDER_SAME_NODE', { org: target.name });
      if (!target.path.startsWith(o.org_path)) throw new AppError('WORK_ORDER_TARGET_NOT_BELOW', { org: o.org_name });
      return {
        patch: {
          status: 'awaiting_acceptance',
          owner_user_id: null,
          owner_name: null,
          sent_from_org_id: Number(o.org_id),
          sent_by_user_id: actor.userId,
          sent_by_name: actor.displayName,
          return_reason: null,
        },
        placeAt: {
          org_id: Number(target.id),
          org_path: target.path,
          province_code: target.province_code,
          orgName: target.name,
        },
        note: input.note ?? null,
      };
    });
  }
  return transition(ctx, actor, id, 'transfer_out', (o) => {
    mustBeIn(o, ['open', 'handling'], 'transfer_out');
    mustBeOwnerOrSuperior(actor, o, 'transfer_out');
    const body = input.outsideName || (outsideBodies.zh as Record<string, string>)[input.outsideBody];
    return {
      patch: {
        status: 'referred',
        outside_body: input.outsideBody,
        outside_name: body ?? null,
        outside_ref: input.reference,
      },
      note: input.note ?? null,
      data: { outsideBody: input.outsideBody, outsideName: body, reference: input.reference },
    };
  });
}

/** 交办: to a colleague at the order's node who handles service-desk work; they own it from now on. */
export function assign(ctx: AppContext, actor: Actor, id: number, input: z.infer<typeof WorkOrderAssignSchema>) {
  require(actor, 'servicedesk.write');
  return transition(ctx, actor, id, 'assign', async (o, sdb) => {
    mustBeIn(o, ['open', 'handling', 'referred'], 'assign');
    mustBeOwnerOrSuperior(actor, o, 'assign');
    const [colleague] = await deskRepo.deskStaffAt(sdb, Number(o.org_id), DESK_ROLES, input.userId);
    if (!colleague) throw new AppError('WORK_ORDER_BAD_COLLEAGUE', { name: `#${input.userId}` });
    const name = colleague.display_name;
    return {
      patch: {
        status: o.status === 'open' ? 'handling' : o.status,
        owner_user_id: Number(colleague.id),
        owner_name: name,
      },
      toUser: { id: Number(colleague.id), name },
      note: input.note ?? null,
    };
  });
}

function mustBeAtOrderNode(actor: Actor, o: repo.WorkOrderRow) {
  if (actor.scope.orgId !== Number(o.org_id)) throw new AppError('WORK_ORDER_NOT_AT_YOUR_NODE', { org: o.org_name });
}

/** 签收: the receiving union takes the order; the one who accepts owns it. */
export function accept(ctx: AppContext, actor: Actor, id: number) {
  require(actor, 'servicedesk.write');
  return transition(ctx, actor, id, 'accept', (o) => {
    mustBeIn(o, ['awaiting_acceptance'], 'accept');
    mustBeAtOrderNode(actor, o);
    return {
      patch: { status: 'handling', owner_user_id: actor.userId, owner_name: actor.displayName },
      toUser: actor.userId === null ? null : { id: actor.userId, name: actor.displayName },
    };
  });
}

/** 退回: not ours — back to the union that sent it, to the person who sent it, with the reason. */
export function returnOrder(ctx: AppContext, actor: Actor, id: number, reason: string) {
  require(actor, 'servicedesk.write');
  return transition(ctx, actor, id, 'return', async (o, _sdb, trx) => {
    mustBeIn(o, ['awaiting_acceptance'], 'return');
    mustBeAtOrderNode(actor, o);
    const sender =
      o.sent_from_org_id === null ? undefined : await deskRepo.orgForRouting(trx, Number(o.sent_from_org_id));
    if (!sender) throw new AppError('WORK_ORDER_BAD_STATUS', { status: '—', ...stepDetails('return') });
    return {
      patch: {
        status: 'open',
        owner_user_id: o.sent_by_user_id === null ? null : Number(o.sent_by_user_id),
        owner_name: o.sent_by_name,
        return_reason: reason,
      },
      placeAt: {
        org_id: Number(sender.id),
        org_path: sender.path,
        province_code: sender.province_code,
        orgName: sender.name,
      },
      toUser: o.sent_by_user_id === null ? null : { id: Number(o.sent_by_user_id), name: o.sent_by_name ?? '' },
      note: reason,
    };
  });
}

/** 督办: a union above the order's node sets a deadline and demands a report. */
export function supervise(ctx: AppContext, actor: Actor, id: number, input: z.infer<typeof WorkOrderSuperviseSchema>) {
  require(actor, 'servicedesk.supervise');
  const today = ctx.clock.today();
  return transition(ctx, actor, id, 'supervise', async (o, sdb) => {
    mustBeIn(o, OPEN_WORK_ORDER_STATUSES, 'supervise');
    if (!o.org_path.startsWith(actor.scope.path) || o.org_path === actor.scope.path)
      throw new AppError('WORK_ORDER_NOT_UPPER');
    if (input.dueOn < today)
      throw new AppError('WORK_ORDER_BAD_DATE', { what: '督办期限早于今天', whatEn: 'the report is due before today' });
    const org = await orgRepo.findById(sdb, actor.scope.orgId);
    return {
      patch: {},
      note: input.demand,
      data: { dueOn: input.dueOn },
      also: async (trx) => {
        await repo.insertSupervision(trx, {
          org_id: Number(o.org_id),
          org_path: o.org_path,
          province_code: o.province_code,
          work_order_id: id,
          supervisor_org_id: actor.scope.orgId,
          supervisor_org_name: org?.name ?? '',
          due_on: input.dueOn,
          demand: input.demand,
          created_by: actor.userId,
          created_by_name: actor.displayName,
          created_at: ctx.clock.now().toISOString(),
          report: null,
          reported_by_name: null,
          reported_at: null,
        });
      },
    };
  });
}

/** The handling union reports to a supervision (once). */
export function report(ctx: AppContext, actor: Actor, id: number, supervisionId: number, text: string) {
  require(actor, 'servicedesk.write');
  return transition(ctx, actor, id, 'report', async (o, sdb) => {
    const s = (await repo.supervisionsOf(sdb, id)).find((x) => Number(x.id) === supervisionId);
    if (!s) throw new AppError('WORK_ORDER_SUPERVISION_NOT_FOUND', { id: supervisionId });
    if (s.reported_at) throw new AppError('WORK_ORDER_SUPERVISION_REPORTED');
    if (!isOwner(actor, o) && actor.scope.orgId !== Number(o.org_id)) mustBeOwnerOrSuperior(actor, o, 'report');
    return {
      patch: {},
      note: text,
      data: { supervisionId, supervisor: s.supervisor_org_name },
      also: async (trx) => {
        const now = ctx.clock.now().toISOString();
        if (
          !(await repo.reportSupervisionIf(trx, supervisionId, {
            report: text,
            reported_by_name: actor.displayName,
            reported_at: now,
          }))
        )
          throw new AppError('WORK_ORDER_SUPERVISION_REPORTED');
      },
    };
  });
}

/** 办理情况: a progress note by the owner or a colleague at the order's node. */
export function progressNote(ctx: AppContext, actor: Actor, id: number, note: string) {
  require(actor, 'servicedesk.write');
  return transition(ctx, actor, id, 'note', (o) => {
    if (!isOwner(actor, o) && actor.scope.orgId !== Number(o.org_id)) mustBeOwnerOrSuperior(actor, o, 'note');
    return { patch: {}, note };
  });
}
