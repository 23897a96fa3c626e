import {
  ApprovalSchema,
  ArchiveSettingsSchema,
  CancelSchema,
  ClashPageSchema,
  ClashQuerySchema,
  HouseholdListItemSchema,
  IdParamSchema,
  ObjectionSchema,
  pageOf,
  QueueParamSchema,
  ReviewDecisionSchema,
  ReviewRecordSchema,
  StatusChangeSchema,
  TransferSchema,
  VerificationSchema,
} from '@bangfu/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { type Api, errorResponses } from '../../platform/http/api.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { listScopedClashes } from './archive.clashes.js';
import { cancelFile, exitFile, promoteFile, recordReview, relieveFile, transferFile } from './archive.manage.js';
import { queueFiles } from './archive.read.js';
import { getSettings, putSettings } from './archive.settings.js';
import {
  approveFile,
  finishNotice,
  raiseObjection,
  reviewFile,
  submitFile,
  verifyObjection,
} from './archive.workflow.js';

const tags = ['archive workflow'];
const StepResult = z.object({ id: z.number().int(), status: z.string() }).passthrough();
const SettingsResult = ArchiveSettingsSchema.extend({ definedAt: z.number().int().nullable() });

/** 申请 → 审核 (入户核实) → 公示 (异议 → 核实 → 重新公示) → 审批 → 在档. */
export function registerArchiveWorkflowRoutes(api: Api, ctx: AppContext) {
  const post = <S extends z.ZodTypeAny>(
    path: string,
    summary: string,
    body: S | null,
    run: (actor: ReturnType<typeof actorOf>, id: number, body: z.infer<S>) => Promise<{ id: number; status: string }>,
  ) =>
    api.post(
      `/v1/households/:id/${path}`,
      {
        schema: {
          tags,
          summary,
          params: IdParamSchema,
          ...(body ? { body } : {}),
          response: { 200: StepResult, ...errorResponses },
        },
      },
      async (req) => run(actorOf(req), req.params.id, req.body as z.infer<S>),
    );
  post('submit', 'Submit a draft for review (clerk)', null, (a, id) => submitFile(ctx, a, id));
  post(
    'review',
    'Unit review with the home-visit record: pass starts the public notice',
    ReviewDecisionSchema,
    (a, id, b) => reviewFile(ctx, a, id, b),
  );
  post('objection', 'Record an objection during the notice: back to verification', ObjectionSchema, (a, id, b) =>
    raiseObjection(ctx, a, id, b),
  );
  post('verify', 'After verifying an objection: a new notice, or rejection', VerificationSchema, (a, id, b) =>
    verifyObjection(ctx, a, id, b),
  );
  post('finish-notice', 'The notice ended without objection: send up for approval', null, (a, id) =>
    finishNotice(ctx, a, id),
  );
  post(
    'approve',
    'The upper union approves (在档, grade confirmed or overridden with a reason) or rejects',
    ApprovalSchema,
    (a, id, b) => approveFile(ctx, a, id, b),
  );

  api.get(
    '/v1/archive/settings/:id',
    {
      schema: {
        tags,
        summary: 'Notice days and review interval in force at a node',
        params: IdParamSchema,
        response: { 200: SettingsResult, ...errorResponses },
      },
    },
    async (req) => getSettings(ctx, actorOf(req), req.params.id),
  );
  api.put(
    '/v1/archive/settings/:id',
    {
      schema: {
        tags,
        summary: 'Set a node’s notice days and review interval (inherited below)',
        params: IdParamSchema,
        body: ArchiveSettingsSchema,
        response: { 200: SettingsResult, ...errorResponses },
      },
    },
    async (req) => putSettings(ctx, actorOf(req), req.params.id, req.body),
  );
}

/** 动态管理: reviews, 解困/脱困, 注销, transfer, 转正, and the work queues. */
export function registerArchiveManageRoutes(api: Api, ctx: AppContext) {
  const post = <S extends z.ZodTypeAny>(
    path: string,
    summary: string,
    body: S,
    run: (actor: ReturnType<typeof actorOf>, id: number, body: z.infer<S>) => Promise<{ id: number; status: string }>,
  ) =>
    api.post(
      `/v1/households/:id/${path}`,
      {
        schema: {
          tags: ['archive management'],
          summary,
          params: IdParamSchema,
          body,
          response: { 200: StepResult, ...errorResponses },
        },
      },
      async (req) => run(actorOf(req), req.params.id, req.body as z.infer<S>),
    );
  post('reviews', 'Record a periodic review (phone, visit, data comparison)', ReviewRecordSchema, (a, id, b) =>
    recordReview(ctx, a, id, b),
  );
  post('relieve', '解困: lives at the 低保 level with aid', StatusChangeSchema, (a, id, b) =>
    relieveFile(ctx, a, id, b.reason),
  );
  post('exit', '脱困: out of difficulty', StatusChangeSchema, (a, id, b) => exitFile(ctx, a, id, b.reason));
  post('cancel', '注销: death, misidentification, moved away', CancelSchema, (a, id, b) => cancelFile(ctx, a, id, b));
  post('transfer', 'Transfer the file to another organisation in scope', TransferSchema, (a, id, b) =>
    transferFile(ctx, a, id, b),
  );
  post('promote', '转正: a temporary-relief file becomes a full file', StatusChangeSchema, (a, id, b) =>
    promoteFile(ctx, a, id, b.reason),
  );
  api.get(
    '/v1/households/queues/:queue',
    {
      schema: {
        tags: ['archive management'],
        summary: 'Work queues: due (30 days), overdue, stale (12 months), never_assisted, notice (the notice list)',
        params: QueueParamSchema,
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(500).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: pageOf(HouseholdListItemSchema), ...errorResponses },
      },
    },
    async (req) => queueFiles(ctx, actorOf(req), req.params.queue, req.query),
  );
  api.get(
    '/v1/households/clashes',
    {
      schema: {
        tags: ['archive management'],
        summary:
          '一人一档: persons held by more than one active file, one of them in scope (a file outside names its union only)',
        querystring: ClashQuerySchema,
        response: { 200: ClashPageSchema, ...errorResponses },
      },
    },
    async (req) => listScopedClashes(ctx, actorOf(req), req.query),
  );
}
