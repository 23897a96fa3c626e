import { chinaDate } from '../platform/clock.js';
import { importRow, type NodeFx, PNG } from './authz-fixtures.js';
import { USER_PASSWORD } from './env.js';
import { archiveWorkbook, generatedId, household } from './households.js';
import { fileLifeExamples } from './route-examples-file-life.js';
import { legalAidExamples } from './route-examples-legalaid.js';
import { moneyExamples } from './route-examples-money.js';
import { serviceDeskExamples } from './route-examples-servicedesk.js';

/**
 * One request per route of the authorization matrix, built for the data of one placement (`f`: the rows at the
 * target node). Bodies are minimal valid ones, so a caller without the action cannot be stopped by validation
 * before the permission check. `kind`:
 * - 'placed' (default): the request names the target node's row (an `:id` or an `orgId`); a sibling's or a
 *   parent's row answers 404.
 * - 'list': a filter by node; outside the subtree the answer is a 404 or an empty/own-only list, never the
 *   foreign node's rows (checked by their tags in the answer).
 * - 'unplaced': the request names no node (the caller's own scope, a template, one's own session): sent once.
 * - 'last': unplaced, and sent after every other route (logout ends the caller's session).
 */
export interface Example {
  kind?: 'placed' | 'list' | 'unplaced' | 'last';
  build: (f: NodeFx, n: number) => Req | Promise<Req>;
}
export interface Req {
  url: string;
  body?: unknown;
  file?: { name: string; content: Buffer };
}

const placed = (build: Example['build']): Example => ({ build });
const list = (build: Example['build']): Example => ({ kind: 'list', build });
const unplaced = (build: () => Req): Example => ({ kind: 'unplaced', build });
const V = '/api/v1';
/** Today on the server's calendar (Beijing). */
const today = () => chinaDate(new Date());

