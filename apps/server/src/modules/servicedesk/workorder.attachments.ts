import { auditedContent, sealUpload } from '../../platform/attachments.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import { isOwner, mustBeOwnerOrSuperior, mustFindOrder, transition } from './workorder.flow.js';
import * as repo from './workorder.repository.js';
import { maySeePerson } from './workorder.view.js';

/**
 * A letter, a scan or a photo on a work order (the shared store in platform/attachments.ts): type read from the
 * content (JPG, PNG, PDF), ≤ 10 MB, SHA-256 kept and checked on download, content encrypted at rest, placed with
 * the order.
 */
export async function addOrderAttachment(
  ctx: AppContext,
  actor: Actor,
  id: number,
  a: { filename: string; content: Buffer },
) {
  require(actor, 'servicedesk.write');
  const sealed = sealUpload(ctx, actor, a);
  const { filename, mime, size_bytes: size, sha256 } = sealed;
  let attachmentId = 0;
  await transition(ctx, actor, id, 'attach', (o) => {
    if (!isOwner(actor, o) && actor.scope.orgId !== Number(o.org_id)) mustBeOwnerOrSuperior(actor, o, 'attach');
    return {
      patch: {},
      data: { filename, mime, size, sha256 },
      also: async (trx) => {
        attachmentId = await repo.insertAttachment(trx, {
          org_id: Number(o.org_id),
          org_path: o.org_path,
          province_code: o.province_code,
          work_order_id: id,
          ...sealed,
        });
      },
    };
  });
  return { id: attachmentId, filename, mime, sizeBytes: size, sha256 };
}

/** The content, for those handling the order (and who may see the person, if confidential): audited, checksum verified. */
export async function orderAttachmentContent(ctx: AppContext, actor: Actor, id: number, attachmentId: number) {
  require(actor, 'servicedesk.write');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const o = await mustFindOrder(sdb, id);
  const supervisors = (await repo.supervisorsOf(sdb, [id])).get(id) ?? [];
  if (!maySeePerson(actor, o, supervisors)) throw new AppError('WORK_ORDER_CONFIDENTIAL');
  const r = await repo.attachmentContent(sdb, id, attachmentId);
  return auditedContent(
    ctx,
    actor,
    r,
    attachmentId,
    {
      action: 'work_order.attachment_read',
      entityType: 'work_order',
      entityId: id,
      orgPath: o.org_path,
      chain: o.province_code,
    },
    'work order attachment',
  );
}
