import { type Action, can, type Role } from '@bangfu/contracts';

/**
 * What each HTTP route needs, in ONE table keyed by 'METHOD /path' exactly as Fastify registers it. The
 * services enforce it (`require(actor, action)` first, then scoping); `route-permissions.int.test.ts` calls every
 * registered route as every role against data at the caller's node, a child, a sibling and the parent, and
 * checks the answers against this table and `permissionMatrix`. A route missing here fails that test, so every
 * new route must be added. `docs/PERMISSIONS.md` lists the routes per action from this table.
 *
 * - `needs`: an action (or all of several), `{ anyOf }`, 'public' (no session) or 'authenticated' (any
 *   signed-in user, e.g. one's own password).
 * - `inherited`: a parent node's row is reachable from below by its id by design (a campaign covers its whole
 *   subtree: a county reads it and decides its own entries), so the parent placement is not expected to be 404.
 *   Policies, programme rules and settings also resolve upward, but by the caller's own node: asking for the
 *   parent node itself is 404.
 * - `readOnly`: a POST that writes nothing (a computation), so read-only roles may call it.
 * - `rootOnly`: the action is needed AND the caller must sit at the root of the tree.
 * - `gap`: a known hole the matrix test found, left to the engineer who owns the area; the test expects the
 *   current (wrong) answer for exactly the roles named, so fixing it makes the test fail until the gap is removed.
 */
export type Need = Action | 'public' | 'authenticated' | { allOf: readonly Action[] } | { anyOf: readonly Action[] };

export interface KnownGap {
  /** Roles that currently get through although they should not. */
  roles: readonly Role[];
  why: string;
}

export interface RoutePermission {
  needs: Need;
  inherited?: true;
  rootOnly?: true;
  readOnly?: true;
  gap?: KnownGap;
}

const r = (needs: Need, more: Omit<RoutePermission, 'needs'> = {}): RoutePermission => ({ needs, ...more });
const reveal = (a: Action) => r({ allOf: [a, 'personal.reveal'] });

