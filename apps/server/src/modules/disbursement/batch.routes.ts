import { BatchInputSchema, CommentSchema, DecisionSchema, IdParamSchema, RefusePaymentSchema } from '@bangfu/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { type Api, errorResponses } from '../../platform/http/api.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { TEXT_LINE_LIMITS } from '../../platform/tabular/text-lines.js';
import { bankFile, markSentToBank, paymentList, paymentListXlsx } from './batch.export.js';
import { payBatch, reconcileBatch } from './batch.pay.js';
import {
  batchGrants,
  commentBatch,
  createBatch,
  decideBatch,
  getBatch,
  listBatches,
  refuseBatchPayment,
  resumeBatch,
  submitBatch,
} from './batch.service.js';

const tags = ['disbursement'];
const Any = z.object({}).passthrough();
const Page = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  status: z.string().max(30).optional(),
});
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (ascii: string, zh: string) =>
  `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(zh)}`;

/** Disbursement batches: compute, approve (maker-checker, by amount), pay, export, reconcile. */
export function registerBatchRoutes(api: Api, ctx: AppContext) {
  const r = { response: { 200: Any, ...errorResponses } };
  api.post(
    '/v1/batches',
    {
      schema: {
        tags,
        summary: 'Create and compute a batch (background, with progress)',
        body: BatchInputSchema,
        response: { 202: Any, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(202).send(await createBatch(ctx, actorOf(req), req.body)),
  );
  api.get(
    '/v1/batches',
    {
      schema: {
        tags,
        summary: 'Batches of a subtree',
        querystring: Page.extend({ orgId: z.coerce.number().int().positive().optional() }),
        ...r,
      },
    },
    async (req) => listBatches(ctx, actorOf(req), req.query),
  );
  api.get(
    '/v1/batches/:id',
    {
      schema: {
        tags,
        summary: 'A batch with progress, totals, skipped files and approvals',
        params: IdParamSchema,
        ...r,
      },
    },
    async (req) => getBatch(ctx, actorOf(req), req.params.id),
  );
  api.get(
    '/v1/batches/:id/grants',
    {
      schema: {
        tags,
        summary: 'The grants of a batch, each with its explanation',
        params: IdParamSchema,
        querystring: Page,
        ...r,
      },
    },
    async (req) => batchGrants(ctx, actorOf(req), req.params.id, req.query),
  );
  api.post(
    '/v1/batches/:id/resume',
    { schema: { tags, summary: 'Resume an interrupted computation', params: IdParamSchema, ...r } },
    async (req) => resumeBatch(ctx, actorOf(req), req.params.id),
  );
  api.post(
    '/v1/batches/:id/submit',
    {
      schema: {
        tags,
        summary: 'Send for approval (level by amount)',
        params: IdParamSchema,
        body: z.object({ comment: z.string().trim().max(1000).optional() }),
        ...r,
      },
    },
    async (req) => submitBatch(ctx, actorOf(req), req.params.id, req.body.comment),
  );
  api.post(
    '/v1/batches/:id/decision',
    {
      schema: {
        tags,
        summary: 'Approve or reject (not by its proposer)',
        params: IdParamSchema,
        body: DecisionSchema,
        ...r,
      },
    },
    async (req) => decideBatch(ctx, actorOf(req), req.params.id, req.body),
  );
  api.post(
    '/v1/batches/:id/refuse-payment',
    {
      schema: {
        tags,
        summary: 'Finance refuses to pay an approved batch, with a reason: it goes back to the approvers',
        params: IdParamSchema,
        body: RefusePaymentSchema,
        ...r,
      },
    },
    async (req) => refuseBatchPayment(ctx, actorOf(req), req.params.id, req.body.reason),
  );
  api.post(
    '/v1/batches/:id/comments',
    { schema: { tags, summary: 'Comment on a batch', params: IdParamSchema, body: CommentSchema, ...r } },
    async (req) => commentBatch(ctx, actorOf(req), req.params.id, req.body.comment),
  );
  api.post(
    '/v1/batches/:id/pay',
    {
      schema: {
        tags,
        summary: 'Bank transfer confirmed: pay the approved grants (one ledger entry)',
        params: IdParamSchema,
        body: z.object({ grantIds: z.array(z.number().int().positive()).max(100_000).optional() }),
        ...r,
      },
    },
    async (req) => payBatch(ctx, actorOf(req), req.params.id, req.body.grantIds),
  );
  api.post(
    '/v1/batches/:id/reconcile',
    {
      schema: {
        tags,
        summary: "Reconcile from the bank's result file (CSV 流水号,结果,原因), as text or multipart field file",
        params: IdParamSchema,
        ...r,
      },
    },
    async (req) => {
      let text: string;
      if (req.isMultipart()) {
        const file = await req.file({ limits: { fileSize: TEXT_LINE_LIMITS.maxFileBytes } });
        text = file ? (await file.toBuffer()).toString('utf8') : '';
      } else text = typeof req.body === 'string' ? req.body : String((req.body as { csv?: string } | null)?.csv ?? '');
      return reconcileBatch(ctx, actorOf(req), req.params.id, text);
    },
  );
  api.get(
    '/v1/batches/:id/payment-list',
    { schema: { tags, summary: 'The real-name payment list (print view, 名单公示)', params: IdParamSchema, ...r } },
    async (req) => paymentList(ctx, actorOf(req), req.params.id),
  );
  api.get(
    '/v1/batches/:id/payment-list.xlsx',
    {
      schema: {
        tags,
        summary: 'The payment list as .xlsx (A4, signature column)',
        params: IdParamSchema,
        produces: [XLSX],
      },
    },
    async (req, reply) =>
      reply
        .type(XLSX)
        .header('content-disposition', attachment('payment-list.xlsx', '发放名单.xlsx'))
        .send(await paymentListXlsx(ctx, actorOf(req), req.params.id)),
  );
  api.get(
    '/v1/batches/:id/bank-file.csv',
    {
      schema: {
        tags,
        summary: 'The bank transfer file (full card numbers, formula cells neutralised; audited); changes nothing',
        params: IdParamSchema,
        produces: ['text/csv'],
      },
    },
    async (req, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment('bank-transfer.csv', '银行代发文件.csv'))
        .send(await bankFile(ctx, actorOf(req), req.params.id)),
  );
  api.post(
    '/v1/batches/:id/sent-to-bank',
    {
      schema: {
        tags,
        summary: 'The bank file went to the bank: the batch moves to 发放中',
        params: IdParamSchema,
        ...r,
      },
    },
    async (req) => markSentToBank(ctx, actorOf(req), req.params.id),
  );
}
