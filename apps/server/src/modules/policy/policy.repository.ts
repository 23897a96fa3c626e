import type { EligibilityPolicy } from '@bangfu/policy';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import { type ScopedDb, systemSelect } from '../../platform/db/scoped.js';

/** Every version attached to the nodes of a path (the node and its ancestors): inheritance reads upward. */
export async function versionsOnPath(db: Db, orgPath: string) {
  const ids = orgPath.split('/').filter(Boolean).map(Number);
  const rows = await systemSelect(db, 'eligibility_policy', 'policy-inheritance')
    .select(['org_id', 'version', 'effective_from', 'data_json'])
    .where('org_id', 'in', ids)
    .execute();
  return {
    ids,
    rows: rows.map((r) => ({ orgId: Number(r.org_id), policy: JSON.parse(r.data_json) as EligibilityPolicy })),
  };
}

export function versionsOf(sdb: ScopedDb, orgId: number) {
  return sdb
    .selectFrom('eligibility_policy')
    .select(['version', 'effective_from', 'data_json', 'created_at'])
    .where('org_id', '=', orgId)
    .orderBy('version', 'desc')
    .execute();
}

export async function nextVersion(trx: Db, orgId: number): Promise<number> {
  const r = await sql<{
    v: number | null;
  }>`select max(version) as v from eligibility_policy where org_id = ${orgId}`.execute(trx);
  return Number(r.rows[0]?.v ?? 0) + 1;
}

export async function insert(
  trx: Db,
  row: {
    org_id: number;
    org_path: string;
    province_code: string;
    version: number;
    effective_from: string;
    data_json: string;
    created_by: number | null;
    created_at: string;
  },
) {
  await trx.insertInto('eligibility_policy').values(row).execute();
}
