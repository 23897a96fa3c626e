import { auditedContent, sealUpload } from '../../platform/attachments.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { mustBeIn, mustFindApplication, transition } from './legalaid.flow.js';
import * as repo from './legalaid.repository.js';

/**
 * Evidence of an application (labour contract, pay slips, letters — the shared store in platform/attachments.ts):
 * type read from the content (JPG, PNG, PDF), ≤ 10 MB, SHA-256 kept and checked on download, content encrypted,
 * placed with the application; added until the case is closed.
 */
export async function addEvidence(ctx: AppContext, actor: Actor, id: number, f: { filename: string; content: Buffer }) {
  require(actor, 'legalaid.write');
  const sealed = sealUpload(ctx, actor, f);
  const { filename, mime, size_bytes: size, sha256 } = sealed;
  let attachmentId = 0;
  await transition(ctx, actor, id, 'attach', (a) => {
    mustBeIn(a, ['pending', 'approved', 'assigned'], 'attach');
    return {
      patch: {},
      data: { filename, mime, size, sha256 },
      also: async (trx) => {
        attachmentId = await repo.insertAttachment(trx, {
          org_id: Number(a.org_id),
          org_path: a.org_path,
          province_code: a.province_code,
          application_id: id,
          ...sealed,
        });
      },
    };
  });
  return { id: attachmentId, filename, mime, sizeBytes: size, sha256 };
}

/** The evidence's content, for those handling legal aid: audited, checksum verified. */
export async function evidenceContent(ctx: AppContext, actor: Actor, id: number, attachmentId: number) {
  require(actor, 'legalaid.write');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const a = await mustFindApplication(sdb, id);
  const r = await repo.attachmentContent(sdb, id, attachmentId);
  return auditedContent(
    ctx,
    actor,
    r,
    attachmentId,
    {
      action: 'legal_aid.attachment_read',
      entityType: 'legal_aid_application',
      entityId: id,
      orgPath: a.org_path,
      chain: a.province_code,
    },
    'legal-aid attachment',
  );
}
