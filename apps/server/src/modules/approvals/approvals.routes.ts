import {
  approvalSubjectTypes,
  IdParamSchema,
  MAX_DB_ID,
  MeetingListSchema,
  MeetingSchema,
  SittingSchema,
} from '@bangfu/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { type Api, errorResponses } from '../../platform/http/api.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { pendingApplicationsFor } from '../assistance/application.service.js';
import { applicationSeats, campaignSeats } from '../assistance/application.subject.js';
import { pendingBatchesFor } from '../disbursement/batch.service.js';
import { batchSeats } from '../disbursement/batch.subject.js';
import { countersignVote, meetingsFor, type Peek, sittingFor } from './meetings.service.js';

const tags = ['approvals'];
const Any = z.object({}).passthrough();
const SubjectQuery = z.object({
  subjectType: z.enum(approvalSubjectTypes),
  subjectId: z.coerce.number().int().positive().max(MAX_DB_ID),
});

/** The approver's queue, how a subject will be decided (body, roster), its meetings, and countersignatures. */
export function registerApprovalRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/v1/approvals/queue',
    {
      schema: {
        tags,
        summary: "The approver's queue: batches and applications at their node",
        response: { 200: Any, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const [batches, applications] = await Promise.all([
        pendingBatchesFor(ctx, actor),
        pendingApplicationsFor(ctx, actor),
      ]);
      return { batches, applications };
    },
  );
  api.get(
    '/v1/approvals/sitting',
    {
      schema: {
        tags,
        summary: 'How a subject is decided: one approver, the group leader, or a meeting of a body (its roster)',
        querystring: SubjectQuery.extend({ on: z.iso.date().optional() }),
        response: { 200: SittingSchema, ...errorResponses },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { subjectType: type, subjectId: id } = req.query;
      const peek: Peek =
        type === 'batch'
          ? (sdb) => batchSeats(sdb, id)
          : type === 'application'
            ? (sdb) => applicationSeats(sdb, id)
            : (sdb) => campaignSeats(sdb, actor, id);
      return sittingFor(ctx, actor, peek, req.query.on);
    },
  );
  api.get(
    '/v1/approvals/meetings',
    {
      schema: {
        tags,
        summary: "The meetings that decided a subject: members present, each one's vote, countersignatures",
        querystring: SubjectQuery,
        response: { 200: MeetingListSchema, ...errorResponses },
      },
    },
    async (req) => meetingsFor(ctx, actorOf(req), req.query.subjectType, req.query.subjectId),
  );
  api.post(
    '/v1/approvals/meetings/:id/countersign',
    {
      schema: {
        tags,
        summary: 'A member countersigns, in their own session, the vote recorded for them',
        params: IdParamSchema,
        response: { 200: MeetingSchema, ...errorResponses },
      },
    },
    async (req) => countersignVote(ctx, actorOf(req), req.params.id),
  );
}
