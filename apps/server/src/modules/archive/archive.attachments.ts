import type { attachmentKinds } from '@bangfu/contracts';
import { auditedContent, checkUpload, sealContent } from '../../platform/attachments.js';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import type { Db } from '../../platform/db/connect.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import * as repo from './archive.attachments.repository.js';
import { lockHousehold } from './archive.repository.js';
import { mustFindFile } from './archive.service.js';

type Kind = (typeof attachmentKinds)[number];

/** Attach a scan or photo to a file: type and size checked, SHA-256 kept, content encrypted at rest. */
export async function addAttachment(
  ctx: AppContext,
  actor: Actor,
  householdId: number,
  a: { kind: Kind; filename: string; content: Buffer },
) {
  require(actor, 'archive.write');
  return storeAttachment(ctx, actor, householdId, a);
}

/**
 * The upload itself (the caller checked the permission): `forChange` marks it as evidence of a change request
 * and runs the caller's check of that change under the file's lock first (a worker's own pending request).
 */
export async function storeAttachment(
  ctx: AppContext,
  actor: Actor,
  householdId: number,
  a: { kind: Kind; filename: string; content: Buffer },
  forChange?: { id: number; check: (trx: Db) => Promise<void> },
) {
  const { mime, sha256 } = checkUpload(a.content);
  return transaction(ctx, async (trx) => {
    // The file's lock: an upload racing a transfer lands where the file is once the transfer is done.
    await lockHousehold(trx, ctx.dialect, householdId);
    const file = await mustFindFile(new ScopedDb(trx, actor.scope), householdId);
    await forChange?.check(trx);
    const now = ctx.clock.now().toISOString();
    const id = await repo.insertAttachment(trx, {
      household_id: householdId,
      org_id: Number(file.org_id),
      org_path: file.org_path,
      province_code: file.province_code,
      kind: a.kind,
      filename: a.filename.slice(0, 200),
      mime,
      size_bytes: a.content.length,
      sha256,
      content_enc: sealContent(ctx.crypto, a.content),
      uploaded_by: actor.userId,
      uploaded_at: now,
      removed_at: null,
      change_id: forChange?.id ?? null,
    });
    await appendAudit(trx, ctx.clock, actor, {
      action: 'archive.attach',
      entityType: 'household',
      entityId: householdId,
      orgPath: file.org_path,
      chain: file.province_code,
      after: {
        attachmentId: id,
        kind: a.kind,
        mime,
        size: a.content.length,
        sha256,
        ...(forChange ? { changeId: forChange.id } : {}),
      },
    });
    return {
      id,
      kind: a.kind,
      filename: a.filename,
      mime,
      sizeBytes: a.content.length,
      sha256,
      uploadedAt: now,
    };
  });
}

export async function listAttachments(ctx: AppContext, actor: Actor, householdId: number) {
  require(actor, 'archive.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  await mustFindFile(sdb, householdId);
  const rows = await repo.listedAttachments(sdb, householdId);
  return rows.map((r) => ({
    id: Number(r.id),
    kind: r.kind,
    filename: r.filename,
    mime: r.mime,
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    uploadedAt: r.uploaded_at,
  }));
}

/** The content holds personal data (diagnoses, ID copies): personal.reveal, audited, checksum verified. */
export async function attachmentContent(ctx: AppContext, actor: Actor, householdId: number, attachmentId: number) {
  require(actor, 'archive.read');
  require(actor, 'personal.reveal');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const file = await mustFindFile(sdb, householdId);
  const r = await repo.attachmentWithContent(sdb, householdId, attachmentId);
  return auditedContent(ctx, actor, r, attachmentId, {
    action: 'archive.attachment_read',
    entityType: 'household',
    entityId: householdId,
    orgPath: file.org_path,
    chain: file.province_code,
  });
}

/** Remove an attachment from the file's list (a wrong scan): kept in the database, marked removed, audited. */
export async function removeAttachment(
  ctx: AppContext,
  actor: Actor,
  householdId: number,
  attachmentId: number,
  reason: string,
) {
  require(actor, 'archive.write');
  return transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    const file = await mustFindFile(sdb, householdId);
    const r = await repo.findAttachment(sdb, householdId, attachmentId);
    if (!r || r.removed_at) throw new AppError('ATTACHMENT_NOT_FOUND', { id: attachmentId });
    await repo.markRemoved(trx, attachmentId, ctx.clock.now().toISOString());
    await appendAudit(trx, ctx.clock, actor, {
      action: 'archive.attachment_remove',
      entityType: 'household',
      entityId: householdId,
      orgPath: file.org_path,
      chain: file.province_code,
      after: { attachmentId, filename: r.filename, reason },
    });
    return { id: attachmentId, removed: true };
  });
}
