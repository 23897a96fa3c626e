import {
  ATTACHMENT_MAX_BYTES,
  attachmentKinds,
  BindCodeSchema,
  CreateWorkerAccountSchema,
  HouseholdInputSchema,
  IdParamSchema,
  SelfBindSchema,
  SelfChangeSchema,
  SelfChangesSchema,
  UserSchema,
} from '@bangfu/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { type Api, errorResponses } from '../../platform/http/api.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { bindWithCode, issueBindCode, openWorkerAccount } from './self.binding.js';
import { attachToSelfChange, ownChanges, proposeSelfChange, withdrawSelfChange } from './self.changes.js';
import { applyForSelf, ownFile } from './self.service.js';

const tags = ['worker self-service'];

export function registerSelfRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/v1/self/file',
    {
      schema: {
        tags,
        summary: 'The signed-in worker’s own file: status, steps, help received',
      },
    },
    async (req) => ownFile(ctx, actorOf(req)),
  );
  api.post(
    '/v1/self/application',
    {
      schema: {
        tags,
        summary: 'A worker applies for themselves (submitted to their union for review)',
        body: HouseholdInputSchema.omit({ orgId: true }).extend({ orgId: HouseholdInputSchema.shape.orgId.optional() }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return reply.code(201).send(await applyForSelf(ctx, actor, { ...req.body, orgId: actor.scope.orgId }));
    },
  );
  api.post(
    '/v1/self/changes',
    {
      schema: {
        tags,
        summary:
          'A worker reports a change to their filed household (phone, address, bank card, members, work, health)',
        body: SelfChangeSchema,
        response: {
          201: z.object({ id: z.number().int(), status: z.string(), kinds: z.array(z.string()) }),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => reply.code(201).send(await proposeSelfChange(ctx, actorOf(req), req.body)),
  );
  api.get(
    '/v1/self/changes',
    {
      schema: {
        tags,
        summary: 'The worker’s own change requests and their status; the members of the file by place',
        response: { 200: SelfChangesSchema, ...errorResponses },
      },
    },
    async (req) => ownChanges(ctx, actorOf(req)),
  );
  api.post(
    '/v1/self/changes/:changeId/withdraw',
    {
      schema: {
        tags,
        summary: 'The worker withdraws their own change request while it is not yet decided',
        params: z.object({ changeId: z.coerce.number().int().positive().max(2_147_483_647) }),
        response: { 200: z.object({ id: z.number().int(), status: z.string() }), ...errorResponses },
      },
    },
    async (req) => withdrawSelfChange(ctx, actorOf(req), req.params.changeId),
  );
  api.post(
    '/v1/self/changes/:changeId/attachments',
    {
      schema: {
        tags,
        summary: 'The worker attaches evidence (JPG, PNG or PDF ≤ 10 MB, multipart field "file") to their own request',
        consumes: ['multipart/form-data'],
        params: z.object({ changeId: z.coerce.number().int().positive().max(2_147_483_647) }),
        querystring: z.object({ kind: z.enum(attachmentKinds) }),
      },
    },
    async (req, reply) => {
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const file = await req.file({ limits: { fileSize: ATTACHMENT_MAX_BYTES } });
      if (!file) throw new AppError('ATTACHMENT_TYPE');
      const content = await file.toBuffer();
      if (file.file.truncated) throw new AppError('ATTACHMENT_TOO_LARGE');
      return reply.code(201).send(
        await attachToSelfChange(ctx, actorOf(req), req.params.changeId, {
          kind: req.query.kind,
          filename: file.filename,
          content,
        }),
      );
    },
  );
  api.post(
    '/v1/self/bind',
    {
      schema: {
        tags,
        summary: 'A worker links their account to their file with the one-time code from their union and their ID',
        body: SelfBindSchema,
        response: { 200: z.object({ fileNo: z.string() }), ...errorResponses },
      },
    },
    async (req) => bindWithCode(ctx, actorOf(req), req.body),
  );
  api.post(
    '/v1/households/:id/worker-account',
    {
      schema: {
        tags,
        summary: 'Open the worker’s self-service account from their file (the union holding the file)',
        params: IdParamSchema,
        body: CreateWorkerAccountSchema,
        response: { 201: UserSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await openWorkerAccount(ctx, actorOf(req), req.params.id, req.body)),
  );
  api.post(
    '/v1/households/:id/bind-code',
    {
      schema: {
        tags,
        summary: 'Issue a one-time code the worker enters to link their account to this file (shown once)',
        params: IdParamSchema,
        response: { 201: BindCodeSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await issueBindCode(ctx, actorOf(req), req.params.id)),
  );
}
