import {
  ApplicationInputSchema,
  CampaignDecisionSchema,
  CampaignInputSchema,
  DecisionSchema,
  IdParamSchema,
  RefusePaymentSchema,
} from '@bangfu/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { type Api, errorResponses } from '../../platform/http/api.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import {
  createApplication,
  decideApplication,
  getApplication,
  listApplications,
  refuseApplicationPayment,
} from './application.service.js';
import { closeCampaign, createCampaign, decideCampaign, getCampaign, listCampaigns } from './campaign.service.js';

const tags = ['assistance'];
const Any = z.object({}).passthrough();
const r = { response: { 200: Any, ...errorResponses } };

/** Individual applications and campaign entries, and campaigns. */
export function registerAssistanceRoutes(api: Api, ctx: AppContext) {
  api.post(
    '/v1/applications',
    {
      schema: {
        tags,
        summary:
          'Apply for a household (medical, illness, disaster, or a campaign entry): computed, routed for approval',
        body: ApplicationInputSchema,
        response: { 201: Any, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await createApplication(ctx, actorOf(req), req.body)),
  );
  api.get(
    '/v1/applications',
    {
      schema: {
        tags,
        summary: 'Applications of a subtree',
        querystring: z.object({
          orgId: z.coerce.number().int().positive().optional(),
          status: z.string().max(30).optional(),
          campaignId: z.coerce.number().int().positive().optional(),
          programme: z.string().max(30).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        ...r,
      },
    },
    async (req) => listApplications(ctx, actorOf(req), req.query),
  );
  api.get(
    '/v1/applications/:id',
    {
      schema: {
        tags,
        summary: 'An application with its explanation, grant and approvals',
        params: IdParamSchema,
        ...r,
      },
    },
    async (req) => getApplication(ctx, actorOf(req), req.params.id),
  );
  api.post(
    '/v1/applications/:id/decision',
    {
      schema: {
        tags,
        summary: 'Approve or reject (maker-checker, at the required node)',
        params: IdParamSchema,
        body: DecisionSchema,
        ...r,
      },
    },
    async (req) => decideApplication(ctx, actorOf(req), req.params.id, req.body),
  );
  api.post(
    '/v1/applications/:id/refuse-payment',
    {
      schema: {
        tags,
        summary: 'Finance refuses to pay an approved application, with a reason: it goes back to the approvers',
        params: IdParamSchema,
        body: RefusePaymentSchema,
        ...r,
      },
    },
    async (req) => refuseApplicationPayment(ctx, actorOf(req), req.params.id, req.body.reason),
  );
  api.post(
    '/v1/campaigns',
    {
      schema: {
        tags,
        summary: 'Organise a campaign (送温暖, 金秋助学) for the subtree',
        body: CampaignInputSchema,
        response: { 201: Any, ...errorResponses },
      },
    },
    async (req, reply) => reply.code(201).send(await createCampaign(ctx, actorOf(req), req.body)),
  );
  api.get(
    '/v1/campaigns',
    {
      schema: {
        tags,
        summary: 'Campaigns a node takes part in',
        querystring: z.object({ orgId: z.coerce.number().int().positive().optional() }),
        ...r,
      },
    },
    async (req) => listCampaigns(ctx, actorOf(req), req.query.orgId),
  );
  api.get(
    '/v1/campaigns/:id',
    { schema: { tags, summary: 'A campaign with its entries by status', params: IdParamSchema, ...r } },
    async (req) => getCampaign(ctx, actorOf(req), req.params.id),
  );
  api.post(
    '/v1/campaigns/:id/close',
    { schema: { tags, summary: 'Close a campaign to new entries', params: IdParamSchema, ...r } },
    async (req) => closeCampaign(ctx, actorOf(req), req.params.id),
  );
  api.post(
    '/v1/campaigns/:id/decision',
    {
      schema: {
        tags,
        summary: "Decide every entry waiting at the approver's node",
        params: IdParamSchema,
        body: CampaignDecisionSchema,
        ...r,
      },
    },
    async (req) => decideCampaign(ctx, actorOf(req), req.params.id, req.body),
  );
}
