import type { Db } from '../../platform/db/connect.js';
import { lockRow } from '../../platform/db/row-lock.js';
import type { LegalLawyerTable } from '../../platform/db/schema-legalaid.js';
import { type ScopedDb, subtreeEnd, systemSelect } from '../../platform/db/scoped.js';

export type NewLawyer = Omit<LegalLawyerTable, 'id'>;
export type LawyerPatch = Partial<Omit<NewLawyer, 'version' | 'org_id' | 'org_path' | 'province_code'>>;

export const lockLawyer = (trx: Db, id: number) => lockRow(trx, 'legal_lawyer', id);

export async function insertLawyer(trx: Db, row: NewLawyer): Promise<number> {
  const r = await trx.insertInto('legal_lawyer').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

/** An edit from the version it was read at (false: someone changed the lawyer meanwhile). */
export async function updateLawyerIf(trx: Db, id: number, version: number, patch: LawyerPatch): Promise<boolean> {
  const r = await trx
    .updateTable('legal_lawyer')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

const columns = [
  'legal_lawyer.id',
  'legal_lawyer.org_id',
  'legal_lawyer.org_path',
  'legal_lawyer.province_code',
  'legal_lawyer.name',
  'legal_lawyer.firm',
  'legal_lawyer.licence_no',
  'legal_lawyer.phone_mask',
  'legal_lawyer.contract_from',
  'legal_lawyer.contract_to',
  'legal_lawyer.active',
  'legal_lawyer.note',
  'legal_lawyer.version',
  'legal_lawyer.created_at',
  'legal_lawyer.updated_at',
] as const;

export function findLawyer(sdb: ScopedDb, id: number) {
  return sdb
    .selectFrom('legal_lawyer')
    .innerJoin('org_node', 'org_node.id', 'legal_lawyer.org_id')
    .select(columns)
    .select('org_node.name as org_name')
    .where('legal_lawyer.id', '=', id)
    .executeTakeFirst();
}
export type LawyerRow = NonNullable<Awaited<ReturnType<typeof findLawyer>>>;

export function lawyerPhone(sdb: ScopedDb, id: number) {
  return sdb.selectFrom('legal_lawyer').select(['phone_enc']).where('id', '=', id).executeTakeFirst();
}

/** The roster of a subtree (by node, then name); `availableOn`: active and under contract that day. */
export function lawyersUnder(sdb: ScopedDb, path: string, availableOn?: string) {
  let qb = sdb
    .selectFrom('legal_lawyer')
    .innerJoin('org_node', 'org_node.id', 'legal_lawyer.org_id')
    .select(columns)
    .select('org_node.name as org_name')
    .where('legal_lawyer.org_path', '>=', path)
    .where('legal_lawyer.org_path', '<', subtreeEnd(path));
  if (availableOn)
    qb = qb
      .where('legal_lawyer.active', '=', 1)
      .where('legal_lawyer.contract_from', '<=', availableOn)
      .where('legal_lawyer.contract_to', '>=', availableOn);
  return qb.orderBy('legal_lawyer.org_path').orderBy('legal_lawyer.name').limit(1000).execute();
}

/**
 * The lawyers contracted by the unions on a path (the application's union and every union above it): a county's
 * case may go to a lawyer the city contracted. Read whatever the caller's scope, but only on that one line.
 */
export function lawyersOnPath(db: Db, ancestorIds: number[]) {
  return systemSelect(db, 'legal_lawyer', 'legal-roster')
    .innerJoin('org_node', 'org_node.id', 'legal_lawyer.org_id')
    .select(columns)
    .select('org_node.name as org_name')
    .where('legal_lawyer.org_id', 'in', ancestorIds)
    .orderBy('legal_lawyer.org_path', 'desc')
    .orderBy('legal_lawyer.name')
    .execute();
}

/** Is a licence number already on a node's roster? (Uniqueness per node; the index refuses it too.) */
export function licenceAt(sdb: ScopedDb, orgId: number, licenceNo: string, exceptId?: number) {
  let qb = sdb.selectFrom('legal_lawyer').select('id').where('org_id', '=', orgId).where('licence_no', '=', licenceNo);
  if (exceptId !== undefined) qb = qb.where('id', '<>', exceptId);
  return qb.executeTakeFirst();
}
