import {
  IdParamSchema,
  MAX_DB_ID,
  MoneyNoticeSchema,
  type NoticeSubjectType,
  ObjectionInputSchema,
  OpenNoticeSchema,
  VerifyObjectionSchema,
} from '@bangfu/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { type Api, errorResponses } from '../../platform/http/api.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { getNotice, openNotice, recordObjection, verifyObjection } from './notice.service.js';

const tags = ['notices'];
const Any = z.object({}).passthrough();
const ObjectionParams = IdParamSchema.extend({
  objectionId: z.coerce.number().int().positive().max(MAX_DB_ID),
});
const subjects: [string, NoticeSubjectType, string][] = [
  ['batches', 'batch', 'batch'],
  ['applications', 'application', 'application'],
  ['campaigns', 'campaign', "campaign's"],
];

/** 名单公示 of a batch, an application or a campaign: the notice, opening it, objections and their verification. */
export function registerNoticeRoutes(api: Api, ctx: AppContext) {
  for (const [path, type, name] of subjects) {
    api.get(
      `/v1/${path}/:id/notice`,
      {
        schema: {
          tags,
          summary: `The ${name} 名单公示: period, masked recipients and amounts, objections`,
          params: IdParamSchema,
          response: { 200: MoneyNoticeSchema, ...errorResponses },
        },
      },
      async (req) => getNotice(ctx, actorOf(req), type, req.params.id),
    );
    api.post(
      `/v1/${path}/:id/notice`,
      {
        schema: {
          tags,
          summary: `Put the ${name} list on public notice (start date, days)`,
          params: IdParamSchema,
          body: OpenNoticeSchema,
          response: { 200: Any, ...errorResponses },
        },
      },
      async (req) => openNotice(ctx, actorOf(req), type, req.params.id, req.body),
    );
    api.post(
      `/v1/${path}/:id/notice/objections`,
      {
        schema: {
          tags,
          summary: `Record an objection to the ${name} notice: it holds the decision until verified`,
          params: IdParamSchema,
          body: ObjectionInputSchema,
          response: { 200: Any, ...errorResponses },
        },
      },
      async (req) => recordObjection(ctx, actorOf(req), type, req.params.id, req.body),
    );
    api.post(
      `/v1/${path}/:id/notice/objections/:objectionId/verify`,
      {
        schema: {
          tags,
          summary: `Verify an objection to the ${name} notice with the finding`,
          params: ObjectionParams,
          body: VerifyObjectionSchema,
          response: { 200: Any, ...errorResponses },
        },
      },
      async (req) => verifyObjection(ctx, actorOf(req), type, req.params.id, req.params.objectionId, req.body.finding),
    );
  }
}
