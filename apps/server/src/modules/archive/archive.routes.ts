import {
  ATTACHMENT_MAX_BYTES,
  attachmentKinds,
  HouseholdInputSchema,
  HouseholdListItemSchema,
  HouseholdQuerySchema,
  IdParamSchema,
  pageOf,
} from '@bangfu/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { type Api, errorResponses } from '../../platform/http/api.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { addAttachment, attachmentContent, listAttachments, removeAttachment } from './archive.attachments.js';
import { fileHistory, fileVersion, getFile, listFiles } from './archive.read.js';
import { createFile, updateFile } from './archive.service.js';

const tags = ['archive'];
const Created = z.object({ id: z.number().int(), fileNo: z.string() });

export function registerArchiveRoutes(api: Api, ctx: AppContext) {
  api.post(
    '/v1/households/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Attach a JPG, PNG or PDF (≤ 10 MB, multipart field "file"); kind says what it is',
        consumes: ['multipart/form-data'],
        params: IdParamSchema,
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
        await addAttachment(ctx, actorOf(req), req.params.id, {
          kind: req.query.kind,
          filename: file.filename,
          content,
        }),
      );
    },
  );
  api.get(
    '/v1/households/:id/attachments',
    { schema: { tags, summary: 'Attachments of a file (metadata)', params: IdParamSchema } },
    async (req) => listAttachments(ctx, actorOf(req), req.params.id),
  );
  api.get(
    '/v1/households/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Download an attachment (needs personal.reveal; audited)',
        params: z.object({ id: z.coerce.number().int().positive(), attachmentId: z.coerce.number().int().positive() }),
      },
    },
    async (req, reply) => {
      const a = await attachmentContent(ctx, actorOf(req), req.params.id, req.params.attachmentId);
      return reply
        .type(a.mime)
        .header(
          'content-disposition',
          `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(a.filename)}`,
        )
        .send(a.content);
    },
  );

  api.post(
    '/v1/households/:id/attachments/:attachmentId/remove',
    {
      schema: {
        tags,
        summary: 'Remove an attachment from the list (kept, marked removed, audited)',
        params: z.object({ id: z.coerce.number().int().positive(), attachmentId: z.coerce.number().int().positive() }),
        body: z.object({ reason: z.string().trim().min(1).max(500) }),
        response: { 200: z.object({ id: z.number().int(), removed: z.boolean() }), ...errorResponses },
      },
    },
    async (req) => removeAttachment(ctx, actorOf(req), req.params.id, req.params.attachmentId, req.body.reason),
  );

  api.get(
    '/v1/households',
    {
      schema: {
        tags,
        summary:
          'Search files in the caller’s subtree (name, pinyin initials, full or partial ID, phone, file number, status, grade, cause); pinyin order',
        querystring: HouseholdQuerySchema,
        response: { 200: pageOf(HouseholdListItemSchema), ...errorResponses },
      },
    },
    async (req) => listFiles(ctx, actorOf(req), req.query),
  );
  api.post(
    '/v1/households',
    {
      schema: {
        tags,
        summary: 'File a household (draft)',
        body: HouseholdInputSchema,
        response: { 201: Created, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await createFile(ctx, actorOf(req), req.body)),
  );
  api.get(
    '/v1/households/:id',
    {
      schema: {
        tags,
        summary: 'One file; reveal=true shows full personal data (needs personal.reveal; audited)',
        params: IdParamSchema,
        querystring: z.object({ reveal: z.enum(['true', 'false']).optional() }),
      },
    },
    async (req) => getFile(ctx, actorOf(req), req.params.id, { reveal: req.query.reveal === 'true' }),
  );
  api.put(
    '/v1/households/:id',
    {
      schema: {
        tags,
        summary: 'Edit a file while it is a draft, submitted or under verification (a new version)',
        params: IdParamSchema,
        querystring: z.object({ expectedVersion: z.coerce.number().int().positive().optional() }),
        body: HouseholdInputSchema,
        response: { 200: z.object({ id: z.number().int(), version: z.number().int() }), ...errorResponses },
      },
    },
    async (req) => updateFile(ctx, actorOf(req), req.params.id, req.body, req.query.expectedVersion),
  );
  api.get(
    '/v1/households/:id/history',
    { schema: { tags, summary: 'Versions and workflow steps of a file', params: IdParamSchema } },
    async (req) => fileHistory(ctx, actorOf(req), req.params.id),
  );
  api.get(
    '/v1/households/:id/versions/:version',
    {
      schema: {
        tags,
        summary: 'One earlier version, whole (needs personal.reveal; audited)',
        // A version is a 32-bit integer column: a larger number names no version (400, not a database error).
        params: z.object({
          id: z.coerce.number().int().positive(),
          version: z.coerce.number().int().positive().max(2_147_483_647),
        }),
      },
    },
    async (req) => fileVersion(ctx, actorOf(req), req.params.id, req.params.version),
  );
}
