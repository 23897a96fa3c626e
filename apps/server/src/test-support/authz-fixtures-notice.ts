import type { NoticeSubjectType } from '@bangfu/contracts';
import { openNotice, recordObjection, verifyObjection } from '../modules/notice/notice.service.js';
import type { Actor } from '../platform/auth/actor.js';
import type { AppContext } from '../platform/context.js';

export type ObjectionIds = Record<NoticeSubjectType, number>;

/**
 * A node's batch, application and campaign each on notice with one objection, verified (so it holds no
 * decision), for the routes that read a notice or verify an objection (verifying it again answers 409).
 */
export async function noticeFixtures(
  ctx: AppContext,
  sys: Actor,
  ids: { batchId: number; applicationId: number; campaignId: number },
): Promise<ObjectionIds> {
  const out = {} as ObjectionIds;
  for (const [type, id] of [
    ['batch', ids.batchId],
    ['application', ids.applicationId],
    ['campaign', ids.campaignId],
  ] as const) {
    await openNotice(ctx, sys, type, id, {});
    const o = await recordObjection(ctx, sys, type, id, { raisedBy: '群众', text: '核对收入' });
    await verifyObjection(ctx, sys, type, id, o.id, '经核实属实情况无误');
    out[type] = o.id;
  }
  return out;
}
