import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connect.js';
import { isPostgres } from '../db/dialect.js';
import type { AuditLogTable } from '../db/schema.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEvent {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  /** Path of the node the entity belongs to: who may read this entry. */
  orgPath: string;
  /** Chain key: the province code, so each province's chain can live on its own partition. */
  chain: string;
  before?: unknown;
  after?: unknown;
}

type HashedFields = Omit<AuditLogTable, 'id' | 'hash'>;

/** The hash of an entry: sha256 over its fields and the previous entry's hash, in a fixed order. */
export function entryHash(e: HashedFields): string {
  const canonical = JSON.stringify([
    e.chain,
    Number(e.seq),
    e.at,
    e.actor_id === null ? null : Number(e.actor_id),
    e.actor_name,
    e.org_path,
    e.action,
    e.entity_type,
    e.entity_id,
    e.before_json,
    e.after_json,
    e.ip,
    e.prev_hash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

const toJson = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

/**
 * Append one entry to the hash chain, inside the caller's transaction so the change and its audit entry
 * commit together. The chain head row is locked (PostgreSQL) or the write lock is held (SQLite), so
 * concurrent writers serialise per chain.
 */
export async function appendAudit(trx: Db, clock: Clock, actor: Actor | null, event: AuditEvent): Promise<void> {
  const chain = event.chain;
  await trx
    .insertInto('audit_head')
    .values({ chain, seq: 0, hash: GENESIS_HASH })
    .onConflict((oc) => oc.column('chain').doNothing())
    .execute();
  const head = isPostgres(trx)
    ? await sql<{ seq: number; hash: string }>`select seq, hash from audit_head where chain = ${chain} for update`
        .execute(trx)
        .then((r) => r.rows[0])
    : await trx.selectFrom('audit_head').select(['seq', 'hash']).where('chain', '=', chain).executeTakeFirst();
  if (!head) throw new Error(`audit chain head ${chain} missing`);
  const fields: HashedFields = {
    chain,
    seq: Number(head.seq) + 1,
    at: clock.now().toISOString(),
    actor_id: actor?.userId ?? null,
    actor_name: actor ? actor.username : null,
    org_path: event.orgPath,
    action: event.action,
    entity_type: event.entityType,
    entity_id: event.entityId === undefined || event.entityId === null ? null : String(event.entityId),
    before_json: toJson(event.before),
    after_json: toJson(event.after),
    ip: actor?.ip ?? null,
    prev_hash: head.hash,
  };
  const hash = entryHash(fields);
  await trx
    .insertInto('audit_log')
    .values({ ...fields, hash })
    .execute();
  await trx.updateTable('audit_head').set({ seq: fields.seq, hash }).where('chain', '=', chain).execute();
}

/** Fields that never enter the audit log in clear. */
const SECRET_KEYS = new Set(['password', 'password_hash', 'passwordHash', 'newPassword', 'currentPassword']);

export function redact<T extends Record<string, unknown>>(obj: T | null | undefined): Record<string, unknown> | null {
  if (!obj) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = SECRET_KEYS.has(k) ? '[redacted]' : v;
  return out;
}
