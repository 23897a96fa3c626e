import {
  CreateOrgSchema,
  IdParamSchema,
  MoveOrgSchema,
  OrgImportResultSchema,
  OrgListQuerySchema,
  OrgSchema,
  pageOf,
  UpdateOrgSchema,
} from '@bangfu/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { type Api, errorResponses } from '../../platform/http/api.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { exportOrgsCsv, importOrgs } from './orgs.import.js';
import { createOrg, getMyRoot, getOrg, listOrgs, moveOrg, setOrgStatus, updateOrg } from './orgs.service.js';

const tags = ['orgs'];

export function registerOrgRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/v1/orgs',
    {
      schema: {
        tags,
        summary: 'List children of a node (parentId) or search the caller’s subtree (q, type, status)',
        querystring: OrgListQuerySchema,
        response: { 200: pageOf(OrgSchema), ...errorResponses },
      },
    },
    async (req) => listOrgs(ctx, actorOf(req), req.query),
  );
  api.get(
    '/v1/orgs/root',
    {
      schema: {
        tags,
        summary: 'The caller’s own node: the top of their subtree',
        response: { 200: OrgSchema, ...errorResponses },
      },
    },
    async (req) => getMyRoot(ctx, actorOf(req)),
  );
  api.get(
    '/v1/orgs/export.csv',
    { schema: { tags, summary: 'Export the caller’s subtree as CSV (the import layout)', produces: ['text/csv'] } },
    async (req, reply) => {
      const csv = await exportOrgsCsv(ctx, actorOf(req));
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="orgs.csv"')
        .send(csv);
    },
  );
  api.get(
    '/v1/orgs/:id',
    { schema: { tags, summary: 'One node', params: IdParamSchema, response: { 200: OrgSchema, ...errorResponses } } },
    async (req) => getOrg(ctx, actorOf(req), req.params.id),
  );
  api.post(
    '/v1/orgs',
    {
      schema: {
        tags,
        summary: 'Create a node under a parent in scope',
        body: CreateOrgSchema,
        response: { 201: OrgSchema, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await createOrg(ctx, actorOf(req), req.body)),
  );
  api.patch(
    '/v1/orgs/:id',
    {
      schema: {
        tags,
        summary: 'Rename, retype or recode a node',
        params: IdParamSchema,
        body: UpdateOrgSchema,
        response: { 200: OrgSchema, ...errorResponses },
      },
    },
    async (req) => updateOrg(ctx, actorOf(req), req.params.id, req.body),
  );
  api.post(
    '/v1/orgs/:id/move',
    {
      schema: {
        tags,
        summary: 'Move a node with its subtree',
        params: IdParamSchema,
        body: MoveOrgSchema,
        response: { 200: OrgSchema, ...errorResponses },
      },
    },
    async (req) => moveOrg(ctx, actorOf(req), req.params.id, req.body.newParentId),
  );
  api.post(
    '/v1/orgs/:id/deactivate',
    {
      schema: {
        tags,
        summary: 'Deactivate a node and its subtree',
        params: IdParamSchema,
        response: { 200: OrgSchema, ...errorResponses },
      },
    },
    async (req) => setOrgStatus(ctx, actorOf(req), req.params.id, 'inactive'),
  );
  api.post(
    '/v1/orgs/:id/activate',
    {
      schema: {
        tags,
        summary: 'Reactivate a node',
        params: IdParamSchema,
        response: { 200: OrgSchema, ...errorResponses },
      },
    },
    async (req) => setOrgStatus(ctx, actorOf(req), req.params.id, 'active'),
  );
  api.post(
    '/v1/orgs/import',
    {
      schema: {
        tags,
        summary: 'Import a tree from .xlsx or .csv (multipart field "file"); all rows or none',
        consumes: ['multipart/form-data'],
        querystring: z.object({
          parentId: z.coerce.number().int().positive().optional(),
          dryRun: z.enum(['true', 'false']).optional(),
        }),
        response: { 200: OrgImportResultSchema, ...errorResponses },
      },
    },
    async (req) => {
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const file = await req.file();
      if (!file) throw new AppError('ORG_IMPORT_FORMAT');
      const buffer = await file.toBuffer();
      return importOrgs(ctx, actorOf(req), {
        buffer,
        filename: file.filename,
        parentId: req.query.parentId,
        dryRun: req.query.dryRun === 'true',
      });
    },
  );
}
