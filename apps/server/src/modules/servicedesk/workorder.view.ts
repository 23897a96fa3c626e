import {
  OPEN_WORK_ORDER_STATUSES,
  outsideBodies,
  replyMethods,
  satisfactions,
  workOrderActions,
  workOrderCategories,
  workOrderChannels,
  workOrderDifficulties,
  workOrderResults,
  workOrderStatuses,
  workOrderUrgencies,
} from '@bangfu/contracts';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, allows } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import { categoriesOf, SECRET } from './servicedesk.rules.js';
import type * as repo from './workorder.repository.js';

const zh = (list: { zh: object }, code: string | null) =>
  code === null ? null : ((list.zh as Record<string, string>)[code] ?? code);

/**
 * 检举控告保守秘密: a confidential person is seen only by the order's owner, the unions supervising it and auditors
 * (servicedesk.reveal); everyone else reads 保密 for name, ID, phone, employer and representatives.
 */
export function maySeePerson(actor: Actor, o: repo.WorkOrderRow, supervisors: readonly number[]): boolean {
  if (o.confidential !== 1) return true;
  if (actor.userId !== null && o.owner_user_id !== null && Number(o.owner_user_id) === actor.userId) return true;
  if (supervisors.includes(actor.scope.orgId)) return true;
  return allows(actor, 'servicedesk.reveal') && !actor.system;
}

function personOf(o: repo.WorkOrderRow, visible: boolean) {
  if (!visible)
    return {
      confidential: true,
      hidden: true,
      name: SECRET,
      idMasked: o.id_mask ? SECRET : null,
      phoneMasked: o.phone_mask ? SECRET : null,
      employer: o.employer ? SECRET : null,
      householdId: null,
    };
  return {
    confidential: o.confidential === 1,
    hidden: false,
    name: o.person_name,
    idMasked: o.id_mask,
    phoneMasked: o.phone_mask,
    employer: o.employer,
    householdId: o.household_id === null ? null : Number(o.household_id),
  };
}

export function toSummary(o: repo.WorkOrderRow, visible: boolean, today: string) {
  const categories = categoriesOf(o.categories);
  const open = (OPEN_WORK_ORDER_STATUSES as readonly string[]).includes(o.status);
  return {
    id: Number(o.id),
    orderNo: o.order_no,
    channel: o.channel,
    channelLabel: zh(workOrderChannels, o.channel),
    receivedAt: o.received_at,
    receivedOn: o.received_on,
    person: personOf(o, visible),
    categories,
    categoryLabels: categories.map((c) => zh(workOrderCategories, c)),
    excerpt: o.content.length > 60 ? `${o.content.slice(0, 60)}…` : o.content,
    collective: o.collective === 1,
    headCount: o.head_count,
    urgency: o.urgency,
    urgencyLabel: zh(workOrderUrgencies, o.urgency),
    difficulty: o.difficulty,
    difficultyLabel: zh(workOrderDifficulties, o.difficulty),
    status: o.status,
    statusLabel: zh(workOrderStatuses, o.status),
    org: { id: Number(o.org_id), name: o.org_name },
    owner: o.owner_user_id === null ? null : { id: Number(o.owner_user_id), name: o.owner_name },
    dueOn: o.due_on,
    dueDays: o.due_days,
    dueProvisional: o.due_provisional === 1,
    overdue: open && o.due_on < today,
    dueToday: open && o.due_on === today,
    extension:
      o.ext_status === null
        ? null
        : { status: o.ext_status, workingDays: o.ext_days, reason: o.ext_reason, requestedBy: o.ext_requested_by_name },
    closedOn: o.closed_on,
    onTime: o.on_time === null ? null : o.on_time === 1,
    wagesRecoveredFen: Number(o.wages_recovered_fen),
    satisfaction: o.satisfaction,
    satisfactionLabel: zh(satisfactions, o.satisfaction),
    reopenCount: o.reopen_count,
    repeatOf: o.repeat_of === null ? null : Number(o.repeat_of),
    version: o.version,
  };
}

