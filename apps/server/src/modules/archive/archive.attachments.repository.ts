import type { Db } from '../../platform/db/connect.js';
import type { HouseholdAttachmentTable } from '../../platform/db/schema.js';
import type { ScopedDb } from '../../platform/db/scoped.js';

export async function insertAttachment(trx: Db, row: Omit<HouseholdAttachmentTable, 'id'>): Promise<number> {
  const r = await trx.insertInto('household_attachment').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

/** The file's attachments still listed (not removed), oldest first; no content. */
export function listedAttachments(sdb: ScopedDb, householdId: number) {
  return sdb
    .selectFrom('household_attachment')
    .select(['id', 'kind', 'filename', 'mime', 'size_bytes', 'sha256', 'uploaded_at'])
    .where('household_id', '=', householdId)
    .where('removed_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** One attachment of the file, removed or not, with its encrypted content. */
export function attachmentWithContent(sdb: ScopedDb, householdId: number, attachmentId: number) {
  return sdb
    .selectFrom('household_attachment')
    .select(['filename', 'mime', 'sha256', 'content_enc'])
    .where('household_id', '=', householdId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
}

export function findAttachment(sdb: ScopedDb, householdId: number, attachmentId: number) {
  return sdb
    .selectFrom('household_attachment')
    .select(['id', 'filename', 'removed_at'])
    .where('household_id', '=', householdId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
}

export async function markRemoved(trx: Db, attachmentId: number, now: string): Promise<void> {
  await trx.updateTable('household_attachment').set({ removed_at: now }).where('id', '=', attachmentId).execute();
}
