import { createHash } from 'node:crypto';
import { ATTACHMENT_MAX_BYTES } from '@bangfu/contracts';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import { sniffMime } from '../archive/archive.attachments.js';
import { mustBeIn, mustFindApplication, transition } from './legalaid.flow.js';
import * as repo from './legalaid.repository.js';

/**
 * Evidence of an application (labour contract, pay slips, letters — the archive's pattern): type read from the
 * content (JPG, PNG, PDF), ≤ 10 MB, SHA-256 kept and checked on download, content encrypted, placed with the
 * application; added until the case is closed.
 */
export async function addEvidence(ctx: AppContext, actor: Actor, id: number, f: { filename: string; content: Buffer }) {
  require(actor, 'legalaid.write');
  if (f.content.length > ATTACHMENT_MAX_BYTES) throw new AppError('ATTACHMENT_TOO_LARGE');
  const mime = sniffMime(f.content);
  if (!mime) throw new AppError('ATTACHMENT_TYPE');
  const sha256 = createHash('sha256').update(f.content).digest('hex');
  const filename = f.filename.slice(0, 200);
  let attachmentId = 0;
  await transition(ctx, actor, id, 'attach', (a) => {
    mustBeIn(a, ['pending', 'approved', 'assigned'], 'attach');
    return {
      patch: {},
      data: { filename, mime, size: f.content.length, sha256 },
      also: async (trx) => {
        attachmentId = await repo.insertAttachment(trx, {
          org_id: Number(a.org_id),
          org_path: a.org_path,
          province_code: a.province_code,
          application_id: id,
          filename,
          mime,
          size_bytes: f.content.length,
          sha256,
          content_enc: ctx.crypto.encrypt(f.content.toString('base64')),
          uploaded_by: actor.userId,
          uploaded_by_name: actor.displayName,
          uploaded_at: ctx.clock.now().toISOString(),
        });
      },
    };
  });
  return { id: attachmentId, filename, mime, sizeBytes: f.content.length, sha256 };
}

/** The evidence's content, for those handling legal aid: audited, checksum verified. */
export async function evidenceContent(ctx: AppContext, actor: Actor, id: number, attachmentId: number) {
  require(actor, 'legalaid.write');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const a = await mustFindApplication(sdb, id);
  const r = await repo.attachmentContent(sdb, id, attachmentId);
  if (!r) throw new AppError('ATTACHMENT_NOT_FOUND', { id: attachmentId });
  const content = Buffer.from(ctx.crypto.decrypt(r.content_enc), 'base64');
  if (createHash('sha256').update(content).digest('hex') !== r.sha256)
    throw new Error(`legal-aid attachment ${attachmentId} fails its checksum`);
  await transaction(ctx, (trx) =>
    appendAudit(trx, ctx.clock, actor, {
      action: 'legal_aid.attachment_read',
      entityType: 'legal_aid_application',
      entityId: id,
      orgPath: a.org_path,
      chain: a.province_code,
      after: { attachmentId },
    }),
  );
  return { filename: r.filename, mime: r.mime, content };
}
