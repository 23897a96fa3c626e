import type { Org, OrgListQuery, OrgType } from '@bangfu/contracts';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import { containsLike, isPostgres } from '../../platform/db/dialect.js';
import type { OrgNodeTable } from '../../platform/db/schema.js';
import { type ScopedDb, subtreeEnd, systemSelect, tenantTables } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';

export type OrgRow = Omit<OrgNodeTable, 'id'> & { id: number };

const columns = [
  'id',
  'parent_id',
  'name',
  'type',
  'division_code',
  'status',
  'path',
  'depth',
  'province_code',
  'sort_key',
  'created_at',
  'updated_at',
] as const;

export function toOrg(row: OrgRow, childCount = 0): Org {
  return {
    id: Number(row.id),
    parentId: row.parent_id === null ? null : Number(row.parent_id),
    name: row.name,
    type: row.type as OrgType,
    divisionCode: row.division_code,
    status: row.status as Org['status'],
    path: row.path,
    depth: row.depth,
    provinceCode: row.province_code,
    childCount,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Reads: always through the caller's scope. */

/** A node in scope that can take new records (users, files): else ORG_NOT_FOUND / ORG_INACTIVE. */
export async function findActiveOrThrow(sdb: ScopedDb, id: number): Promise<OrgRow> {
  const org = await findById(sdb, id);
  if (!org) throw new AppError('ORG_NOT_FOUND', { id });
  if (org.status !== 'active') throw new AppError('ORG_INACTIVE', { id });
  return org;
}
export function findById(sdb: ScopedDb, id: number): Promise<OrgRow | undefined> {
  return sdb.selectFrom('org_node').select(columns).where('id', '=', id).executeTakeFirst() as Promise<
    OrgRow | undefined
  >;
}

export async function childCounts(sdb: ScopedDb, ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await sdb
    .selectFrom('org_node')
    .select(['parent_id', sql<number>`count(*)`.as('n')])
    .where('parent_id', 'in', ids)
    .groupBy('parent_id')
    .execute();
  return new Map(rows.map((r) => [Number(r.parent_id), Number(r.n)]));
}

/** Children of a node (or a search over the whole subtree when q/type is given without parent). */
export async function list(sdb: ScopedDb, q: OrgListQuery & { parentId?: number }) {
  let qb = sdb.selectFrom('org_node');
  if (q.parentId !== undefined) qb = qb.where('parent_id', '=', q.parentId);
  if (q.q) {
    const text = q.q;
    qb = qb.where((eb) =>
      eb.or([
        containsLike('name', text),
        containsLike('division_code', text),
        containsLike('sort_key', text.toLowerCase()),
      ]),
    );
  }
  if (q.type) qb = qb.where('type', '=', q.type);
  if (q.status) qb = qb.where('status', '=', q.status);
  const [rows, total] = await Promise.all([
    qb.select(columns).orderBy('depth').orderBy('sort_key').orderBy('id').limit(q.limit).offset(q.offset).execute(),
    qb.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as OrgRow[], total: Number(total.n) };
}

/** The whole subtree in path order, in pages (export, import resolution). */
export function subtree(sdb: ScopedDb, afterPath = '', limit = 5000): Promise<OrgRow[]> {
  return sdb
    .selectFrom('org_node')
    .select(columns)
    .where('path', '>', afterPath)
    .orderBy('path')
    .limit(limit)
    .execute() as Promise<OrgRow[]>;
}

export async function siblingNameTaken(sdb: ScopedDb, parentId: number, name: string, exceptId?: number) {
  let qb = sdb.selectFrom('org_node').select('id').where('parent_id', '=', parentId).where('name', '=', name);
  if (exceptId !== undefined) qb = qb.where('id', '!=', exceptId);
  return (await qb.executeTakeFirst()) !== undefined;
}

/** Division codes are unique across the whole country, whoever holds them. */
export async function divisionCodeTaken(db: Db, code: string, exceptId?: number) {
  let qb = systemSelect(db, 'org_node', 'uniqueness').select('id').where('division_code', '=', code);
  if (exceptId !== undefined) qb = qb.where('id', '!=', exceptId);
  return (await qb.executeTakeFirst()) !== undefined;
}

export async function childTypes(sdb: ScopedDb, id: number): Promise<string[]> {
  const rows = await sdb.selectFrom('org_node').select('type').distinct().where('parent_id', '=', id).execute();
  return rows.map((r) => r.type);
}

export async function countActiveUsersIn(sdb: ScopedDb, path: string): Promise<number> {
  const r = await sdb
    .selectFrom('app_user')
    .select(sql<number>`count(*)`.as('n'))
    .where('org_path', '>=', path)
    .where('org_path', '<', subtreeEnd(path))
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Writes take a transaction; the service has checked scope before calling them. */
export async function insert(
  trx: Db,
  row: Omit<OrgRow, 'id' | 'path' | 'depth'> & { parentPath: string | null },
): Promise<OrgRow> {
  const { parentPath, ...values } = row;
  const inserted = await trx
    .insertInto('org_node')
    .values({ ...values, path: `pending-${Math.random()}`, depth: parentPath ? parentPath.split('/').length - 2 : 0 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(inserted.id);
  const path = `${parentPath ?? '/'}${id}/`;
  await trx.updateTable('org_node').set({ path }).where('id', '=', id).execute();
  return { ...values, id, path, depth: path.split('/').length - 3 };
}

export async function update(trx: Db, id: number, patch: Partial<Omit<OrgRow, 'id'>>) {
  await trx.updateTable('org_node').set(patch).where('id', '=', id).execute();
}

/**
 * Move a subtree: rewrite the path prefix and depth of every descendant, and the org_path (and province_code when
 * the move crosses provinces) of every row of every tenant table below it, so the moved unions keep their files,
 * money and goods, the old parent loses sight of them and the new one gains it. The audit trail stays where it
 * happened: its entries keep the path and the chain (province) they were written under.
 */
export async function moveSubtree(
  trx: Db,
  node: OrgRow,
  newParent: OrgRow,
  opts: { provinceCode: string | null; now: string },
) {
  const oldPrefix = node.path;
  const newPrefix = `${newParent.path}${node.id}/`;
  const delta = newParent.depth + 1 - node.depth;
  const end = subtreeEnd(oldPrefix);
  const cut = oldPrefix.length + 1;
  await trx
    .updateTable('org_node')
    .set({
      path: sql`${newPrefix} || substr(path, ${cut})`,
      depth: sql`depth + ${delta}`,
      ...(opts.provinceCode ? { province_code: opts.provinceCode } : {}),
      updated_at: opts.now,
    })
    .where('path', '>=', oldPrefix)
    .where('path', '<', end)
    .execute();
  await trx.updateTable('org_node').set({ parent_id: newParent.id }).where('id', '=', node.id).execute();
  for (const table of tenantTables) {
    if (table === 'audit_log') continue;
    // Every tenant table has the same three org columns (TenantColumns); one of them stands for the type.
    await trx
      .updateTable(table as 'household')
      .set({
        org_path: sql`${newPrefix} || substr(org_path, ${cut})`,
        ...(opts.provinceCode ? { province_code: opts.provinceCode } : {}),
      })
      .where('org_path', '>=', oldPrefix)
      .where('org_path', '<', end)
      .execute();
  }
}

export async function setStatusSubtree(trx: Db, path: string, status: string, now: string) {
  await trx
    .updateTable('org_node')
    .set({ status, updated_at: now })
    .where('path', '>=', path)
    .where('path', '<', subtreeEnd(path))
    .execute();
}

export function findRoot(db: Db): Promise<OrgRow | undefined> {
  return systemSelect(db, 'org_node', 'boot')
    .select(columns)
    .where('parent_id', 'is', null)
    .orderBy('id')
    .executeTakeFirst() as Promise<OrgRow | undefined>;
}

/** Which of these division codes are already held anywhere in the country. */
/** Whether the tree holds any node below the root (the demo fills only a fresh database). */
export async function anyBelowRoot(db: Db): Promise<boolean> {
  const row = await systemSelect(db, 'org_node', 'cli')
    .select('id')
    .where('parent_id', 'is not', null)
    .executeTakeFirst();
  return row !== undefined;
}

export async function codesTaken(db: Db, codes: string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let i = 0; i < codes.length; i += 500) {
    const chunk = codes.slice(i, i + 500);
    const rows = await systemSelect(db, 'org_node', 'uniqueness')
      .select('division_code')
      .where('division_code', 'in', chunk)
      .execute();
    for (const r of rows) if (r.division_code) taken.add(r.division_code);
  }
  return taken;
}

/** Reserve n ids so that a bulk insert can compute paths before writing (inside the import's transaction). */
export async function reserveIds(trx: Db, n: number): Promise<number[]> {
  if (isPostgres(trx)) {
    const r = await sql<{
      id: number;
    }>`select nextval(pg_get_serial_sequence('org_node', 'id')) as id from generate_series(1, ${n})`.execute(trx);
    return r.rows.map((x) => Number(x.id));
  }
  const r = await sql<{ m: number | null }>`select max(id) as m from org_node`.execute(trx);
  const start = Number(r.rows[0]?.m ?? 0) + 1;
  return Array.from({ length: n }, (_, i) => start + i);
}

export async function insertMany(trx: Db, rows: OrgRow[]) {
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto('org_node')
      .values(rows.slice(i, i + 500))
      .execute();
}
