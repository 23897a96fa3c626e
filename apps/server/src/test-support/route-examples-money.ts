import { chinaDate } from '../platform/clock.js';
import type { Example } from './route-examples.js';

/** Requests for the money routes: batches, grants, applications, campaigns, approvals, notices, goods, certificates. */
const placed = (build: Example['build']): Example => ({ build });
const list = (build: Example['build']): Example => ({ kind: 'list', build });
const unplaced = (build: () => { url: string; body?: unknown }): Example => ({ kind: 'unplaced', build });
const V = '/api/v1';
const today = () => chinaDate(new Date());

export const moneyExamples: Record<string, Example> = {
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
};
