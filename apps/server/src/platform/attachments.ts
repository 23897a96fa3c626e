import { createHash } from 'node:crypto';
import { ATTACHMENT_MAX_BYTES } from '@bangfu/contracts';
import { type AuditEvent, appendAudit } from './audit/audit-log.js';
import type { Actor } from './auth/actor.js';
import { type AppContext, transaction } from './context.js';
import type { FieldCrypto } from './crypto.js';
import { AppError } from './errors.js';

/**
 * The generic part of an encrypted attachment store (archive files, work orders, legal-aid evidence): each module
 * keeps its own table, placement and permission checks; the checks on the content, its encryption and the audited,
 * checksum-verified download are here.
 */

export type AttachmentMime = 'image/jpeg' | 'image/png' | 'application/pdf';

/** The type is read from the content (magic bytes), never trusted from the file name or the browser. */
export function sniffMime(b: Buffer): AttachmentMime | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (b.length >= 5 && b.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}

const sha256Of = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** An upload's checks: ≤ ATTACHMENT_MAX_BYTES (ATTACHMENT_TOO_LARGE), JPG/PNG/PDF by content (ATTACHMENT_TYPE). */
export function checkUpload(content: Buffer): { mime: AttachmentMime; sizeBytes: number; sha256: string } {
  if (content.length > ATTACHMENT_MAX_BYTES) throw new AppError('ATTACHMENT_TOO_LARGE');
  const mime = sniffMime(content);
  if (!mime) throw new AppError('ATTACHMENT_TYPE');
  return { mime, sizeBytes: content.length, sha256: sha256Of(content) };
}

/** The content as stored (content_enc): encrypted at rest. */
export const sealContent = (crypto: FieldCrypto, content: Buffer) => crypto.encrypt(content.toString('base64'));

/**
 * A stored attachment's content, for a download: decrypted and checked against its SHA-256 (a mismatch is a
 * server fault, not the user's), the read audited (`audit`: whose attachment it is) in its own transaction.
 */
export async function auditedContent(
  ctx: AppContext,
  actor: Actor,
  r: { filename: string; mime: string; sha256: string; content_enc: string } | undefined,
  attachmentId: number,
  audit: Omit<AuditEvent, 'after' | 'before'>,
  what = 'attachment',
) {
  if (!r) throw new AppError('ATTACHMENT_NOT_FOUND', { id: attachmentId });
  const content = Buffer.from(ctx.crypto.decrypt(r.content_enc), 'base64');
  if (sha256Of(content) !== r.sha256) throw new Error(`${what} ${attachmentId} fails its checksum`);
  await transaction(ctx, (trx) => appendAudit(trx, ctx.clock, actor, { ...audit, after: { attachmentId } }));
  return { filename: r.filename, mime: r.mime, content };
}

/** An upload checked and sealed: the columns every attachment table shares (file name cut to 200 characters). */
export function sealUpload(ctx: AppContext, actor: Actor, f: { filename: string; content: Buffer }) {
  const { mime, sizeBytes, sha256 } = checkUpload(f.content);
  return {
    filename: f.filename.slice(0, 200),
    mime,
    size_bytes: sizeBytes,
    sha256,
    content_enc: sealContent(ctx.crypto, f.content),
    uploaded_by: actor.userId,
    uploaded_by_name: actor.displayName,
    uploaded_at: ctx.clock.now().toISOString(),
  };
}
