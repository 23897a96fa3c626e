import {
  ChangeDecideSchema,
  ChangeDetailSchema,
  ChangeListItemSchema,
  ChangeNoticeSchema,
  ChangeQuerySchema,
  ChangeReviewSchema,
  FileDiffSchema,
  IdParamSchema,
  pageOf,
  StaffChangeSchema,
} from '@bangfu/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { type Api, errorResponses } from '../../platform/http/api.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { getChange, listChangeQueue, listFileChanges, versionDiff } from './archive.changes.read.js';
import {
  decideChange,
  finishChangeNotice,
  proposeChange,
  reviewChange,
  withdrawChange,
} from './archive.changes.service.js';

const tags = ['archive changes'];
const ChangeParam = z.object({ changeId: z.coerce.number().int().positive().max(2_147_483_647) });
const Reveal = z.object({ reveal: z.enum(['true', 'false']).optional() });
const StepResult = z.object({ id: z.number().int(), status: z.string() }).passthrough();
const version = z.coerce.number().int().positive().max(2_147_483_647);

/** 变更申请: propose (staff; workers in modules/self), review, decide (upper union), notice, withdraw; reads. */
export function registerArchiveChangeRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/v1/households/changes',
    {
      schema: {
        tags,
        summary: 'The queue of change requests in the caller’s subtree (status, node); masked',
        querystring: ChangeQuerySchema,
        response: { 200: pageOf(ChangeListItemSchema), ...errorResponses },
      },
    },
    async (req) => listChangeQueue(ctx, actorOf(req), req.query),
  );
  api.get(
    '/v1/households/changes/:changeId',
    {
      schema: {
        tags,
        summary: 'One change request with the field-level diff; reveal=true unmasks (personal.reveal; audited)',
        params: ChangeParam,
        querystring: Reveal,
        response: { 200: ChangeDetailSchema, ...errorResponses },
      },
    },
    async (req) => getChange(ctx, actorOf(req), req.params.changeId, { reveal: req.query.reveal === 'true' }),
  );
  api.post(
    '/v1/households/:id/changes',
    {
      schema: {
        tags,
        summary: 'Propose a change to a filed or relieved file: the whole file as it should read',
        params: IdParamSchema,
        body: StaffChangeSchema,
        response: {
          201: z.object({ id: z.number().int(), status: z.string(), needsUpper: z.boolean() }),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => reply.code(201).send(await proposeChange(ctx, actorOf(req), req.params.id, req.body)),
  );
  api.get(
    '/v1/households/:id/changes',
    {
      schema: {
        tags,
        summary: 'A file’s change requests (变更记录)',
        params: IdParamSchema,
        response: { 200: pageOf(ChangeListItemSchema), ...errorResponses },
      },
    },
    async (req) => listFileChanges(ctx, actorOf(req), req.params.id),
  );
  api.get(
    '/v1/households/:id/versions/:a/diff/:b',
    {
      schema: {
        tags,
        summary: 'The field-level difference between two versions of a file; reveal=true unmasks (audited)',
        params: z.object({ id: z.coerce.number().int().positive().max(2_147_483_647), a: version, b: version }),
        querystring: Reveal,
        response: {
          200: z.object({ from: z.number().int(), to: z.number().int(), diff: FileDiffSchema }),
          ...errorResponses,
        },
      },
    },
    async (req) =>
      versionDiff(ctx, actorOf(req), req.params.id, req.params.a, req.params.b, {
        reveal: req.query.reveal === 'true',
      }),
  );

  const step = <S extends z.ZodTypeAny>(
    path: string,
    summary: string,
    body: S | null,
    run: (actor: ReturnType<typeof actorOf>, id: number, body: z.infer<S>) => Promise<{ id: number; status: string }>,
  ) =>
    api.post(
      `/v1/households/changes/:changeId/${path}`,
      {
        schema: {
          tags,
          summary,
          params: ChangeParam,
          ...(body ? { body } : {}),
          response: { 200: StepResult, ...errorResponses },
        },
      },
      async (req) => run(actorOf(req), req.params.changeId, req.body as z.infer<S>),
    );
  step(
    'review',
    'The file’s union reviews a change (not the proposer): it takes effect, or goes up when the grade moves',
    ChangeReviewSchema,
    (a, id, b) => reviewChange(ctx, a, id, b),
  );
  step(
    'decide',
    'An upper union decides a change that moves the grade or eligibility (not the proposer or reviewer)',
    ChangeDecideSchema,
    (a, id, b) => decideChange(ctx, a, id, b),
  );
  step(
    'finish-notice',
    'The renewed notice of a grade change ended: confirm (takes effect) or reject',
    ChangeNoticeSchema,
    (a, id, b) => finishChangeNotice(ctx, a, id, b),
  );
  step('withdraw', 'The proposer withdraws a change not yet decided', null, (a, id) => withdrawChange(ctx, a, id));
}
