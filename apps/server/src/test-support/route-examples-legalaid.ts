import { chinaDate } from '../platform/clock.js';
import { PNG } from './authz-fixtures.js';
import type { Example } from './route-examples.js';

/** Legal aid's routes and the rights desk's analysis in the authorization matrix (see route-examples.ts). */
const placed = (build: Example['build']): Example => ({ build });
const list = (build: Example['build']): Example => ({ kind: 'list', build });
const unplaced = (build: () => { url: string; body?: unknown }): Example => ({ kind: 'unplaced', build });
const V = '/api/v1';
const today = () => chinaDate(new Date());

export const legalAidExamples: Record<string, Example> = {
  'GET /api/v1/servicedesk/stats': list((f) => ({ url: `${V}/servicedesk/stats?orgId=${f.orgId}&period=year` })),
  'GET /api/v1/servicedesk/stats.xlsx': list((f) => ({ url: `${V}/servicedesk/stats.xlsx?orgId=${f.orgId}` })),

  'POST /api/v1/legal-aid': unplaced(() => ({
    url: `${V}/legal-aid`,
    body: { personName: '申请人', disputeKind: 'wages_owed', reasons: '拖欠工资' },
  })),
  'GET /api/v1/legal-aid': list((f) => ({ url: `${V}/legal-aid?orgId=${f.orgId}` })),
  'GET /api/v1/legal-aid/:id': placed((f) => ({ url: `${V}/legal-aid/${f.legalAidId}` })),
  'GET /api/v1/legal-aid/:id/person': placed((f) => ({ url: `${V}/legal-aid/${f.legalAidId}/person` })),
  'GET /api/v1/legal-aid/:id/lawyers': placed((f) => ({ url: `${V}/legal-aid/${f.legalAidId}/lawyers` })),
  'POST /api/v1/legal-aid/:id/decision': placed((f) => ({
    url: `${V}/legal-aid/${f.legalAidId}/decision`,
    body: { approve: true, caseKind: 'mediation', opinion: '同意' },
  })),
  'POST /api/v1/legal-aid/:id/assign': placed((f) => ({
    url: `${V}/legal-aid/${f.legalAidId}/assign`,
    body: { department: '法律部' },
  })),
  'POST /api/v1/legal-aid/:id/steps': placed((f) => ({
    url: `${V}/legal-aid/${f.legalAidId}/steps`,
    body: { stepOn: today(), kind: 'consultation', what: '约谈' },
  })),
  'PUT /api/v1/legal-aid/:id/mediation': placed((f) => ({
    url: `${V}/legal-aid/${f.legalAidId}/mediation`,
    body: { employer: '某公司', mediator: '调解员' },
  })),
  'POST /api/v1/legal-aid/:id/agreement': placed((f) => ({
    url: `${V}/legal-aid/${f.legalAidId}/agreement`,
    body: { terms: '分期支付', amountFen: 100, signedOn: today() },
  })),
  'POST /api/v1/legal-aid/:id/close': placed((f) => ({
    url: `${V}/legal-aid/${f.legalAidId}/close`,
    body: { outcome: 'other', note: '结案' },
  })),
  'POST /api/v1/legal-aid/:id/withdraw': placed((f) => ({
    url: `${V}/legal-aid/${f.legalAidId}/withdraw`,
    body: { reason: '撤回' },
  })),
  'POST /api/v1/legal-aid/:id/steps/:stepId/result': placed((f) => ({
    url: `${V}/legal-aid/${f.legalAidId}/steps/${f.legalAidStepId}/result`,
    body: { result: '已开庭' },
  })),
  'POST /api/v1/legal-aid/:id/attachments': placed((f) => ({
    url: `${V}/legal-aid/${f.legalAidId}/attachments`,
    file: { name: 'e.png', content: PNG },
  })),
  'GET /api/v1/legal-aid/:id/attachments/:attachmentId': placed((f) => ({
    url: `${V}/legal-aid/${f.legalAidId}/attachments/${f.legalAidAttachmentId}`,
  })),
  'GET /api/v1/legal-lawyers': list((f) => ({ url: `${V}/legal-lawyers?orgId=${f.orgId}` })),
  'POST /api/v1/legal-lawyers': placed((f, n) => ({
    url: `${V}/legal-lawyers`,
    body: {
      orgId: f.orgId,
      name: '新律师',
      firm: '律师事务所',
      licenceNo: `1440${String(n).padStart(9, '0')}`,
      phone: '13800001111',
      contractFrom: '2026-01-01',
      contractTo: '2099-12-31',
    },
  })),
  'PATCH /api/v1/legal-lawyers/:id': placed((f) => ({
    url: `${V}/legal-lawyers/${f.lawyerId}`,
    body: { version: 1, note: '续聘' },
  })),
  'GET /api/v1/legal-lawyers/:id/phone': placed((f) => ({ url: `${V}/legal-lawyers/${f.lawyerId}/phone` })),
};
