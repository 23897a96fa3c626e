import { chinaDate } from '../platform/clock.js';
import { PNG } from './authz-fixtures.js';
import { household } from './households.js';
import type { Example } from './route-examples.js';

/** Requests for the routes of files that live (issue 9): change requests, clashes, the worker's changes, the yearly review. */
const placed = (build: Example['build']): Example => ({ build });
const list = (build: Example['build']): Example => ({ kind: 'list', build });
const unplaced = (build: () => { url: string; body?: unknown }): Example => ({ kind: 'unplaced', build });
const V = '/api/v1';
const today = () => chinaDate(new Date());

export const fileLifeExamples: Record<string, Example> = {
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
