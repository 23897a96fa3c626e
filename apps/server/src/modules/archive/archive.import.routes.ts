import {
  HouseholdQuerySchema,
  IdParamSchema,
  ImportBatchSchema,
  ImportCommitSchema,
  ImportDecisionSchema,
  ImportRowQuerySchema,
  ImportRowSchema,
  pageOf,
} from '@bangfu/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { type Api, errorResponses } from '../../platform/http/api.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { exportFiles, importTemplate } from './archive.export.js';
import {
  approveImport,
  cancelImport,
  commitImport,
  decideRow,
  getImport,
  importRows,
  resumeImport,
  stageImport,
} from './archive.import.js';

const tags = ['archive import and export'];

/** Staged Excel import (upload → report → decisions → commit) and export of any filtered list. */
export function registerArchiveImportRoutes(api: Api, ctx: AppContext) {
  api.post(
    '/v1/households/imports',
    {
      schema: {
        tags,
        summary: 'Upload a filled archive template (.xlsx, field "file"); validation runs in the background',
        consumes: ['multipart/form-data'],
        querystring: z.object({ orgId: z.coerce.number().int().positive() }),
        response: { 202: z.object({ id: z.number().int() }), ...errorResponses },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const file = await req.file();
      if (!file) throw new AppError('ARCHIVE_IMPORT_FORMAT');
      const buffer = await file.toBuffer();
      return reply
        .code(202)
        .send(await stageImport(ctx, actorOf(req), { buffer, filename: file.filename, orgId: req.query.orgId }));
    },
  );
  api.get(
    '/v1/households/imports/:id',
    {
      schema: {
        tags,
        summary: 'Progress and counts of an import',
        params: IdParamSchema,
        response: { 200: ImportBatchSchema, ...errorResponses },
      },
    },
    async (req) => getImport(ctx, actorOf(req), req.params.id),
  );
  api.get(
    '/v1/households/imports/:id/rows',
    {
      schema: {
        tags,
        summary: 'The per-row report (row, status, problems in Chinese)',
        params: IdParamSchema,
        querystring: ImportRowQuerySchema,
        response: { 200: pageOf(ImportRowSchema), ...errorResponses },
      },
    },
    async (req) => importRows(ctx, actorOf(req), req.params.id, req.query),
  );
  api.post(
    '/v1/households/imports/:id/rows/:rowId/decision',
    {
      schema: {
        tags,
        summary: 'Decide on a suspected duplicate: accept (import) or reject',
        params: z.object({ id: z.coerce.number().int().positive(), rowId: z.coerce.number().int().positive() }),
        body: ImportDecisionSchema,
      },
    },
    async (req) => decideRow(ctx, actorOf(req), req.params.id, req.params.rowId, req.body.decision),
  );
  api.post(
    '/v1/households/imports/:id/commit',
    {
      schema: {
        tags,
        summary: 'Commit the valid and accepted rows (in the background)',
        params: IdParamSchema,
        body: ImportCommitSchema,
        response: { 202: z.object({ id: z.number().int() }), ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.code(202).send(await commitImport(ctx, actorOf(req), req.params.id, { asFiled: req.body.asFiled })),
  );
  const accepted = { 202: z.object({ id: z.number().int() }), ...errorResponses };
  api.post(
    '/v1/households/imports/:id/approve',
    {
      schema: {
        tags,
        summary: 'A second person (archive.approve, upper node, not the importer) approves an import as 在档',
        params: IdParamSchema,
        response: accepted,
      },
    },
    async (req, reply) => reply.code(202).send(await approveImport(ctx, actorOf(req), req.params.id)),
  );
  api.post(
    '/v1/households/imports/:id/resume',
    {
      schema: {
        tags,
        summary: 'Resume an import left committing by a server that stopped (rows already committed stay once)',
        params: IdParamSchema,
        response: accepted,
      },
    },
    async (req, reply) => reply.code(202).send(await resumeImport(ctx, actorOf(req), req.params.id)),
  );
  api.post(
    '/v1/households/imports/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel an import that waits or was interrupted (files already committed stay)',
        params: IdParamSchema,
        response: { 200: ImportBatchSchema, ...errorResponses },
      },
    },
    async (req) => cancelImport(ctx, actorOf(req), req.params.id),
  );
  api.get(
    '/v1/households/import-template.xlsx',
    { schema: { tags, summary: 'The empty import template with a sheet of accepted values (no personal data)' } },
    async (req, reply) =>
      reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="archive-template.xlsx"; filename*=UTF-8''${encodeURIComponent('困难职工档案导入模板.xlsx')}`,
        )
        .send(await importTemplate(actorOf(req))),
  );
  api.get(
    '/v1/households/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Export a filtered list in the import layout; reveal=true for full personal data (audited)',
        querystring: HouseholdQuerySchema.extend({ reveal: z.enum(['true', 'false']).optional() }),
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (req, reply) => {
      const { reveal, ...q } = req.query;
      const stream = await exportFiles(ctx, actorOf(req), q, { reveal: reveal === 'true' });
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="archive.xlsx"; filename*=UTF-8''${encodeURIComponent('困难职工档案.xlsx')}`,
        )
        .send(stream);
    },
  );
}
