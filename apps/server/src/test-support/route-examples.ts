import { chinaDate } from '../platform/clock.js';
import { importRow, type NodeFx, PNG } from './authz-fixtures.js';
import { USER_PASSWORD } from './env.js';
import { archiveWorkbook, generatedId, household } from './households.js';
import { legalAidExamples } from './route-examples-legalaid.js';
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
  'GET /api/v1/households/changes': list((f) => ({ url: `${V}/households/changes?orgId=${f.orgId}` })),
  'GET /api/v1/households/changes/:changeId': placed((f) => ({ url: `${V}/households/changes/${f.changeId}` })),
  'POST /api/v1/households/:id/changes': placed((f) => ({
    url: `${V}/households/${f.householdId}/changes`,
    body: {
      baseVersion: 1,
      kinds: ['address_phone'],
      reason: '换了手机号',
      proposed: household(f.orgId, { name: f.householdName, idNumber: f.idNumber, members: [], phone: '13900002222' }),
    },
  })),
  'GET /api/v1/households/:id/changes': placed((f) => ({ url: `${V}/households/${f.householdId}/changes` })),
  'GET /api/v1/households/:id/versions/:a/diff/:b': placed((f) => ({
    url: `${V}/households/${f.householdId}/versions/1/diff/1`,
  })),
  'POST /api/v1/households/changes/:changeId/review': placed((f) => ({
    url: `${V}/households/changes/${f.changeId}/review`,
    body: { decision: 'reject', opinion: '材料不全' },
  })),
  'POST /api/v1/households/changes/:changeId/decide': placed((f) => ({
    url: `${V}/households/changes/${f.changeId}/decide`,
    body: { decision: 'reject', opinion: '不同意' },
  })),
  'POST /api/v1/households/changes/:changeId/finish-notice': placed((f) => ({
    url: `${V}/households/changes/${f.changeId}/finish-notice`,
    body: { decision: 'confirm', opinion: '公示无异议' },
  })),
  'POST /api/v1/households/changes/:changeId/withdraw': placed((f) => ({
    url: `${V}/households/changes/${f.changeId}/withdraw`,
  })),
  'GET /api/v1/households/queues/:queue': unplaced(() => ({ url: `${V}/households/queues/due` })),
  'GET /api/v1/households/clashes': list((f) => ({ url: `${V}/households/clashes?orgId=${f.orgId}` })),
  'GET /api/v1/households/:id/incomes': placed((f) => ({ url: `${V}/households/${f.householdId}/incomes` })),
  'PUT /api/v1/households/:id/incomes/:month': placed((f) => ({
    url: `${V}/households/${f.householdId}/incomes/2026-10`,
    body: { householdIncomeFen: 100_000 },
  })),

  'GET /api/v1/self/file': unplaced(() => ({ url: `${V}/self/file` })),
  'GET /api/v1/self/changes': unplaced(() => ({ url: `${V}/self/changes` })),
  'POST /api/v1/self/changes': unplaced(() => ({
    url: `${V}/self/changes`,
    body: { reason: '换了手机号', phone: '13900003333' },
  })),
  // Sent once, as the own node: a change the worker did not propose (staff did) cannot be withdrawn by them.
  'POST /api/v1/self/changes/:changeId/attachments': {
    kind: 'unplaced',
    build: (f) => ({
      url: `${V}/self/changes/${f.changeId}/attachments?kind=other`,
      file: { name: 'a.png', content: PNG },
    }),
  },
  'POST /api/v1/self/changes/:changeId/withdraw': {
    kind: 'unplaced',
    build: (f) => ({ url: `${V}/self/changes/${f.changeId}/withdraw` }),
  },
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

  'POST /api/v1/batches': placed((f, n) => ({
    url: `${V}/batches`,
    body: { orgId: f.orgId, programme: 'living', period: `2030Q${(n % 4) + 1}`, fundId: f.fundId },
  })),
  'GET /api/v1/batches': list((f) => ({ url: `${V}/batches?orgId=${f.orgId}` })),
  'GET /api/v1/batches/:id': placed((f) => ({ url: `${V}/batches/${f.batchId}` })),
  'GET /api/v1/batches/:id/grants': placed((f) => ({ url: `${V}/batches/${f.batchId}/grants` })),
  'POST /api/v1/batches/:id/resume': placed((f) => ({ url: `${V}/batches/${f.batchId}/resume` })),
  'POST /api/v1/batches/:id/submit': placed((f) => ({ url: `${V}/batches/${f.batchId}/submit`, body: {} })),
  'POST /api/v1/batches/:id/decision': placed((f) => ({
    url: `${V}/batches/${f.batchId}/decision`,
    body: { decision: 'reject', comment: '测试' },
  })),
  'POST /api/v1/batches/:id/refuse-payment': placed((f) => ({
    url: `${V}/batches/${f.batchId}/refuse-payment`,
    body: { reason: '测试' },
  })),
  'POST /api/v1/batches/:id/comments': placed((f) => ({
    url: `${V}/batches/${f.batchId}/comments`,
    body: { comment: '测试' },
  })),
  'POST /api/v1/batches/:id/pay': placed((f) => ({ url: `${V}/batches/${f.batchId}/pay`, body: {} })),
  'POST /api/v1/batches/:id/reconcile': placed((f) => ({
    url: `${V}/batches/${f.batchId}/reconcile`,
    body: { csv: '流水号,结果,原因\n' },
  })),
  'POST /api/v1/grants/:id/mark': placed((f) => ({
    url: `${V}/grants/${f.grantId}/mark`,
    body: { status: 'failed', reason: '测试' },
  })),
  'POST /api/v1/grants/:id/repay': placed((f) => ({ url: `${V}/grants/${f.grantId}/repay`, body: {} })),
  'POST /api/v1/grants/:id/void': placed((f) => ({ url: `${V}/grants/${f.grantId}/void`, body: { reason: '测试' } })),
  'GET /api/v1/batches/:id/payment-list': placed((f) => ({ url: `${V}/batches/${f.batchId}/payment-list` })),
  'GET /api/v1/batches/:id/payment-list.xlsx': placed((f) => ({ url: `${V}/batches/${f.batchId}/payment-list.xlsx` })),
  'GET /api/v1/batches/:id/bank-file.csv': placed((f) => ({ url: `${V}/batches/${f.batchId}/bank-file.csv` })),
  'POST /api/v1/batches/:id/sent-to-bank': placed((f) => ({
    url: `${V}/batches/${f.batchId}/sent-to-bank`,
    body: {},
  })),
  'GET /api/v1/households/:id/grants': placed((f) => ({ url: `${V}/households/${f.householdId}/grants` })),

  'POST /api/v1/goods/receipts': placed((f) => ({
    url: `${V}/goods/receipts`,
    body: {
      orgId: f.orgId,
      donorName: '捐赠人',
      donorKind: 'person',
      category: 'grain_oil',
      itemName: `大米${f.tag}`,
      unit: '袋',
      quantity: 1,
      receivedOn: today(),
      handler: '经手人',
    },
  })),
  'POST /api/v1/goods/handouts': placed((f) => ({
    url: `${V}/goods/handouts`,
    body: {
      stockId: f.stockId,
      householdId: f.householdId,
      quantity: 1,
      handedOn: today(),
      signedName: f.householdName,
      cadre: '干部',
    },
  })),
  'POST /api/v1/goods/transfers': placed((f) => ({
    url: `${V}/goods/transfers`,
    body: { stockId: f.stockId, toOrgId: f.orgId, quantity: 1, movedOn: today(), handler: '经手人' },
  })),
  'POST /api/v1/goods/write-offs': placed((f) => ({
    url: `${V}/goods/write-offs`,
    body: { stockId: f.stockId, quantity: 1, movedOn: today(), reason: '霉变', handler: '经手人' },
  })),
  'GET /api/v1/goods/stock': list((f) => ({ url: `${V}/goods/stock?orgId=${f.orgId}` })),
  'GET /api/v1/goods/movements': list((f) => ({ url: `${V}/goods/movements?orgId=${f.orgId}` })),
  'GET /api/v1/goods/handout-sheet': list((f) => ({ url: `${V}/goods/handout-sheet?orgId=${f.orgId}` })),
  'GET /api/v1/goods/handout-sheet.xlsx': list((f) => ({ url: `${V}/goods/handout-sheet.xlsx?orgId=${f.orgId}` })),
  'GET /api/v1/households/:id/goods': placed((f) => ({ url: `${V}/households/${f.householdId}/goods` })),

  'POST /api/v1/certificates': placed((f) => ({
    url: `${V}/certificates`,
    body: { householdId: f.householdId, kind: 'youdai', benefits: '减免' },
  })),
  'GET /api/v1/certificates': list((f) => ({ url: `${V}/certificates?orgId=${f.orgId}` })),
  'GET /api/v1/certificates/to-revoke': list((f) => ({ url: `${V}/certificates/to-revoke?orgId=${f.orgId}` })),
  'GET /api/v1/certificates/verify/:number': placed((f) => ({ url: `${V}/certificates/verify/${f.certificateNo}` })),
  'GET /api/v1/certificates/:id': placed((f) => ({ url: `${V}/certificates/${f.certificateId}` })),
  'GET /api/v1/certificates/:id/print': placed((f) => ({ url: `${V}/certificates/${f.certificateId}/print` })),
  'POST /api/v1/certificates/:id/revoke': placed((f) => ({
    url: `${V}/certificates/${f.certificateId}/revoke`,
    body: { reason: '测试' },
  })),
  'POST /api/v1/certificates/:id/renew': placed((f) => ({
    url: `${V}/certificates/${f.certificateId}/renew`,
    body: {},
  })),
  'GET /api/v1/households/:id/certificates': placed((f) => ({ url: `${V}/households/${f.householdId}/certificates` })),

  'POST /api/v1/applications': placed((f) => ({
    url: `${V}/applications`,
    body: {
      householdId: f.householdId,
      templateId: 'seed004.p1.medical',
      inputs: { compliantSelfPaidFen: 100_000 },
      period: '2031',
    },
  })),
  'GET /api/v1/applications': list((f) => ({ url: `${V}/applications?orgId=${f.orgId}` })),
  'GET /api/v1/applications/:id': placed((f) => ({ url: `${V}/applications/${f.applicationId}` })),
  'POST /api/v1/applications/:id/decision': placed((f) => ({
    url: `${V}/applications/${f.applicationId}/decision`,
    body: { decision: 'reject', comment: '测试' },
  })),
  'POST /api/v1/applications/:id/refuse-payment': placed((f) => ({
    url: `${V}/applications/${f.applicationId}/refuse-payment`,
    body: { reason: '测试' },
  })),
  'GET /api/v1/approvals/queue': unplaced(() => ({ url: `${V}/approvals/queue` })),
  'GET /api/v1/approvals/sitting': placed((f) => ({
    url: `${V}/approvals/sitting?subjectType=batch&subjectId=${f.batchId}`,
  })),
  'GET /api/v1/approvals/meetings': list((f) => ({
    url: `${V}/approvals/meetings?subjectType=application&subjectId=${f.applicationId}`,
  })),
  'POST /api/v1/approvals/meetings/:id/countersign': placed((f) => ({
    url: `${V}/approvals/meetings/${f.meetingId}/countersign`,
    body: {},
  })),
  'GET /api/v1/approval-bodies': list((f) => ({ url: `${V}/approval-bodies?orgId=${f.orgId}` })),
  'POST /api/v1/approval-bodies': placed((f, n) => ({
    url: `${V}/approval-bodies`,
    body: { orgId: f.orgId, kind: 'committee', name: `委员会${f.tag}${n}` },
  })),
  'PATCH /api/v1/approval-bodies/:id': placed((f) => ({
    url: `${V}/approval-bodies/${f.bodyId}`,
    body: { presentBp: 5000 },
  })),
  'POST /api/v1/approval-bodies/:id/members': placed((f) => ({
    url: `${V}/approval-bodies/${f.bodyId}/members`,
    body: { userId: f.userId, role: 'member', fromDate: '2020-01-01' },
  })),
  'PATCH /api/v1/approval-bodies/:id/members/:memberId': placed((f) => ({
    url: `${V}/approval-bodies/${f.bodyId}/members/${f.bodyMemberId}`,
    body: { role: 'chair' },
  })),
  'POST /api/v1/campaigns': placed((f, n) => ({
    url: `${V}/campaigns`,
    body: {
      orgId: f.orgId,
      programme: 'holiday',
      templateId: 'seed004.p2.holiday',
      title: `新活动${f.tag}${n}`,
      startsOn: today(),
      endsOn: '2099-12-31',
    },
  })),
  'GET /api/v1/batches/:id/notice': placed((f) => ({ url: `${V}/batches/${f.batchId}/notice` })),
  'POST /api/v1/batches/:id/notice': placed((f) => ({ url: `${V}/batches/${f.batchId}/notice`, body: { days: 7 } })),
  'POST /api/v1/batches/:id/notice/objections': placed((f) => ({
    url: `${V}/batches/${f.batchId}/notice/objections`,
    body: { raisedBy: '群众', text: '测试' },
  })),
  'POST /api/v1/batches/:id/notice/objections/:objectionId/verify': placed((f) => ({
    url: `${V}/batches/${f.batchId}/notice/objections/${f.objectionIds.batch}/verify`,
    body: { finding: '测试' },
  })),
  'GET /api/v1/applications/:id/notice': placed((f) => ({ url: `${V}/applications/${f.applicationId}/notice` })),
  'POST /api/v1/applications/:id/notice': placed((f) => ({
    url: `${V}/applications/${f.applicationId}/notice`,
    body: { days: 7 },
  })),
  'POST /api/v1/applications/:id/notice/objections': placed((f) => ({
    url: `${V}/applications/${f.applicationId}/notice/objections`,
    body: { raisedBy: '群众', text: '测试' },
  })),
  'POST /api/v1/applications/:id/notice/objections/:objectionId/verify': placed((f) => ({
    url: `${V}/applications/${f.applicationId}/notice/objections/${f.objectionIds.application}/verify`,
    body: { finding: '测试' },
  })),
  'GET /api/v1/campaigns/:id/notice': placed((f) => ({ url: `${V}/campaigns/${f.campaignId}/notice` })),
  'POST /api/v1/campaigns/:id/notice': placed((f) => ({
    url: `${V}/campaigns/${f.campaignId}/notice`,
    body: { days: 7 },
  })),
  'POST /api/v1/campaigns/:id/notice/objections': placed((f) => ({
    url: `${V}/campaigns/${f.campaignId}/notice/objections`,
    body: { raisedBy: '群众', text: '测试' },
  })),
  'POST /api/v1/campaigns/:id/notice/objections/:objectionId/verify': placed((f) => ({
    url: `${V}/campaigns/${f.campaignId}/notice/objections/${f.objectionIds.campaign}/verify`,
    body: { finding: '测试' },
  })),
  'GET /api/v1/campaigns': list((f) => ({ url: `${V}/campaigns?orgId=${f.orgId}` })),
  'GET /api/v1/campaigns/:id': placed((f) => ({ url: `${V}/campaigns/${f.campaignId}` })),
  'POST /api/v1/campaigns/:id/close': placed((f) => ({ url: `${V}/campaigns/${f.campaignId}/close` })),
  'POST /api/v1/campaigns/:id/decision': placed((f) => ({
    url: `${V}/campaigns/${f.campaignId}/decision`,
    body: { decision: 'reject', comment: '测试' },
  })),
  ...serviceDeskExamples,
  ...legalAidExamples,

  'GET /api/v1/review-rounds': list((f) => ({ url: `${V}/review-rounds?orgId=${f.orgId}` })),
  'POST /api/v1/review-rounds': placed((f) => ({ url: `${V}/review-rounds`, body: { orgId: f.orgId } })),
  'GET /api/v1/review-rounds/:id': placed((f) => ({ url: `${V}/review-rounds/${f.roundId}` })),
  'GET /api/v1/review-rounds/:id/files': list((f) => ({ url: `${V}/review-rounds/${f.roundId}/files?state=all` })),
  'POST /api/v1/review-rounds/:id/refresh': placed((f) => ({ url: `${V}/review-rounds/${f.roundId}/refresh` })),
  'POST /api/v1/review-rounds/:id/close': placed((f) => ({ url: `${V}/review-rounds/${f.roundId}/close` })),
  'POST /api/v1/review-rounds/:id/sample': placed((f) => ({ url: `${V}/review-rounds/${f.roundId}/sample` })),
  'POST /api/v1/review-rounds/:id/files/:householdId/review': placed((f) => ({
    url: `${V}/review-rounds/${f.roundId}/files/${f.householdId}/review`,
    body: { method: 'phone', reviewedOn: today(), findings: `复核${f.tag}`, outcome: 'continue' },
  })),
  'POST /api/v1/review-rounds/:id/files/:householdId/spot-check': placed((f) => ({
    url: `${V}/review-rounds/${f.roundId}/files/${f.householdId}/spot-check`,
    body: { result: 'confirmed' },
  })),
  'POST /api/v1/review-rounds/:id/files/:householdId/decision': placed((f) => ({
    url: `${V}/review-rounds/${f.roundId}/files/${f.householdId}/decision`,
    body: { decision: 'decline', reason: '测试' },
  })),
};
