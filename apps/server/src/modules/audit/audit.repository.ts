import type { AuditEntry, AuditQuery } from '@bangfu/contracts';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import type { AuditLogTable } from '../../platform/db/schema.js';
import { type ScopedDb, systemSelect } from '../../platform/db/scoped.js';

type Row = Omit<AuditLogTable, 'id'> & { id: number };

const parse = (s: string | null) => (s === null ? null : (JSON.parse(s) as unknown));

export function toEntry(r: Row): AuditEntry {
  return {
    id: Number(r.id),
    chain: r.chain,
    seq: Number(r.seq),
    at: r.at,
    actorId: r.actor_id === null ? null : Number(r.actor_id),
    actorName: r.actor_name,
    orgPath: r.org_path,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: parse(r.before_json),
    after: parse(r.after_json),
    ip: r.ip,
    hash: r.hash,
  };
}

/** Inclusive day bounds: a bare date 'to' means the end of that day. */
const bound = (v: string, end: boolean) =>
  v.length === 10 ? new Date(`${v}T00:00:00.000Z`).getTime() + (end ? 86_400_000 : 0) : new Date(v).getTime();

export async function query(sdb: ScopedDb, q: AuditQuery) {
  let qb = sdb.selectFrom('audit_log');
  if (q.actorId !== undefined) qb = qb.where('actor_id', '=', q.actorId);
  if (q.action)
    qb = q.action.endsWith('.') ? qb.where('action', 'like', `${q.action}%`) : qb.where('action', '=', q.action);
  if (q.entityType) qb = qb.where('entity_type', '=', q.entityType);
  if (q.entityId) qb = qb.where('entity_id', '=', q.entityId);
  if (q.from) qb = qb.where('at', '>=', new Date(bound(q.from, false)).toISOString());
  if (q.to)
    qb = qb.where('at', '<', new Date(bound(q.to, q.to.length === 10) + (q.to.length === 10 ? 0 : 1)).toISOString());
  const [rows, total] = await Promise.all([
    qb.selectAll().orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute(),
    qb.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: (rows as Row[]).map(toEntry), total: Number(total.n) };
}

/** For verification: every chain named in the log or in the heads. */
export async function chains(db: Db): Promise<{ chain: string; seq: number | null; hash: string | null }[]> {
  const heads = await db.selectFrom('audit_head').select(['chain', 'seq', 'hash']).execute();
  const logged = await systemSelect(db, 'audit_log', 'audit-verify').select('chain').distinct().execute();
  const map = new Map<string, { chain: string; seq: number | null; hash: string | null }>();
  for (const c of logged) map.set(c.chain, { chain: c.chain, seq: null, hash: null });
  for (const h of heads) map.set(h.chain, { chain: h.chain, seq: Number(h.seq), hash: h.hash });
  return [...map.values()].sort((a, b) => a.chain.localeCompare(b.chain));
}

export function chainPage(db: Db, chain: string, afterSeq: number, limit: number): Promise<Row[]> {
  return systemSelect(db, 'audit_log', 'audit-verify')
    .selectAll()
    .where('chain', '=', chain)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute() as Promise<Row[]>;
}

/** The hash stored at one seq of a chain, or undefined when that entry is gone. */
export async function hashAt(db: Db, chain: string, seq: number): Promise<string | undefined> {
  const row = await systemSelect(db, 'audit_log', 'audit-verify')
    .select('hash')
    .where('chain', '=', chain)
    .where('seq', '=', seq)
    .executeTakeFirst();
  return row?.hash;
}
