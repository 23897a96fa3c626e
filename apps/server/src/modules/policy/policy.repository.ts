import type { EligibilityPolicy } from '@bangfu/policy';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import { type ScopedDb, systemSelect } from '../../platform/db/scoped.js';

/** Every version attached to the nodes of a path (the node and its ancestors): inheritance reads upward. */
export async function versionsOnPath(db: Db, orgPath: string) {
  const ids = orgPath.split('/').filter(Boolean).map(Number);
  const rows = await systemSelect(db, 'eligibility_policy', 'policy-inheritance')
    .innerJoin('org_node', 'org_node.id', 'eligibility_policy.org_id')
    .select([
      'eligibility_policy.org_id',
      'eligibility_policy.version',
      'eligibility_policy.effective_from',
      'eligibility_policy.data_json',
      'org_node.name as org_name',
    ])
    .where('eligibility_policy.org_id', 'in', ids)
    .execute();
  return {
    ids,
    // The union's name as it is today names the policy in explanations (EligibilityPolicy.name).
    rows: rows.map((r) => ({
      orgId: Number(r.org_id),
      policy: { ...(JSON.parse(r.data_json) as EligibilityPolicy), name: r.org_name },
    })),
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
