import {
  ATTACHMENT_MAX_BYTES,
  CallerQuerySchema,
  IdParamSchema,
  WorkOrderAssignSchema,
  WorkOrderCallbackSchema,
  WorkOrderCloseSchema,
  WorkOrderExtensionDecisionSchema,
  WorkOrderExtensionSchema,
  WorkOrderInputSchema,
  WorkOrderListQuerySchema,
  WorkOrderNoteSchema,
  WorkOrderQueueQuerySchema,
  WorkOrderReasonSchema,
  WorkOrderReportSchema,
  WorkOrderSuperviseSchema,
  WorkOrderTransferSchema,
  workOrderQueues,
} from '@bangfu/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { type Api, errorResponses } from '../../platform/http/api.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { addOrderAttachment, orderAttachmentContent } from './workorder.attachments.js';
import { callback, closeOrder, decideExtension, reopen, requestExtension } from './workorder.closing.js';
import { getOrder, listOrders, queueCounts, queueOrders, revealPerson } from './workorder.read.js';
import { callerHistory, registerOrder } from './workorder.register.js';
import {
  accept,
  assign,
  handleHere,
  progressNote,
  report,
  returnOrder,
  supervise,
  transfer,
} from './workorder.routing.js';

const tags = ['servicedesk'];
const Any = z.object({}).passthrough();
const ok = { response: { 200: Any, ...errorResponses } };
const id = z.coerce.number().int().positive().max(2_147_483_647);
const OrgIdOptionalQuerySchema = z.object({ orgId: id.optional() });

