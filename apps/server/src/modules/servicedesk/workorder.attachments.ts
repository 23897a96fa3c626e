import { createHash } from 'node:crypto';
import { ATTACHMENT_MAX_BYTES } from '@bangfu/contracts';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import { sniffMime } from '../archive/archive.attachments.js';
import { isOwner, mustBeOwnerOrSuperior, mustFindOrder, transition } from './workorder.flow.js';
import * as repo from './workorder.repository.js';
import { maySeePerson } from './workorder.view.js';

/**
 * A letter, a scan or a photo on a work order (the archive's pattern): type read from the content (JPG, PNG, PDF),
 * ≤ 10 MB, SHA-256 kept and checked on download, content encrypted at rest, placed with the order.
 */
export async function addOrderAttachment(
  ctx: AppContext,
  actor: Actor,
  id: number,
  a: { filename: string; content: Buffer },
) {
  require(actor, 'servicedesk.write');
  if (a.content.length > ATTACHMENT_MAX_BYTES) throw new AppError('ATTACHMENT_TOO_LARGE');
  const mime = sniffMime(a.content);
  if (!mime) throw new AppError('ATTACHMENT_TYPE');
  const sha256 = createHash('sha256').update(a.content).digest('hex');
  const filename = a.filename.slice(0, 200);
  let attachmentId = 0;
  await transition(ctx, actor, id, 'attach', (o) => {
    if (!isOwner(actor, o) && actor.scope.orgId !== Number(o.org_id)) mustBeOwnerOrSuperior(actor, o, 'attach');
    return {
      patch: {},
      data: { filename, mime, size: a.content.length, sha256 },
      also: async (trx) => {
        attachmentId = await repo.insertAttachment(trx, {
          org_id: Number(o.org_id),
          org_path: o.org_path,
          province_code: o.province_code,
          work_order_id: id,
          filename,
          mime,
          size_bytes: a.content.length,
          sha256,
          content_enc: ctx.crypto.encrypt(a.content.toString('base64')),
          uploaded_by: actor.userId,
          uploaded_by_name: actor.displayName,
          uploaded_at: ctx.clock.now().toISOString(),
        });
      },
    };
  });
  return { id: attachmentId, filename, mime, sizeBytes: a.content.length, sha256 };
}

/** The content, for those handling the order (and who may see the person, if confidential): audited, checksum verified. */
export async function orderAttachmentContent(ctx: AppContext, actor: Actor, id: number, attachmentId: number) {
  require(actor, 'servicedesk.write');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const o = await mustFindOrder(sdb, id);
  const supervisors = (await repo.supervisorsOf(sdb, [id])).get(id) ?? [];
  if (!maySeePerson(actor, o, supervisors)) throw new AppError('WORK_ORDER_CONFIDENTIAL');
  const r = await repo.attachmentContent(sdb, id, attachmentId);
  if (!r) throw new AppError('ATTACHMENT_NOT_FOUND', { id: attachmentId });
  const content = Buffer.from(ctx.crypto.decrypt(r.content_enc), 'base64');
  if (createHash('sha256').update(content).digest('hex') !== r.sha256)
    throw new Error(`work order attachment ${attachmentId} fails its checksum`);
  await transaction(ctx, (trx) =>
    appendAudit(trx, ctx.clock, actor, {
      action: 'work_order.attachment_read',
      entityType: 'work_order',
      entityId: id,
      orgPath: o.org_path,
      chain: o.province_code,
      after: { attachmentId },
    }),
  );
  return { filename: r.filename, mime: r.mime, content };
}
