import { EligibilityPolicyInputSchema, PolicyAtQuerySchema } from '@bangfu/contracts';
import type { AppContext } from '../../platform/context.js';
import type { Api } from '../../platform/http/api.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { adoptPolicy, getPolicyAt } from './policy.service.js';

const tags = ['eligibility policy'];

export function registerPolicyRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/v1/policies/eligibility',
    {
      schema: {
        tags,
        summary: 'The policy in force at a node on a date (inherited unless overridden) and the node’s own versions',
        querystring: PolicyAtQuerySchema,
      },
    },
    async (req) => getPolicyAt(ctx, actorOf(req), req.query.orgId, req.query.date),
  );
  api.post(
    '/v1/policies/eligibility',
    {
      schema: {
        tags,
        summary: 'A node adopts a new version of its eligibility policy',
        body: EligibilityPolicyInputSchema,
      },
    },
    async (req, reply) => reply.code(201).send(await adoptPolicy(ctx, actorOf(req), req.body)),
  );
}