export const routePermissions: Record<string, RoutePermission> = {
  // platform and sign-in
  'GET /api/openapi.json': r('public'),
  'GET /api/health': r('public'),
  'POST /api/v1/auth/login': r('public'),
  'POST /api/v1/auth/logout': r('public'),
  'GET /api/v1/auth/me': r('authenticated'),
  'POST /api/v1/auth/password': r('authenticated'),

  // organisations
  'GET /api/v1/orgs': r('org.read'),
  'GET /api/v1/orgs/root': r('org.read'),
  'GET /api/v1/orgs/export.csv': r('org.read'),
  'GET /api/v1/orgs/:id': r('org.read'),
  'POST /api/v1/orgs': r('org.write'),
  'PATCH /api/v1/orgs/:id': r('org.write'),
  'POST /api/v1/orgs/:id/move': r('org.write'),
  'POST /api/v1/orgs/:id/deactivate': r('org.write'),
  'POST /api/v1/orgs/:id/activate': r('org.write'),
  'POST /api/v1/orgs/import': r('org.write'),

  // users
  'GET /api/v1/users': r('user.read'),
  'GET /api/v1/users/export.csv': r('user.read'),
  'GET /api/v1/users/:id': r('user.read'),
  'POST /api/v1/users': r('user.write'),
  'PATCH /api/v1/users/:id': r('user.write'),
  'POST /api/v1/users/:id/reset-password': r('user.write'),

  // audit
  'GET /api/v1/audit': r('audit.read'),
  'GET /api/v1/audit/verify': r('audit.read', { rootOnly: true }),

  // archive: import and export
  'POST /api/v1/households/imports': r('archive.write'),
  'GET /api/v1/households/imports/:id': r('archive.read'),
  'GET /api/v1/households/imports/:id/rows': r('archive.read'),
  'POST /api/v1/households/imports/:id/rows/:rowId/decision': r('archive.write'),
  'POST /api/v1/households/imports/:id/commit': r('archive.write'),
  'POST /api/v1/households/imports/:id/approve': r('archive.approve'),
  // An approver without archive.write may only cancel (refuse) an import waiting for its approval; the matrix's
  // fixture imports are validated, not waiting, so there both need archive.write.
  'POST /api/v1/households/imports/:id/resume': r('archive.write'),
  'POST /api/v1/households/imports/:id/cancel': r('archive.write'),
  'GET /api/v1/households/import-template.xlsx': r('archive.write'),
  'GET /api/v1/households/export.xlsx': r('archive.read'),

  // archive: files, attachments, workflow
  'POST /api/v1/households/:id/attachments': r('archive.write'),
  'GET /api/v1/households/:id/attachments': r('archive.read'),
  'GET /api/v1/households/:id/attachments/:attachmentId': reveal('archive.read'),
  'POST /api/v1/households/:id/attachments/:attachmentId/remove': r('archive.write'),
  'GET /api/v1/households': r('archive.read'),
  'POST /api/v1/households': r('archive.write'),
  'GET /api/v1/households/:id': r('archive.read'),
  'PUT /api/v1/households/:id': r('archive.write'),
  'GET /api/v1/households/:id/history': r('archive.read'),
  'GET /api/v1/households/:id/versions/:version': reveal('archive.read'),
  'POST /api/v1/households/:id/submit': r('archive.write'),
  'POST /api/v1/households/:id/review': r('archive.review'),
  'POST /api/v1/households/:id/objection': r('archive.review'),
  'POST /api/v1/households/:id/verify': r('archive.review'),
  'POST /api/v1/households/:id/finish-notice': r('archive.review'),
  'POST /api/v1/households/:id/approve': r('archive.approve'),
  'GET /api/v1/archive/settings/:id': r('archive.read'),
  'PUT /api/v1/archive/settings/:id': r('policy.write'),
  'POST /api/v1/households/:id/reviews': r('archive.write'),
  'POST /api/v1/households/:id/relieve': r('archive.approve'),
  'POST /api/v1/households/:id/exit': r('archive.approve'),
  'POST /api/v1/households/:id/cancel': r('archive.approve'),
  'POST /api/v1/households/:id/transfer': r('archive.approve'),
  'POST /api/v1/households/:id/promote': r('archive.approve'),
  'GET /api/v1/households/queues/:queue': r('archive.read'),
  'GET /api/v1/households/clashes': r('archive.read'),
  'GET /api/v1/households/:id/incomes': r('archive.read'),
  'PUT /api/v1/households/:id/incomes/:month': r('archive.write'),

  // change requests (变更申请)
  'GET /api/v1/households/changes': r('archive.read'),
  'GET /api/v1/households/changes/:changeId': r('archive.read'),
  'POST /api/v1/households/:id/changes': r('archive.write'),
  'GET /api/v1/households/:id/changes': r('archive.read'),
  'GET /api/v1/households/:id/versions/:a/diff/:b': r('archive.read'),
  'POST /api/v1/households/changes/:changeId/review': r('archive.review'),
  'POST /api/v1/households/changes/:changeId/decide': r('archive.approve'),
  'POST /api/v1/households/changes/:changeId/finish-notice': r('archive.review'),
  'POST /api/v1/households/changes/:changeId/withdraw': r('archive.write'),

  // worker self-service
  'POST /api/v1/self/changes': r('self.apply'),
  'GET /api/v1/self/changes': r('self.read'),
  'POST /api/v1/self/changes/:changeId/withdraw': r('self.apply'),
  'POST /api/v1/self/changes/:changeId/attachments': r('self.apply'),
  'GET /api/v1/self/file': r('self.read'),
  'POST /api/v1/self/application': r('self.apply'),
  'POST /api/v1/self/bind': r('self.read'),
  'POST /api/v1/households/:id/worker-account': r('user.write'),
  'POST /api/v1/households/:id/bind-code': r('user.write'),

  // eligibility policy
  'GET /api/v1/policies/eligibility': r('policy.read'),
  'POST /api/v1/policies/eligibility': r('policy.write'),

  // funds, ledger, budgets
  'POST /api/v1/funds': r('fund.write'),
  'GET /api/v1/funds': r('fund.read'),
  'GET /api/v1/funds/choices': r('assistance.propose'),
  'POST /api/v1/funds/:id/receipts': r('fund.write'),
  'POST /api/v1/funds/:id/allocations': r('fund.write'),
  'GET /api/v1/ledger/entries': r('fund.read'),
  'GET /api/v1/ledger/trial-balance': r('fund.read'),
  'GET /api/v1/budgets': r('fund.read'),
  'PUT /api/v1/budgets': r('fund.write'),

  // programme standards
  'GET /api/v1/programmes/templates': r('programme.read'),
  'GET /api/v1/programmes/rules': r('programme.read'),
  'POST /api/v1/programmes/rules': r('programme.write'),
  'POST /api/v1/programmes/what-if': r('programme.read', { readOnly: true }),

  // disbursement batches and grants
  'POST /api/v1/batches': r('assistance.propose'),
  'GET /api/v1/batches': r('programme.read'),
  'GET /api/v1/batches/:id': r('programme.read'),
  'GET /api/v1/batches/:id/grants': r('programme.read'),
  'POST /api/v1/batches/:id/resume': r('assistance.propose'),
  'POST /api/v1/batches/:id/submit': r('assistance.propose'),
  'POST /api/v1/batches/:id/decision': r('payment.approve'),
  // A comment is kept with the approvals: those who take part in the batch may write one, not read-only roles.
  // Finance refuses a non-compliant payment (seed 000: 財務人員有權拒絕支付): back to the approvers.
  'POST /api/v1/batches/:id/refuse-payment': r('fund.write'),
  'POST /api/v1/batches/:id/comments': r({ anyOf: ['assistance.propose', 'payment.approve', 'fund.write'] }),
  'POST /api/v1/batches/:id/pay': r('fund.write'),
  'POST /api/v1/batches/:id/reconcile': r('fund.write'),
  'POST /api/v1/grants/:id/mark': r('fund.write'),
  'POST /api/v1/grants/:id/repay': r('fund.write'),
  'POST /api/v1/grants/:id/void': r('fund.write'),
  'GET /api/v1/batches/:id/payment-list': r('programme.read'),
  'GET /api/v1/batches/:id/payment-list.xlsx': r('programme.read'),
  'GET /api/v1/batches/:id/bank-file.csv': reveal('fund.write'),
  'POST /api/v1/batches/:id/sent-to-bank': r('fund.write'),
  'GET /api/v1/households/:id/grants': r('programme.read'),

  // donated goods
  'POST /api/v1/goods/receipts': r('assistance.propose'),
  'POST /api/v1/goods/handouts': r('assistance.propose'),
  'POST /api/v1/goods/transfers': r('assistance.propose'),
  'POST /api/v1/goods/write-offs': r('assistance.propose'),
  'GET /api/v1/goods/stock': r('programme.read'),
  'GET /api/v1/goods/movements': r('programme.read'),
  'GET /api/v1/goods/handout-sheet': r('programme.read'),
  'GET /api/v1/goods/handout-sheet.xlsx': r('programme.read'),
  'GET /api/v1/households/:id/goods': r('programme.read'),

  // certificates
  'POST /api/v1/certificates': r('assistance.propose'),
  'GET /api/v1/certificates': r('programme.read'),
  'GET /api/v1/certificates/to-revoke': r('programme.read'),
  'GET /api/v1/certificates/verify/:number': r('programme.read'),
  'GET /api/v1/certificates/:id': r('programme.read'),
  'GET /api/v1/certificates/:id/print': r('programme.read'),
  'POST /api/v1/certificates/:id/revoke': r('assistance.propose'),
  'POST /api/v1/certificates/:id/renew': r('assistance.propose'),
  'GET /api/v1/households/:id/certificates': r('programme.read'),

  // applications, approvals, campaigns
  'POST /api/v1/applications': r('assistance.propose'),
  'GET /api/v1/applications': r('programme.read'),
  'GET /api/v1/applications/:id': r('programme.read'),
  'POST /api/v1/applications/:id/decision': r('payment.approve'),
  'POST /api/v1/applications/:id/refuse-payment': r('fund.write'),
  'GET /api/v1/approvals/queue': r('payment.approve'),
  'GET /api/v1/approvals/sitting': r('payment.approve'),
  'GET /api/v1/approvals/meetings': r('programme.read'),
  'POST /api/v1/approvals/meetings/:id/countersign': r('payment.approve'),

  // approval bodies (组长, 领导组, 委员会): rosters read by administrators and approvers, kept by administrators
  'GET /api/v1/approval-bodies': r({ anyOf: ['user.read', 'payment.approve'] }),
  'POST /api/v1/approval-bodies': r('user.write'),
  'PATCH /api/v1/approval-bodies/:id': r('user.write'),
  'POST /api/v1/approval-bodies/:id/members': r('user.write'),
  'PATCH /api/v1/approval-bodies/:id/members/:memberId': r('user.write'),
  'POST /api/v1/campaigns': r('programme.write'),
  'GET /api/v1/campaigns': r('programme.read'),
  'GET /api/v1/campaigns/:id': r('programme.read', { inherited: true }),
  'POST /api/v1/campaigns/:id/close': r('programme.write'),
  'POST /api/v1/campaigns/:id/decision': r('payment.approve', { inherited: true }),
  'GET /api/v1/batches/:id/notice': r('programme.read'),
  'POST /api/v1/batches/:id/notice': r('assistance.propose'),
  'POST /api/v1/batches/:id/notice/objections': r('assistance.propose'),
  'POST /api/v1/batches/:id/notice/objections/:objectionId/verify': r('assistance.propose'),
  'GET /api/v1/applications/:id/notice': r('programme.read'),
  'POST /api/v1/applications/:id/notice': r('assistance.propose'),
  'POST /api/v1/applications/:id/notice/objections': r('assistance.propose'),
  'POST /api/v1/applications/:id/notice/objections/:objectionId/verify': r('assistance.propose'),
  'GET /api/v1/campaigns/:id/notice': r('programme.read'),
  'POST /api/v1/campaigns/:id/notice': r('assistance.propose'),
  'POST /api/v1/campaigns/:id/notice/objections': r('assistance.propose'),
  'POST /api/v1/campaigns/:id/notice/objections/:objectionId/verify': r('assistance.propose'),

  // the rights desk: work orders, deadlines, duty roster
  'POST /api/v1/work-orders': r('servicedesk.write'),
  'GET /api/v1/work-orders': r('servicedesk.read'),
  'GET /api/v1/work-orders/queues/:queue': r('servicedesk.read'),
  'GET /api/v1/work-orders/queue-counts': r('servicedesk.read'),
  'GET /api/v1/work-orders/caller': r('servicedesk.write'),
  'GET /api/v1/work-orders/:id': r('servicedesk.read'),
  'GET /api/v1/work-orders/:id/person': r({ anyOf: ['servicedesk.write', 'servicedesk.reveal'] }),
  'POST /api/v1/work-orders/:id/handle-here': r('servicedesk.write'),
  'POST /api/v1/work-orders/:id/transfer': r('servicedesk.write'),
  'POST /api/v1/work-orders/:id/assign': r('servicedesk.write'),
  'POST /api/v1/work-orders/:id/accept': r('servicedesk.write'),
  'POST /api/v1/work-orders/:id/return': r('servicedesk.write'),
  'POST /api/v1/work-orders/:id/supervise': r('servicedesk.supervise'),
  'POST /api/v1/work-orders/:id/note': r('servicedesk.write'),
  'POST /api/v1/work-orders/:id/extension': r('servicedesk.write'),
  'POST /api/v1/work-orders/:id/extension/decision': r('servicedesk.supervise'),
  'POST /api/v1/work-orders/:id/close': r('servicedesk.write'),
  'POST /api/v1/work-orders/:id/callback': r('servicedesk.write'),
  // The owner's superior (servicedesk.supervise) or desk staff of the supervising union (servicedesk.write).
  'POST /api/v1/work-orders/:id/reopen': r({ anyOf: ['servicedesk.supervise', 'servicedesk.write'] }),
  'POST /api/v1/work-orders/:id/supervisions/:supervisionId/report': r('servicedesk.write'),
  'POST /api/v1/work-orders/:id/attachments': r('servicedesk.write'),
  'GET /api/v1/work-orders/:id/attachments/:attachmentId': r('servicedesk.write'),
  'GET /api/v1/servicedesk/settings/:id': r('servicedesk.read'),
  'PUT /api/v1/servicedesk/settings/:id': r('servicedesk.supervise'),
  'GET /api/v1/servicedesk/colleagues': r('servicedesk.read'),
  'GET /api/v1/duty-shifts': r('servicedesk.read'),
  'GET /api/v1/duty-shifts/now': r('servicedesk.read'),
  'POST /api/v1/duty-shifts': r('servicedesk.write'),
  'POST /api/v1/duty-shifts/:id/handover': r('servicedesk.write'),
  'POST /api/v1/duty-shifts/:id/cancel': r('servicedesk.write'),
  // the rights desk's analysis (aggregates, no person): JSON for the page, .xlsx for reporting upward (audited)
  'GET /api/v1/servicedesk/stats': r('servicedesk.read'),
  'GET /api/v1/servicedesk/stats.xlsx': r('servicedesk.read'),

  // legal aid: applications, the group's decision, the case, mediation; the lawyers' roster
  'POST /api/v1/legal-aid': r('legalaid.write'),
  'GET /api/v1/legal-aid': r('legalaid.read'),
  'GET /api/v1/legal-aid/:id': r('legalaid.read'),
  'GET /api/v1/legal-aid/:id/person': r('legalaid.write'),
  'GET /api/v1/legal-aid/:id/lawyers': r('legalaid.write'),
  'POST /api/v1/legal-aid/:id/decision': r('legalaid.decide'),
  'POST /api/v1/legal-aid/:id/assign': r('legalaid.write'),
  'POST /api/v1/legal-aid/:id/steps': r('legalaid.write'),
  'PUT /api/v1/legal-aid/:id/mediation': r('legalaid.write'),
  'POST /api/v1/legal-aid/:id/agreement': r('legalaid.write'),
  'POST /api/v1/legal-aid/:id/close': r('legalaid.write'),
  'POST /api/v1/legal-aid/:id/withdraw': r('legalaid.write'),
  'POST /api/v1/legal-aid/:id/steps/:stepId/result': r('legalaid.write'),
  'POST /api/v1/legal-aid/:id/attachments': r('legalaid.write'),
  'GET /api/v1/legal-aid/:id/attachments/:attachmentId': r('legalaid.write'),
  'GET /api/v1/legal-lawyers': r('legalaid.read'),
  'POST /api/v1/legal-lawyers': r('legalaid.write'),
  'PATCH /api/v1/legal-lawyers/:id': r('legalaid.write'),
  'GET /api/v1/legal-lawyers/:id/phone': r('legalaid.write'),
  // yearly review (年度复核): a round covers its opening node's subtree, so a node below reads it, adds its new
  // files and draws its own sample by the round's id (inherited); files, reviews and checks stay scoped.
  'GET /api/v1/review-rounds': r('archive.read'),
  'POST /api/v1/review-rounds': r('archive.approve'),
  'GET /api/v1/review-rounds/:id': r('archive.read', { inherited: true }),
  'GET /api/v1/review-rounds/:id/files': r('archive.read', { inherited: true }),
  'POST /api/v1/review-rounds/:id/refresh': r({ anyOf: ['archive.write', 'archive.approve'] }, { inherited: true }),
  'POST /api/v1/review-rounds/:id/close': r('archive.approve'),
  'POST /api/v1/review-rounds/:id/sample': r('archive.approve', { inherited: true }),
  'POST /api/v1/review-rounds/:id/files/:householdId/review': r('archive.write'),
  'POST /api/v1/review-rounds/:id/files/:householdId/spot-check': r('archive.approve'),
  'POST /api/v1/review-rounds/:id/files/:householdId/decision': r('archive.approve'),

  // test mode only (BANGFU_TEST_MODE=1): never registered in production
  'POST /api/test/clock': r('public'),
};

/** The actions a need names (for the document and the read-only check). */
export function actionsOf(need: Need): readonly Action[] {
  if (need === 'public' || need === 'authenticated') return [];
  if (typeof need === 'string') return [need];
  return 'allOf' in need ? need.allOf : need.anyOf;
}

/** Does a user holding these roles satisfy the need? */
export function satisfies(userRoles: readonly Role[], need: Need): boolean {
  if (need === 'public' || need === 'authenticated') return true;
  if (typeof need === 'string') return can(userRoles, need);
  if ('allOf' in need) return need.allOf.every((a) => can(userRoles, a));
  return need.anyOf.some((a) => can(userRoles, a));
}
