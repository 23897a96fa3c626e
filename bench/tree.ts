import { sql } from 'kysely';
import * as repo from '../apps/server/src/modules/orgs/orgs.repository.js';
import type { Db } from '../apps/server/src/platform/db/connect.js';
import { ScopedDb } from '../apps/server/src/platform/db/scoped.js';

type Row = repo.OrgRow;

/** Generate a national tree: provinces × cities × counties × streets × enterprises, inserted in bulk. */
export async function generateTree(
  db: Db,
  shape: number[],
): Promise<{ total: number; sampleCounty: Row; sampleProvince: Row }> {
  const types = ['province', 'city', 'county', 'street', 'enterprise'] as const;
  const now = new Date().toISOString();
  const root = await repo.findRoot(db);
  if (!root) throw new Error('no root');
  let level: Row[] = [root];
  let total = 1;
  let sampleCounty: Row | undefined;
  let sampleProvince: Row | undefined;
  for (let d = 0; d < shape.length; d++) {
    const n = shape[d] as number;
    const next: Row[] = [];
    await db.transaction().execute(async (trx) => {
      const ids = await repo.reserveIds(trx, level.length * n);
      let k = 0;
      for (const parent of level) {
        for (let i = 0; i < n; i++) {
          const id = ids[k++] as number;
          const type = types[d] as string;
          next.push({
            id,
            parent_id: parent.id,
            name: `${type}-${id}`,
            type,
            division_code: type === 'province' ? String(11 + i).padStart(2, '0') + '0000' : null,
            status: 'active',
            path: `${parent.path}${id}/`,
            depth: parent.depth + 1,
            province_code: type === 'province' ? String(11 + i).padStart(2, '0') : parent.province_code,
            sort_key: `${type} ${id}`,
            created_at: now,
            updated_at: now,
          });
        }
      }
      await repo.insertMany(trx, next);
    });
    total += next.length;
    if (types[d] === 'province') sampleProvince = next[Math.floor(next.length / 2)];
    if (types[d] === 'county') sampleCounty = next[Math.floor(next.length / 2)];
    level = next;
  }
  await sql`analyze`.execute(db).catch(() => {});
  return { total, sampleCounty: sampleCounty as Row, sampleProvince: sampleProvince as Row };
}

/** The subtree reads every report will make: count the subtree, page through it, list children. */
export async function subtreeReads(db: Db, node: Row) {
  const sdb = new ScopedDb(db, { orgId: node.id, path: node.path, provinceCode: node.province_code });
  const listed = await repo.list(sdb, { limit: 100, offset: 0 });
  const children = await repo.list(sdb, { parentId: node.id, limit: 100, offset: 0 });
  const page = await repo.subtree(sdb, '', 1000);
  return listed.total + children.total + page.length;
}
