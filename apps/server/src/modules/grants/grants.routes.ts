import { GrantMarkSchema, GrantRepaySchema, GrantVoidSchema, IdParamSchema } from '@bangfu/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { type Api, errorResponses } from '../../platform/http/api.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { householdGrants, markGrant, repayGrant, voidGrant } from './grants.service.js';

const tags = ['grants'];
const Any = z.object({}).passthrough();
const r = { response: { 200: Any, ...errorResponses } };

/** One grant's payment (paid, failed; after a failure paid again once, or void) and a household's grants. */
export function registerGrantRoutes(api: Api, ctx: AppContext) {
  api.post(
    '/v1/grants/:id/mark',
    {
      schema: {
        tags,
        summary: 'Mark one grant paid (cash: recipient signature) or failed',
        params: IdParamSchema,
        body: GrantMarkSchema,
        ...r,
      },
    },
    async (req) => markGrant(ctx, actorOf(req), req.params.id, req.body),
  );
  api.post(
    '/v1/grants/:id/repay',
    {
      schema: {
        tags,
        summary: 'After a failed payment: send it for payment again (once), by an independent payer',
        params: IdParamSchema,
        body: GrantRepaySchema,
        ...r,
      },
    },
    async (req) => repayGrant(ctx, actorOf(req), req.params.id, req.body.comment),
  );
  api.post(
    '/v1/grants/:id/void',
    {
      schema: {
        tags,
        summary: 'After a failed payment: void the grant with a reason, by an independent payer',
        params: IdParamSchema,
        body: GrantVoidSchema,
        ...r,
      },
    },
    async (req) => voidGrant(ctx, actorOf(req), req.params.id, req.body.reason),
  );
  api.get(
    '/v1/households/:id/grants',
    {
      schema: {
        tags,
        summary: 'The help a household received and has in progress (帮扶记录)',
        params: IdParamSchema,
        ...r,
      },
    },
    async (req) => householdGrants(ctx, actorOf(req), req.params.id),
  );
}