export const routeExamples: Record<string, Example> = {
  'GET /api/openapi.json': unplaced(() => ({ url: '/api/openapi.json' })),
  'GET /api/health': unplaced(() => ({ url: '/api/health' })),
  'POST /api/v1/auth/login': unplaced(() => ({ url: `${V}/auth/login`, body: { username: 'nobody', password: 'x' } })),
  'POST /api/v1/auth/logout': { kind: 'last', build: () => ({ url: `${V}/auth/logout` }) },
  'GET /api/v1/auth/me': unplaced(() => ({ url: `${V}/auth/me` })),
  'POST /api/v1/auth/password': unplaced(() => ({
    url: `${V}/auth/password`,
    body: { currentPassword: USER_PASSWORD, newPassword: USER_PASSWORD },
  })),

  'GET /api/v1/orgs': list((f) => ({ url: `${V}/orgs?parentId=${f.orgId}` })),
  'GET /api/v1/orgs/root': unplaced(() => ({ url: `${V}/orgs/root` })),
  'GET /api/v1/orgs/export.csv': unplaced(() => ({ url: `${V}/orgs/export.csv` })),
  'GET /api/v1/orgs/:id': placed((f) => ({ url: `${V}/orgs/${f.orgId}` })),
  'POST /api/v1/orgs': placed((f, n) => ({
    url: `${V}/orgs`,
    body: { parentId: f.orgId, name: `新建企业工会${n}`, type: 'enterprise' },
  })),
  'PATCH /api/v1/orgs/:id': placed((f) => ({ url: `${V}/orgs/${f.orgId}`, body: { name: f.orgName } })),
  'POST /api/v1/orgs/:id/move': placed((f) => ({ url: `${V}/orgs/${f.orgId}/move`, body: { newParentId: f.orgId } })),
  'POST /api/v1/orgs/:id/deactivate': placed((f) => ({ url: `${V}/orgs/${f.orgId}/deactivate` })),
  'POST /api/v1/orgs/:id/activate': placed((f) => ({ url: `${V}/orgs/${f.orgId}/activate` })),
  'POST /api/v1/orgs/import': placed((f) => ({
    url: `${V}/orgs/import?parentId=${f.orgId}&dryRun=true`,
    file: { name: 'orgs.csv', content: Buffer.from('名称,类型,上级\n') },
  })),

  'GET /api/v1/users': list((f) => ({ url: `${V}/users?orgId=${f.orgId}` })),
  'GET /api/v1/users/export.csv': unplaced(() => ({ url: `${V}/users/export.csv` })),
  'GET /api/v1/users/:id': placed((f) => ({ url: `${V}/users/${f.userId}` })),
  'POST /api/v1/users': placed((f, n) => ({
    url: `${V}/users`,
    body: {
      username: `new-${f.placement}-${n}`,
      displayName: '新账号',
      orgId: f.orgId,
      roles: ['reviewer'],
      password: 'New-pass-2026x',
    },
  })),
  'PATCH /api/v1/users/:id': placed((f) => ({ url: `${V}/users/${f.userId}`, body: { displayName: `账号${f.tag}` } })),
  'POST /api/v1/users/:id/reset-password': placed((f) => ({
    url: `${V}/users/${f.userId}/reset-password`,
    body: { newPassword: 'Reset-pass-2026x' },
  })),

  'GET /api/v1/audit': unplaced(() => ({ url: `${V}/audit` })),
  'GET /api/v1/audit/verify': unplaced(() => ({ url: `${V}/audit/verify` })),

  'POST /api/v1/households/imports': placed(async (f, n) => ({
    url: `${V}/households/imports?orgId=${f.orgId}`,
    file: { name: 'a.xlsx', content: await archiveWorkbook([importRow(9000 + n, `赵${f.tag}`)]) },
  })),
  'GET /api/v1/households/imports/:id': placed((f) => ({ url: `${V}/households/imports/${f.importId}` })),
  'GET /api/v1/households/imports/:id/rows': placed((f) => ({ url: `${V}/households/imports/${f.importId}/rows` })),
  'POST /api/v1/households/imports/:id/rows/:rowId/decision': placed((f) => ({
    url: `${V}/households/imports/${f.importId}/rows/${f.importRowId}/decision`,
    body: { decision: 'accept' },
  })),
  'POST /api/v1/households/imports/:id/commit': placed((f) => ({
    url: `${V}/households/imports/${f.importId}/commit`,
    body: { asFiled: false },
  })),
  'POST /api/v1/households/imports/:id/approve': placed((f) => ({
    url: `${V}/households/imports/${f.importId}/approve`,
    body: {},
  })),
  'POST /api/v1/households/imports/:id/resume': placed((f) => ({
    url: `${V}/households/imports/${f.importId}/resume`,
    body: {},
  })),
  'POST /api/v1/households/imports/:id/cancel': placed((f) => ({
    url: `${V}/households/imports/${f.importId}/cancel`,
    body: {},
  })),
  'GET /api/v1/households/import-template.xlsx': unplaced(() => ({ url: `${V}/households/import-template.xlsx` })),
  'GET /api/v1/households/export.xlsx': list((f) => ({ url: `${V}/households/export.xlsx?orgId=${f.orgId}` })),

  'POST /api/v1/households/:id/attachments': placed((f) => ({
    url: `${V}/households/${f.householdId}/attachments?kind=other`,
    file: { name: 'b.png', content: PNG },
  })),
  'GET /api/v1/households/:id/attachments': placed((f) => ({ url: `${V}/households/${f.householdId}/attachments` })),
  'GET /api/v1/households/:id/attachments/:attachmentId': placed((f) => ({
    url: `${V}/households/${f.householdId}/attachments/${f.attachmentId}`,
  })),
  'POST /api/v1/households/:id/attachments/:attachmentId/remove': placed((f) => ({
    url: `${V}/households/${f.householdId}/attachments/${f.attachmentId}/remove`,
    body: { reason: '重复上传' },
  })),
  'GET /api/v1/households': list((f) => ({ url: `${V}/households?orgId=${f.orgId}` })),
  'POST /api/v1/households': placed((f, n) => ({
    url: `${V}/households`,
    body: household(f.orgId, { name: `孙${f.tag}`, idNumber: generatedId(20_000 + n), members: [] }),
  })),
  'GET /api/v1/households/:id': placed((f) => ({ url: `${V}/households/${f.householdId}` })),
  'PUT /api/v1/households/:id': placed((f) => ({
    url: `${V}/households/${f.householdId}`,
    body: household(f.orgId, { name: f.householdName, idNumber: f.idNumber, members: [] }),
  })),
  'GET /api/v1/households/:id/history': placed((f) => ({ url: `${V}/households/${f.householdId}/history` })),
  'GET /api/v1/households/:id/versions/:version': placed((f) => ({
    url: `${V}/households/${f.householdId}/versions/1`,
  })),
  'POST /api/v1/households/:id/submit': placed((f) => ({ url: `${V}/households/${f.householdId}/submit` })),
  'POST /api/v1/households/:id/review': placed((f) => ({
    url: `${V}/households/${f.householdId}/review`,
    body: { decision: 'reject', reason: '测试' },
  })),
  'POST /api/v1/households/:id/objection': placed((f) => ({
    url: `${V}/households/${f.householdId}/objection`,
    body: { reason: '测试' },
  })),
  'POST /api/v1/households/:id/verify': placed((f) => ({
    url: `${V}/households/${f.householdId}/verify`,
    body: { decision: 'reject', reason: '测试' },
  })),
  'POST /api/v1/households/:id/finish-notice': placed((f) => ({
    url: `${V}/households/${f.householdId}/finish-notice`,
  })),
  'POST /api/v1/households/:id/approve': placed((f) => ({
    url: `${V}/households/${f.householdId}/approve`,
    body: { decision: 'reject', reason: '测试' },
  })),
  'GET /api/v1/archive/settings/:id': placed((f) => ({ url: `${V}/archive/settings/${f.orgId}` })),
  'PUT /api/v1/archive/settings/:id': placed((f) => ({
    url: `${V}/archive/settings/${f.orgId}`,
    body: { noticeDays: 7, reviewMonths: 12 },
  })),
  'POST /api/v1/households/:id/reviews': placed((f) => ({
    url: `${V}/households/${f.householdId}/reviews`,
    body: { method: 'phone', reviewedOn: today(), findings: '电话回访' },
  })),
  'POST /api/v1/households/:id/relieve': placed((f) => ({
    url: `${V}/households/${f.householdId}/relieve`,
    body: { reason: '测试' },
  })),
  'POST /api/v1/households/:id/exit': placed((f) => ({
    url: `${V}/households/${f.householdId}/exit`,
    body: { reason: '测试' },
  })),
  'POST /api/v1/households/:id/cancel': placed((f) => ({
    url: `${V}/households/${f.householdId}/cancel`,
    body: { cause: 'other', reason: '测试' },
  })),
  'POST /api/v1/households/:id/transfer': placed((f) => ({
    url: `${V}/households/${f.householdId}/transfer`,
    body: { toOrgId: f.orgId, reason: '测试' },
  })),
  'POST /api/v1/households/:id/promote': placed((f) => ({
    url: `${V}/households/${f.householdId}/promote`,
    body: { reason: '测试' },
  })),
  'GET /api/v1/households/:id/incomes': placed((f) => ({ url: `${V}/households/${f.householdId}/incomes` })),
  'PUT /api/v1/households/:id/incomes/:month': placed((f) => ({
    url: `${V}/households/${f.householdId}/incomes/2026-10`,
    body: { householdIncomeFen: 100_000 },
  })),

  'GET /api/v1/self/file': unplaced(() => ({ url: `${V}/self/file` })),
  'POST /api/v1/self/bind': unplaced(() => ({
    url: `${V}/self/bind`,
    body: { code: 'ABCDE-FGHJK', idNumber: '11010519491231002X' },
  })),
  'POST /api/v1/households/:id/worker-account': placed((f, n) => ({
    url: `${V}/households/${f.householdId}/worker-account`,
    body: { username: `worker-${f.orgId}-${n}`, password: 'Worker-pass-2026' },
  })),
  'POST /api/v1/households/:id/bind-code': placed((f) => ({
    url: `${V}/households/${f.householdId}/bind-code`,
    body: {},
  })),
  'POST /api/v1/self/application': unplaced(() => {
    const { orgId: _, ...body } = household(1, { name: '王自助', members: [] });
    return { url: `${V}/self/application`, body };
  }),

  'GET /api/v1/policies/eligibility': placed((f) => ({ url: `${V}/policies/eligibility?orgId=${f.orgId}` })),
  'POST /api/v1/policies/eligibility': placed((f) => ({
    url: `${V}/policies/eligibility`,
    body: { orgId: f.orgId, effectiveFrom: '2021-01-01', dibaoLineFen: 78_000 },
  })),

  'POST /api/v1/funds': placed((f, n) => ({
    url: `${V}/funds`,
    body: { orgId: f.orgId, name: `新资金${f.tag}${n}`, source: 'union', restrictedProgramme: null, year: 2027 },
  })),
  'GET /api/v1/funds': list((f) => ({ url: `${V}/funds?orgId=${f.orgId}` })),
  'GET /api/v1/funds/choices': list((f) => ({ url: `${V}/funds/choices?orgId=${f.orgId}` })),
  'POST /api/v1/funds/:id/receipts': placed((f) => ({
    url: `${V}/funds/${f.fundId}/receipts`,
    body: { amountFen: 100, memo: '测试' },
  })),
  'POST /api/v1/funds/:id/allocations': placed((f) => ({
    url: `${V}/funds/${f.fundId}/allocations`,
    body: { fromOrgId: f.orgId, toOrgId: f.orgId, amountFen: 1, memo: '测试' },
  })),
  'GET /api/v1/ledger/entries': list((f) => ({ url: `${V}/ledger/entries?orgId=${f.orgId}` })),
  'GET /api/v1/ledger/trial-balance': list((f) => ({ url: `${V}/ledger/trial-balance?orgId=${f.orgId}` })),
  'GET /api/v1/budgets': list((f) => ({ url: `${V}/budgets?orgId=${f.orgId}&year=2027` })),
  'PUT /api/v1/budgets': placed((f) => ({
    url: `${V}/budgets`,
    body: { orgId: f.orgId, programme: 'living', year: 2027, amountFen: 100_000_000 },
  })),

  'GET /api/v1/programmes/templates': unplaced(() => ({ url: `${V}/programmes/templates` })),
  'GET /api/v1/programmes/rules': placed((f) => ({ url: `${V}/programmes/rules?orgId=${f.orgId}` })),
  'POST /api/v1/programmes/rules': placed((f) => ({
    url: `${V}/programmes/rules`,
    body: { orgId: f.orgId, templateId: 'seed004.p1.medical', effectiveFrom: '2021-01-01', params: {} },
  })),
  'POST /api/v1/programmes/what-if': placed((f) => ({
    url: `${V}/programmes/what-if`,
    body: { orgId: f.orgId, year: 2027 },
  })),

  ...moneyExamples,
  ...serviceDeskExamples,
  ...legalAidExamples,
  ...fileLifeExamples,
};
