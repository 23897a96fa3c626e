import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { type Api, errorResponses } from '../../platform/http/api.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { pendingApplicationsFor } from '../assistance/application.service.js';
import { pendingBatchesFor } from '../disbursement/batch.service.js';

const tags = ['approvals'];
const Any = z.object({}).passthrough();

/** The approver's queue: every kind of subject waiting at their node, not made by them. */
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
}