/** Work orders (工单) of the rights desk: registration, reads, queues, routing, deadlines, closing, callbacks. */
export function registerServiceDeskRoutes(api: Api, ctx: AppContext) {
  api.post(
    '/v1/work-orders',
    {
      schema: {
        tags,
        summary: 'Register a letter, visit, call, 12351 call or online message (来访登记; the registrant owns it)',
        body: WorkOrderInputSchema,
        response: { 201: Any, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await registerOrder(ctx, actorOf(req), req.body)),
  );
  api.get(
    '/v1/work-orders',
    {
      schema: {
        tags,
        summary: 'Work orders of a subtree by status, channel, category, number and date received',
        querystring: WorkOrderListQuerySchema,
        ...ok,
      },
    },
    async (req) => listOrders(ctx, actorOf(req), req.query),
  );
  api.get(
    '/v1/work-orders/queues/:queue',
    {
      schema: {
        tags,
        summary: 'The desk queues: mine, overdue, due today, due soon, awaiting acceptance, supervised, callbacks due',
        params: z.object({ queue: workOrderQueues.schema }),
        querystring: WorkOrderQueueQuerySchema,
        ...ok,
      },
    },
    async (req) => queueOrders(ctx, actorOf(req), req.params.queue, req.query),
  );
  api.get(
    '/v1/work-orders/queue-counts',
    {
      schema: {
        tags,
        summary: "How many orders each desk queue holds under a node (the desk's tabs)",
        querystring: OrgIdOptionalQuerySchema,
        ...ok,
      },
    },
    async (req) => queueCounts(ctx, actorOf(req), req.query.orgId),
  );
  api.get(
    '/v1/work-orders/caller',
    {
      schema: {
        tags,
        summary: "The caller's earlier orders and file, by phone or ID (exact search, audited)",
        querystring: CallerQuerySchema,
        ...ok,
      },
    },
    async (req) => callerHistory(ctx, actorOf(req), req.query),
  );
  api.get(
    '/v1/work-orders/:id',
    { schema: { tags, summary: 'One work order with its history', params: IdParamSchema, ...ok } },
    async (req) => getOrder(ctx, actorOf(req), req.params.id),
  );
  api.get(
    '/v1/work-orders/:id/person',
    {
      schema: {
        tags,
        summary: 'The full ID number and phone of the person (audited; confidential: owner, supervisors, auditors)',
        params: IdParamSchema,
        ...ok,
      },
    },
    async (req) => revealPerson(ctx, actorOf(req), req.params.id),
  );

  const step = <B extends z.ZodTypeAny>(
    path: string,
    summary: string,
    body: B | null,
    run: (actor: ReturnType<typeof actorOf>, orderId: number, body: z.infer<B>) => Promise<Record<string, unknown>>,
  ) =>
    api.post(
      `/v1/work-orders/:id/${path}`,
      { schema: { tags, summary, params: IdParamSchema, ...(body ? { body } : {}), ...ok } },
      async (req) => run(actorOf(req), req.params.id, req.body as z.infer<B>),
    );
  step('handle-here', '自办: the owner handles it at this node', null, (a, i) => handleHere(ctx, a, i));
  step(
    'transfer',
    '转办: down to a union in the subtree, or to an outside body with its reference',
    WorkOrderTransferSchema,
    (a, i, b) => transfer(ctx, a, i, b),
  );
  step('assign', '交办: to a colleague at the same node', WorkOrderAssignSchema, (a, i, b) => assign(ctx, a, i, b));
  step('accept', 'The receiving union accepts it (签收)', null, (a, i) => accept(ctx, a, i));
  step(
    'return',
    'The receiving union returns it to the sender with a reason (退回)',
    WorkOrderReasonSchema,
    (a, i, b) => returnOrder(ctx, a, i, b.reason),
  );
  step('supervise', '督办: an upper union sets a deadline and demands a report', WorkOrderSuperviseSchema, (a, i, b) =>
    supervise(ctx, a, i, b),
  );
  step('note', 'A progress note (办理情况)', WorkOrderNoteSchema, (a, i, b) => progressNote(ctx, a, i, b.note));
  step(
    'extension',
    'The owner asks for the one extension (reason, working days)',
    WorkOrderExtensionSchema,
    (a, i, b) => requestExtension(ctx, a, i, b),
  );
  step(
    'extension/decision',
    "The owner's superior decides the extension",
    WorkOrderExtensionDecisionSchema,
    (a, i, b) => decideExtension(ctx, a, i, b),
  );
  step('close', 'Close with the reply given (method, result, wages recovered in 分)', WorkOrderCloseSchema, (a, i, b) =>
    closeOrder(ctx, a, i, b),
  );
  step('callback', '回访: the person’s satisfaction', WorkOrderCallbackSchema, (a, i, b) => callback(ctx, a, i, b));
  step(
    'reopen',
    'Reopen an unsatisfied order (owner’s superior or supervising union)',
    WorkOrderReasonSchema,
    (a, i, b) => reopen(ctx, a, i, b.reason),
  );

  api.post(
    '/v1/work-orders/:id/supervisions/:supervisionId/report',
    {
      schema: {
        tags,
        summary: 'Report to a supervision (once)',
        params: z.object({ id, supervisionId: id }),
        body: WorkOrderReportSchema,
        ...ok,
      },
    },
    async (req) => report(ctx, actorOf(req), req.params.id, req.params.supervisionId, req.body.report),
  );
  api.post(
    '/v1/work-orders/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Attach a letter, scan or photo (JPG, PNG, PDF ≤ 10 MB, multipart field "file")',
        consumes: ['multipart/form-data'],
        params: IdParamSchema,
      },
    },
    async (req, reply) => {
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const file = await req.file({ limits: { fileSize: ATTACHMENT_MAX_BYTES } });
      if (!file) throw new AppError('ATTACHMENT_TYPE');
      const content = await file.toBuffer();
      if (file.file.truncated) throw new AppError('ATTACHMENT_TOO_LARGE');
      return reply
        .code(201)
        .send(await addOrderAttachment(ctx, actorOf(req), req.params.id, { filename: file.filename, content }));
    },
  );
  api.get(
    '/v1/work-orders/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Download an attachment (audited)',
        params: z.object({ id, attachmentId: id }),
      },
    },
    async (req, reply) => {
      const a = await orderAttachmentContent(ctx, actorOf(req), req.params.id, req.params.attachmentId);
      return reply
        .type(a.mime)
        .header(
          'content-disposition',
          `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(a.filename)}`,
        )
        .send(a.content);
    },
  );
}
