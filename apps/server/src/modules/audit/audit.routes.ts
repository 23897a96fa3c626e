import { AuditEntrySchema, AuditQuerySchema, AuditVerifyResultSchema, pageOf } from '@bangfu/contracts';
import { type Actor, require } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { type Api, errorResponses } from '../../platform/http/api.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { queryAudit, verifyAudit } from './audit.service.js';

const tags = ['audit'];

export function registerAuditRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/v1/audit',
    {
      schema: {
        tags,
        summary: 'Audit entries of the caller’s subtree, newest first',
        querystring: AuditQuerySchema,
        response: { 200: pageOf(AuditEntrySchema), ...errorResponses },
      },
    },
    async (req) => queryAudit(ctx, actorOf(req), req.query),
  );
  api.get(
    '/v1/audit/verify',
    {
      schema: {
        tags,
        summary: 'Verify the hash chains (administrators and auditors at the root only)',
        response: { 200: AuditVerifyResultSchema, ...errorResponses },
      },
    },
    async (req) => {
      const actor: Actor = actorOf(req);
      require(actor, 'audit.read');
      // Chains span the whole installation: only the top of the tree may check them all.
      if (actor.scope.path.split('/').length !== 3) throw new AppError('FORBIDDEN', { reason: 'root only' });
      return verifyAudit(ctx.db);
    },
  );
}
