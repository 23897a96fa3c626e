import { chinaDate } from '../platform/clock.js';
import { PNG } from './authz-fixtures.js';
import type { Example } from './route-examples.js';

/** The rights desk's routes in the authorization matrix (see route-examples.ts for the kinds). */
const placed = (build: Example['build']): Example => ({ build });
const list = (build: Example['build']): Example => ({ kind: 'list', build });
const unplaced = (build: () => { url: string; body?: unknown }): Example => ({ kind: 'unplaced', build });
const V = '/api/v1';
const today = () => chinaDate(new Date());

export const serviceDeskExamples: Record<string, Example> = {
  'POST /api/v1/work-orders': unplaced(() => ({
    url: `${V}/work-orders`,
    body: { channel: 'phone', categories: ['policy_question'], content: '咨询政策' },
  })),
  'GET /api/v1/work-orders': list((f) => ({ url: `${V}/work-orders?orgId=${f.orgId}` })),
  'GET /api/v1/work-orders/queues/:queue': list((f) => ({
    url: `${V}/work-orders/queues/supervised?orgId=${f.orgId}`,
  })),
  'GET /api/v1/work-orders/queue-counts': list((f) => ({ url: `${V}/work-orders/queue-counts?orgId=${f.orgId}` })),
  'GET /api/v1/work-orders/caller': list((f) => ({ url: `${V}/work-orders/caller?phone=${f.deskPhone}` })),
  'GET /api/v1/work-orders/:id': placed((f) => ({ url: `${V}/work-orders/${f.workOrderId}` })),
  'GET /api/v1/work-orders/:id/person': placed((f) => ({ url: `${V}/work-orders/${f.workOrderId}/person` })),
  'POST /api/v1/work-orders/:id/handle-here': placed((f) => ({ url: `${V}/work-orders/${f.workOrderId}/handle-here` })),
  'POST /api/v1/work-orders/:id/transfer': placed((f) => ({
    url: `${V}/work-orders/${f.workOrderId}/transfer`,
    body: { orgId: f.orgId },
  })),
  'POST /api/v1/work-orders/:id/assign': placed((f) => ({
    url: `${V}/work-orders/${f.workOrderId}/assign`,
    body: { userId: f.deskUserId },
  })),
  'POST /api/v1/work-orders/:id/accept': placed((f) => ({ url: `${V}/work-orders/${f.workOrderId}/accept` })),
  'POST /api/v1/work-orders/:id/return': placed((f) => ({
    url: `${V}/work-orders/${f.workOrderId}/return`,
    body: { reason: '不属本单位' },
  })),
  'POST /api/v1/work-orders/:id/supervise': placed((f) => ({
    url: `${V}/work-orders/${f.workOrderId}/supervise`,
    body: { dueOn: today(), demand: '限期报告' },
  })),
  'POST /api/v1/work-orders/:id/note': placed((f) => ({
    url: `${V}/work-orders/${f.workOrderId}/note`,
    body: { note: '已联系企业' },
  })),
  'POST /api/v1/work-orders/:id/extension': placed((f) => ({
    url: `${V}/work-orders/${f.workOrderId}/extension`,
    body: { reason: '需调查', workingDays: 1 },
  })),
  'POST /api/v1/work-orders/:id/extension/decision': placed((f) => ({
    url: `${V}/work-orders/${f.workOrderId}/extension/decision`,
    body: { approve: true },
  })),
  'POST /api/v1/work-orders/:id/close': placed((f) => ({
    url: `${V}/work-orders/${f.workOrderId}/close`,
    body: { replyMethod: 'phone', reply: '已答复', result: 'explained' },
  })),
  'POST /api/v1/work-orders/:id/callback': placed((f) => ({
    url: `${V}/work-orders/${f.workOrderId}/callback`,
    body: { satisfaction: 'satisfied' },
  })),
  'POST /api/v1/work-orders/:id/reopen': placed((f) => ({
    url: `${V}/work-orders/${f.workOrderId}/reopen`,
    body: { reason: '复查' },
  })),
  'POST /api/v1/work-orders/:id/supervisions/:supervisionId/report': placed((f) => ({
    url: `${V}/work-orders/${f.workOrderId}/supervisions/${f.supervisionId}/report`,
    body: { report: '已办理' },
  })),
  'POST /api/v1/work-orders/:id/attachments': placed((f) => ({
    url: `${V}/work-orders/${f.workOrderId}/attachments`,
    file: { name: 'c.png', content: PNG },
  })),
  'GET /api/v1/work-orders/:id/attachments/:attachmentId': placed((f) => ({
    url: `${V}/work-orders/${f.workOrderId}/attachments/${f.workOrderAttachmentId}`,
  })),
  'GET /api/v1/servicedesk/settings/:id': placed((f) => ({ url: `${V}/servicedesk/settings/${f.orgId}` })),
  'PUT /api/v1/servicedesk/settings/:id': placed((f) => ({
    url: `${V}/servicedesk/settings/${f.orgId}`,
    body: { generalDays: 15, difficultDays: 30, complexDays: 60, dueSoonDays: 2, repeatWindowDays: 90 },
  })),
  'GET /api/v1/servicedesk/colleagues': list((f) => ({ url: `${V}/servicedesk/colleagues?orgId=${f.orgId}` })),
  'GET /api/v1/duty-shifts': list((f) => ({ url: `${V}/duty-shifts?orgId=${f.orgId}` })),
  'GET /api/v1/duty-shifts/now': list((f) => ({ url: `${V}/duty-shifts/now?orgId=${f.orgId}` })),
  'POST /api/v1/duty-shifts': placed((f) => ({
    url: `${V}/duty-shifts`,
    body: {
      orgId: f.orgId,
      userId: f.deskUserId,
      startsAt: `${today()}T20:00:00+08:00`,
      endsAt: `${today()}T23:00:00+08:00`,
    },
  })),
  'POST /api/v1/duty-shifts/:id/handover': placed((f) => ({
    url: `${V}/duty-shifts/${f.dutyShiftId}/handover`,
    body: { note: '交班' },
  })),
  'POST /api/v1/duty-shifts/:id/cancel': placed((f) => ({ url: `${V}/duty-shifts/${f.dutyShiftId}/cancel` })),
};
