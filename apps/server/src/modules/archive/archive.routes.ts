import {
  HouseholdInputSchema,
  HouseholdListItemSchema,
  HouseholdQuerySchema,
  IdParamSchema,
  pageOf,
} from '@bangfu/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { type Api, errorResponses } from '../../platform/http/api.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { fileHistory, fileVersion, getFile, listFiles } from './archive.read.js';
import { createFile, updateFile } from './archive.service.js';

const tags = ['archive'];
const Created = z.object({ id: z.number().int(), fileNo: z.string() });

export function registerArchiveRoutes(api: Api, ctx: AppContext) {
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
        params: z.object({ id: z.coerce.number().int().positive(), version: z.coerce.number().int().positive() }),
      },
    },
    async (req) => fileVersion(ctx, actorOf(req), req.params.id, req.params.version),
  );
}
