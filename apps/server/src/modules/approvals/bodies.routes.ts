import {
  ApprovalBodyInputSchema,
  ApprovalBodyListSchema,
  ApprovalBodyPatchSchema,
  ApprovalBodySchema,
  BodyMemberInputSchema,
  BodyMemberPatchSchema,
  IdParamSchema,
  MAX_DB_ID,
} from '@bangfu/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { type Api, errorResponses } from '../../platform/http/api.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { addMember, createBody, listBodies, updateBody, updateMember } from './bodies.service.js';

const tags = ['approvals'];
const one = { 200: ApprovalBodySchema, ...errorResponses };
const created = { 201: ApprovalBodySchema, ...errorResponses };

/** A node's approval bodies (组长, 领导组, 委员会): rosters and quorum, kept by its administrators. */
export function registerApprovalBodyRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/v1/approval-bodies',
    {
      schema: {
        tags,
        summary: "A node's approval bodies with their rosters",
        querystring: z.object({ orgId: z.coerce.number().int().positive().max(MAX_DB_ID) }),
        response: { 200: ApprovalBodyListSchema, ...errorResponses },
      },
    },
    async (req) => listBodies(ctx, actorOf(req), req.query.orgId),
  );
  api.post(
    '/v1/approval-bodies',
    { schema: { tags, summary: 'Set up a body at a node', body: ApprovalBodyInputSchema, response: created } },
    async (req, reply) => reply.code(201).send(await createBody(ctx, actorOf(req), req.body)),
  );
  api.patch(
    '/v1/approval-bodies/:id',
    {
      schema: {
        tags,
        summary: "A body's name and quorum",
        params: IdParamSchema,
        body: ApprovalBodyPatchSchema,
        response: one,
      },
    },
    async (req) => updateBody(ctx, actorOf(req), req.params.id, req.body),
  );
  api.post(
    '/v1/approval-bodies/:id/members',
    {
      schema: {
        tags,
        summary: 'Put a member (or the chair) on the roster from a date (never oneself)',
        params: IdParamSchema,
        body: BodyMemberInputSchema,
        response: created,
      },
    },
    async (req, reply) => reply.code(201).send(await addMember(ctx, actorOf(req), req.params.id, req.body)),
  );
  api.patch(
    '/v1/approval-bodies/:id/members/:memberId',
    {
      schema: {
        tags,
        summary: "Change a member's role or end their place on the roster (never one's own)",
        params: IdParamSchema.extend({ memberId: z.coerce.number().int().positive().max(MAX_DB_ID) }),
        body: BodyMemberPatchSchema,
        response: one,
      },
    },
    async (req) => updateMember(ctx, actorOf(req), req.params.id, req.params.memberId, req.body),
  );
}
