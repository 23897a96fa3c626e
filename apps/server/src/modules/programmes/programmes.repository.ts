import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import type { ProgrammeRuleTable } from '../../platform/db/schema-money.js';
import { type ScopedDb, subtreeEnd, systemSelect } from '../../platform/db/scoped.js';

export type RuleRow = Omit<ProgrammeRuleTable, 'id'> & { id: number };

/** Every adopted version of a template on the nodes of a path (inheritance reads upward, like policies). */
export async function rulesOnPath(db: Db, orgPath: string, templateId?: string) {
  const ids = orgPath.split('/').filter(Boolean).map(Number);
  let qb = systemSelect(db, 'programme_rule', 'policy-inheritance').selectAll().where('org_id', 'in', ids);
  if (templateId) qb = qb.where('template_id', '=', templateId);
  return { ids, rows: (await qb.execute()) as RuleRow[] };
}

export function rulesOf(sdb: ScopedDb, orgId: number) {
  return sdb
    .selectFrom('programme_rule')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('template_id')
    .orderBy('version', 'desc')
    .execute() as Promise<RuleRow[]>;
}

export async function nextVersion(trx: Db, orgId: number, templateId: string): Promise<number> {
  const r = await sql<{ v: number | null }>`select max(version) as v from programme_rule
    where org_id = ${orgId} and template_id = ${templateId}`.execute(trx);
  return Number(r.rows[0]?.v ?? 0) + 1;
}

export async function insertRule(trx: Db, row: Omit<ProgrammeRuleTable, 'id'>) {
  await trx.insertInto('programme_rule').values(row).execute();
}

/** The what-if's walk: the next `limit` files in the archive (在档/解困) under a node, in id order after `afterId`. */
export function archivedFilesAfter(sdb: ScopedDb, orgPath: string, afterId: number, limit: number) {
  return sdb
    .selectFrom('household')
    .select(['id', 'grade', 'household_size', 'marital_status', 'single_parent', 'details_json'])
    .where('org_path', '>=', orgPath)
    .where('org_path', '<', subtreeEnd(orgPath))
    .where('status', 'in', ['filed', 'relieved'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}
