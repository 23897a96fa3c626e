/**
 * The composition root: the one place that knows every module. It hands the modules' route registrations and
 * the auth module's session resolver to the generic HTTP plumbing (platform/http/app.ts). `platform/` imports
 * no module (platform/layers.test.ts); add a new capability here, one import and one line in `moduleRoutes`.
 */
import type { FastifyInstance } from 'fastify';
import { registerApprovalRoutes } from './modules/approvals/approvals.routes.js';
import { registerApprovalBodyRoutes } from './modules/approvals/bodies.routes.js';
import { registerArchiveChangeRoutes } from './modules/archive/archive.changes.routes.js';
import { registerArchiveImportRoutes } from './modules/archive/archive.import.routes.js';
import { registerArchiveIncomeRoutes } from './modules/archive/archive.income.routes.js';
import { registerArchiveRoutes } from './modules/archive/archive.routes.js';
import {
  registerArchiveManageRoutes,
  registerArchiveWorkflowRoutes,
} from './modules/archive/archive.workflow.routes.js';
import { registerAssistanceRoutes } from './modules/assistance/assistance.routes.js';
import { registerAuditRoutes } from './modules/audit/audit.routes.js';
import { registerAuthRoutes } from './modules/auth/auth.routes.js';
import { resolveSession } from './modules/auth/auth.service.js';
import { registerCertificateRoutes } from './modules/certificates/certificates.routes.js';
import { registerBatchRoutes } from './modules/disbursement/batch.routes.js';
import { registerFundRoutes } from './modules/funds/funds.routes.js';
import { registerGoodsRoutes } from './modules/goods/goods.routes.js';
import { registerGrantRoutes } from './modules/grants/grants.routes.js';
import { registerHealthRoutes } from './modules/health/health.routes.js';
import { registerLegalAidRoutes } from './modules/legalaid/legalaid.routes.js';
import { registerNoticeRoutes } from './modules/notice/notice.routes.js';
import { registerOrgRoutes } from './modules/orgs/orgs.routes.js';
import { registerPolicyRoutes } from './modules/policy/policy.routes.js';
import { registerProgrammeRoutes } from './modules/programmes/programmes.routes.js';
import { registerReviewRoutes } from './modules/review/review.routes.js';
import { registerSelfRoutes } from './modules/self/self.routes.js';
import { registerServiceDeskDeskRoutes } from './modules/servicedesk/servicedesk.desk.routes.js';
import { registerServiceDeskRoutes } from './modules/servicedesk/servicedesk.routes.js';
import { registerServiceDeskStatsRoutes } from './modules/servicedesk/servicedesk.stats.routes.js';
import { registerTestingRoutes } from './modules/testing/testing.routes.js';
import { registerUserRoutes } from './modules/users/users.routes.js';
import type { AppContext } from './platform/context.js';
import { buildHttpApp, type RouteRegistration } from './platform/http/app.js';

/** Every module's routes, in registration order (the route-permission test walks them in this order). */
export const moduleRoutes: readonly RouteRegistration[] = [
  registerHealthRoutes,
  registerAuthRoutes,
  registerOrgRoutes,
  registerUserRoutes,
  registerAuditRoutes,
  registerArchiveImportRoutes,
  registerArchiveRoutes,
  registerArchiveWorkflowRoutes,
  registerArchiveManageRoutes,
  registerArchiveIncomeRoutes,
  registerArchiveChangeRoutes,
  registerSelfRoutes,
  registerPolicyRoutes,
  registerFundRoutes,
  registerProgrammeRoutes,
  registerBatchRoutes,
  registerGrantRoutes,
  registerGoodsRoutes,
  registerCertificateRoutes,
  registerAssistanceRoutes,
  registerServiceDeskRoutes,
  registerServiceDeskDeskRoutes,
  registerServiceDeskStatsRoutes,
  registerLegalAidRoutes,
  registerApprovalRoutes,
  registerApprovalBodyRoutes,
  registerNoticeRoutes,
  registerReviewRoutes,
  registerTestingRoutes,
];

/** The whole server: platform plumbing + every module's routes. */
export function buildApp(ctx: AppContext, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  return buildHttpApp(ctx, { ...opts, routes: moduleRoutes, resolveSession });
}
