import type {
  WorkOrderCallbackSchema,
  WorkOrderCloseSchema,
  WorkOrderDifficulty,
  WorkOrderExtensionDecisionSchema,
  WorkOrderExtensionSchema,
} from '@bangfu/contracts';
import type { z } from 'zod';
import { type Actor, allows, require, requireAny } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { deadlineFor, extendedDue } from './servicedesk.rules.js';
import { deskSettingsAt } from './servicedesk.settings.js';
import { isOwner, isSuperior, mustBeIn, mustBeOwner, stepDetails, transition } from './workorder.flow.js';
import * as repo from './workorder.repository.js';

const extState = { requested: ['待审批', 'requested'], approved: ['批准', 'approved'], refused: ['不批准', 'refused'] };

/** One extension per order: the owner asks with a reason and the number of working days. */
export function requestExtension(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: z.infer<typeof WorkOrderExtensionSchema>,
) {
  require(actor, 'servicedesk.write');
  return transition(ctx, actor, id, 'extension_request', (o) => {
    mustBeIn(o, ['open', 'handling', 'referred'], 'extension_request');
    mustBeOwner(actor, o, 'extension_request');
    if (o.ext_status) {
      const [state, stateEn] = extState[o.ext_status as keyof typeof extState] ?? [o.ext_status, o.ext_status];
      throw new AppError('WORK_ORDER_EXTENSION_USED', { state, stateEn });
    }
    return {
      patch: {
        ext_status: 'requested',
        ext_days: input.workingDays,
        ext_reason: input.reason,
        ext_requested_by: actor.userId,
        ext_requested_by_name: actor.displayName,
      },
      note: input.reason,
      data: { workingDays: input.workingDays },
    };
  });
}

/** A superior (servicedesk.supervise over the order, neither the owner nor the one who asked) decides the extension. */
export function decideExtension(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: z.infer<typeof WorkOrderExtensionDecisionSchema>,
) {
  require(actor, 'servicedesk.supervise');
  return transition(ctx, actor, id, 'extension_decision', (o) => {
    if (o.ext_status !== 'requested') throw new AppError('WORK_ORDER_NO_EXTENSION_PENDING');
    mustBeIn(o, ['open', 'handling', 'referred', 'awaiting_acceptance'], 'extension_decision');
    const requester = o.ext_requested_by === null ? null : Number(o.ext_requested_by);
    if (!isSuperior(actor, o) || (requester !== null && requester === actor.userId))
      throw new AppError('WORK_ORDER_NOT_SUPERIOR', stepDetails('extension_decision'));
    const decided = { ext_decided_by_name: actor.displayName, ext_decided_at: ctx.clock.now().toISOString() };
    if (!input.approve)
      return {
        patch: { ext_status: 'refused', ext_note: input.note ?? null, ...decided },
        note: input.note ?? null,
        data: { approve: false },
      };
    const due = extendedDue(o.due_on, Number(o.ext_days));
    return {
      patch: {
        ext_status: 'approved',
        ext_note: input.note ?? null,
        due_on: due.date,
        due_provisional: due.provisional || o.due_provisional === 1 ? 1 : 0,
        ...decided,
      },
      note: input.note ?? null,
      data: { approve: true, from: o.due_on, to: due.date },
    };
  });
}

/** 件件有答复: closing records how the person was answered, the result and the wages recovered (分). */
export function closeOrder(ctx: AppContext, actor: Actor, id: number, input: z.infer<typeof WorkOrderCloseSchema>) {
  require(actor, 'servicedesk.write');
  const today = ctx.clock.today();
  return transition(ctx, actor, id, 'close', (o) => {
    mustBeIn(o, ['open', 'handling', 'referred'], 'close');
    mustBeOwner(actor, o, 'close');
    return {
      patch: {
        status: 'closed',
        reply_method: input.replyMethod,
        reply: input.reply,
        result: input.result,
        wages_recovered_fen: input.wagesRecoveredFen,
        closed_at: ctx.clock.now().toISOString(),
        closed_on: today,
        closed_by_name: actor.displayName,
        on_time: today <= o.due_on ? 1 : 0,
      },
      note: input.reply,
      data: {
        replyMethod: input.replyMethod,
        result: input.result,
        wagesRecoveredFen: input.wagesRecoveredFen,
        onTime: today <= o.due_on,
      },
    };
  });
}

/** 回访: the person's satisfaction with the answer, once per closing. */
export function callback(ctx: AppContext, actor: Actor, id: number, input: z.infer<typeof WorkOrderCallbackSchema>) {
  require(actor, 'servicedesk.write');
  return transition(ctx, actor, id, 'callback', (o) => {
    mustBeIn(o, ['closed'], 'callback');
    if (o.satisfaction) throw new AppError('WORK_ORDER_CALLBACK_DONE');
    return {
      patch: {
        satisfaction: input.satisfaction,
        callback_at: ctx.clock.now().toISOString(),
        callback_by_name: actor.displayName,
        callback_note: input.note ?? null,
      },
      note: input.note ?? null,
      data: { satisfaction: input.satisfaction },
    };
  });
}

/**
 * An unsatisfied person's order is handled again: by the owner's superior or by the supervising union. The owner
 * keeps it; the deadline counts again from today; the last answer and callback stay in the history.
 */
export function reopen(ctx: AppContext, actor: Actor, id: number, reason: string) {
  requireAny(actor, ['servicedesk.supervise', 'servicedesk.write']);
  const today = ctx.clock.today();
  return transition(ctx, actor, id, 'reopen', async (o, sdb, trx) => {
    mustBeIn(o, ['closed'], 'reopen');
    if (o.satisfaction !== 'unsatisfied') throw new AppError('WORK_ORDER_NOT_UNSATISFIED');
    const supervisors = (await repo.supervisorsOf(sdb, [id])).get(id) ?? [];
    const supervising = allows(actor, 'servicedesk.write') && supervisors.includes(actor.scope.orgId);
    if (!(isSuperior(actor, o) || (supervising && !isOwner(actor, o))))
      throw new AppError('WORK_ORDER_NOT_SUPERIOR', stepDetails('reopen'));
    const settings = await deskSettingsAt(trx, o.org_path);
    const due = deadlineFor(today, o.urgency as 'normal' | 'urgent', o.difficulty as WorkOrderDifficulty, settings);
    return {
      patch: {
        status: 'handling',
        reply_method: null,
        reply: null,
        result: null,
        closed_at: null,
        closed_on: null,
        closed_by_name: null,
        on_time: null,
        satisfaction: null,
        callback_at: null,
        callback_by_name: null,
        callback_note: null,
        reopen_count: o.reopen_count + 1,
        due_on: due.date,
        due_days: due.days,
        due_provisional: due.provisional ? 1 : 0,
      },
      note: reason,
      data: { dueOn: due.date, previous: { reply: o.reply, result: o.result, satisfaction: o.satisfaction } },
    };
  });
}