type ActionRow = Awaited<ReturnType<typeof repo.actionsOf>>[number];
type SupervisionRow = Awaited<ReturnType<typeof repo.supervisionsOf>>[number];
type AttachmentRow = Awaited<ReturnType<typeof repo.attachmentsOf>>[number];

export function toDetail(
  o: repo.WorkOrderRow,
  visible: boolean,
  today: string,
  more: {
    actions: ActionRow[];
    supervisions: SupervisionRow[];
    attachments: AttachmentRow[];
    household: { id: number; fileNo: string; name: string; status: string } | null;
  },
) {
  return {
    ...toSummary(o, visible, today),
    content: o.content,
    representatives: o.representatives === null ? null : visible ? o.representatives : SECRET,
    household: visible ? more.household : null,
    registeredBy: o.registered_by_name,
    registeredOrgId: Number(o.registered_org_id),
    sentBy: o.sent_by_name,
    returnReason: o.return_reason,
    outside:
      o.outside_body === null
        ? null
        : {
            body: o.outside_body,
            bodyLabel: zh(outsideBodies, o.outside_body),
            name: o.outside_name,
            reference: o.outside_ref,
          },
    extension:
      o.ext_status === null
        ? null
        : {
            status: o.ext_status,
            workingDays: o.ext_days,
            reason: o.ext_reason,
            requestedBy: o.ext_requested_by_name,
            decidedBy: o.ext_decided_by_name,
            decidedAt: o.ext_decided_at,
            note: o.ext_note,
          },
    reply:
      o.reply === null
        ? null
        : {
            method: o.reply_method,
            methodLabel: zh(replyMethods, o.reply_method),
            text: o.reply,
            result: o.result,
            resultLabel: zh(workOrderResults, o.result),
            closedAt: o.closed_at,
            closedBy: o.closed_by_name,
          },
    callback:
      o.satisfaction === null
        ? null
        : { satisfaction: o.satisfaction, at: o.callback_at, by: o.callback_by_name, note: o.callback_note },
    actions: more.actions.map((a) => ({
      id: Number(a.id),
      at: a.at,
      action: a.action,
      actionLabel: zh(workOrderActions, a.action),
      actor: a.actor_name,
      actorOrg: a.actor_org_name,
      fromStatus: a.from_status,
      toStatus: a.to_status,
      toOrg: a.to_org_id === null ? null : { id: Number(a.to_org_id), name: a.to_org_name },
      toUser: a.to_user_id === null ? null : { id: Number(a.to_user_id), name: a.to_user_name },
      note: a.note,
      data: a.data_json ? JSON.parse(a.data_json) : null,
    })),
    supervisions: more.supervisions.map((s) => ({
      id: Number(s.id),
      supervisor: { id: Number(s.supervisor_org_id), name: s.supervisor_org_name },
      dueOn: s.due_on,
      demand: s.demand,
      by: s.created_by_name,
      at: s.created_at,
      report: s.report,
      reportedBy: s.reported_by_name,
      reportedAt: s.reported_at,
      overdue: s.reported_at === null && s.due_on < today,
    })),
    attachments: more.attachments.map((a) => ({
      id: Number(a.id),
      filename: a.filename,
      mime: a.mime,
      sizeBytes: a.size_bytes,
      sha256: a.sha256,
      uploadedBy: a.uploaded_by_name,
      uploadedAt: a.uploaded_at,
    })),
  };
}

/** Every view of a confidential person is a reveal: one audit entry per order shown (`*.read_personal`). */
export async function auditConfidentialViews(
  ctx: AppContext,
  actor: Actor,
  shown: repo.WorkOrderRow[],
  view: 'list' | 'detail' | 'caller' | 'person',
) {
  const confidential = shown.filter((o) => o.confidential === 1);
  if (confidential.length === 0) return;
  await transaction(ctx, async (trx) => {
    for (const o of confidential)
      await appendAudit(trx, ctx.clock, actor, {
        action: 'work_order.read_personal',
        entityType: 'work_order',
        entityId: Number(o.id),
        orgPath: o.org_path,
        chain: o.province_code,
        after: { orderNo: o.order_no, confidential: true, view },
      });
  });
}
