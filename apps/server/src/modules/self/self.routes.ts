import { HouseholdInputSchema } from '@bangfu/contracts';
import type { AppContext } from '../../platform/context.js';
import type { Api } from '../../platform/http/api.js';
import { actorOf } from '../../platform/http/auth-hook.js';
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
}
