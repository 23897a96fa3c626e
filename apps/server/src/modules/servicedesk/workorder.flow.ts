import { permissionMatrix, type Role, workOrderActions, workOrderStatuses } from '@bangfu/contracts';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, allows, pathInScope } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import type { TenantColumns } from '../../platform/db/schema.js';
import type { ScopedDb } from '../../platform/db/scoped.js';
import { caseTransition } from '../../platform/db/versioned.js';
import { AppError } from '../../platform/errors.js';
import * as orgRepo from '../orgs/orgs.repository.js';
import * as repo from './workorder.repository.js';

export type Step = (typeof workOrderActions.codes)[number];

const stepEn: Record<Step, string> = {
  register: 'register it',
  handle_here: 'handle it here',
  transfer: 'transfer it to a union',
  transfer_out: 'transfer it to an outside body',
  assign: 'assign it to a colleague',
  accept: 'accept it',
  return: 'return it',
  supervise: 'supervise it',
  report: 'report on the supervision',
  note: 'record progress',
  attach: 'attach a file',
  extension_request: 'ask for an extension',
  extension_decision: 'decide the extension',
  close: 'close it',
  callback: 'record the callback',
  reopen: 'reopen it',
};
const zh = (list: { zh: object }, code: string) => (list.zh as Record<string, string>)[code] ?? code;
export const stepDetails = (step: Step) => ({ step: zh(workOrderActions, step), stepEn: stepEn[step] });

/** Roles that handle service-desk work (hold servicedesk.write): the colleagues an order may be assigned to. */
export const DESK_ROLES = (Object.keys(permissionMatrix) as Role[]).filter((r) =>
  permissionMatrix[r].includes('servicedesk.write'),
);

export async function mustFindOrder(sdb: ScopedDb, id: number) {
  const o = await repo.findById(sdb, id);
  if (!o) throw new AppError('WORK_ORDER_NOT_FOUND', { id });
  return o;
}

export function badStatus(o: { status: string }, step: Step) {
  return new AppError('WORK_ORDER_BAD_STATUS', { status: zh(workOrderStatuses, o.status), ...stepDetails(step) });
}

export function mustBeIn(o: repo.WorkOrderRow, statuses: readonly string[], step: Step) {
  if (!statuses.includes(o.status)) throw badStatus(o, step);
}

export const isOwner = (actor: Actor, o: repo.WorkOrderRow) =>
  actor.userId !== null && o.owner_user_id !== null && Number(o.owner_user_id) === actor.userId;

/** The owner's superior: holds servicedesk.supervise over the order's node (at it or above) and is not the owner. */
export const isSuperior = (actor: Actor, o: repo.WorkOrderRow) =>
  allows(actor, 'servicedesk.supervise') && pathInScope(actor.scope, o.org_path) && !isOwner(actor, o);

/** 首问责任制: the owner acts on the order; their superior may too. */
export function mustBeOwnerOrSuperior(actor: Actor, o: repo.WorkOrderRow, step: Step) {
  if (isOwner(actor, o) || isSuperior(actor, o)) return;
  throw new AppError('WORK_ORDER_NOT_OWNER', { owner: o.owner_name ?? '—', ...stepDetails(step) });
}

export function mustBeOwner(actor: Actor, o: repo.WorkOrderRow, step: Step) {
  if (!isOwner(actor, o))
    throw new AppError('WORK_ORDER_NOT_OWNER', { owner: o.owner_name ?? '—', ...stepDetails(step) });
}

export interface Decision {
  patch: repo.WorkOrderPatch;
  /** The order goes to another node: its actions, supervisions and attachments follow. */
  placeAt?: TenantColumns & { orgName: string };
  note?: string | null;
  toUser?: { id: number; name: string } | null;
  data?: Record<string, unknown>;
  /** Extra writes in the same transaction (a supervision row, a report). */
  also?: (trx: Db) => Promise<void>;
}

/**
 * One step on an order, through the shared `caseTransition` (platform/db/versioned.ts): row lock, scoped re-read,
 * `decide` (throws the refusal), conditional update on status + version (the losers of a race get
 * WORK_ORDER_BAD_STATUS), then the children follow a new placement, the action in the history and the audit entry,
 * all in one transaction. Answers where the order now is.
 */
export function transition(
  ctx: AppContext,
  actor: Actor,
  id: number,
  step: Step,
  decide: (o: repo.WorkOrderRow, sdb: ScopedDb, trx: Db) => Promise<Decision> | Decision,
) {
  return caseTransition(ctx, actor, {
    table: 'work_order',
    id,
    find: (sdb) => repo.findById(sdb, id),
    notFound: () => new AppError('WORK_ORDER_NOT_FOUND', { id }),
    decide,
    patch: (_o, d, now) => ({ ...d.patch, ...(d.placeAt ? placement(d.placeAt) : {}), updated_at: now }),
    conflict: (current) => badStatus(current, step),
    record: async (trx, o, d, { now, sdb }) => {
      const at = d.placeAt ? placement(d.placeAt) : placement(o);
      if (d.placeAt) await repo.placeChildren(trx, id, at);
      await d.also?.(trx);
      const actorOrg = await orgRepo.findById(sdb, actor.scope.orgId);
      const toStatus = d.patch.status ?? o.status;
      await repo.insertAction(trx, {
        ...at,
        work_order_id: id,
        at: now,
        actor_id: actor.userId,
        actor_name: actor.displayName,
        actor_org_id: actor.scope.orgId,
        actor_org_name: actorOrg?.name ?? '',
        action: step,
        from_status: o.status,
        to_status: toStatus,
        to_org_id: d.placeAt ? d.placeAt.org_id : null,
        to_org_name: d.placeAt ? d.placeAt.orgName : null,
        to_user_id: d.toUser?.id ?? null,
        to_user_name: d.toUser?.name ?? null,
        note: d.note ?? null,
        data_json: d.data ? JSON.stringify(d.data) : null,
      });
      await appendAudit(trx, ctx.clock, actor, {
        action: `work_order.${step}`,
        entityType: 'work_order',
        entityId: id,
        orgPath: at.org_path,
        chain: at.province_code,
        before: { status: o.status, orgId: Number(o.org_id), owner: o.owner_name },
        after: {
          status: toStatus,
          orgId: at.org_id,
          ...(d.toUser ? { toUser: d.toUser.name } : {}),
          ...(d.note ? { note: d.note } : {}),
          ...(d.data ?? {}),
        },
      });
      return {
        id,
        orderNo: o.order_no,
        status: toStatus,
        statusLabel: zh(workOrderStatuses, toStatus),
        orgId: at.org_id,
        ownerName: d.patch.owner_name === undefined ? o.owner_name : d.patch.owner_name,
        dueOn: d.patch.due_on ?? o.due_on,
      };
    },
  });
}

const placement = (p: { org_id: number; org_path: string; province_code: string }): TenantColumns => ({
  org_id: Number(p.org_id),
  org_path: p.org_path,
  province_code: p.province_code,
});
