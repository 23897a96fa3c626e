import { ACTIVE_FILE_STATUSES } from '@bangfu/contracts';
import { type Insertable, sql, type Updateable } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import type { ArchiveImportRowTable, ArchiveImportTable } from '../../platform/db/schema.js';
import { type ScopedDb, systemSelect } from '../../platform/db/scoped.js';

/** Archive imports: the batch (`archive_import`) and its staged rows (`archive_import_row`). */

export function findBatch(sdb: ScopedDb, id: number) {
  return sdb.selectFrom('archive_import').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertBatch(db: Db, row: Insertable<ArchiveImportTable>): Promise<number> {
  const r = await db.insertInto('archive_import').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function updateBatch(db: Db, id: number, set: Updateable<ArchiveImportTable>): Promise<void> {
  await db.updateTable('archive_import').set(set).where('id', '=', id).execute();
}

/** Move the batch from one status only if it is still there; false when another request moved it first. */
export async function moveBatch(
  db: Db,
  id: number,
  from: string,
  set: Updateable<ArchiveImportTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('archive_import')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertRows(trx: Db, rows: Insertable<ArchiveImportRowTable>[]): Promise<void> {
  await trx.insertInto('archive_import_row').values(rows).execute();
}

/**
 * Active files under any of these names, with their union: the few a staged row is compared with for a person
 * already filed under another (mistyped) ID.
 */
export function activeFilesNamed(db: Db, names: string[]) {
  return systemSelect(db, 'household', 'uniqueness')
    .innerJoin('org_node', 'org_node.id', 'household.org_id')
    .select(['household.name', 'household.birth_year', 'household.id_enc', 'org_node.name as org_name'])
    .where('household.name', 'in', names)
    .where('household.status', 'in', [...ACTIVE_FILE_STATUSES])
    .execute();
}

/** A page of the batch's rows (optionally of one status) in row order, and how many there are. */
export async function rowsPage(sdb: ScopedDb, id: number, q: { status?: string; limit: number; offset: number }) {
  let qb = sdb.selectFrom('archive_import_row').where('import_id', '=', id);
  if (q.status) qb = qb.where('status', '=', q.status);
  const [rows, total] = await Promise.all([
    qb
      .select(['id', 'row_no', 'status', 'name', 'problems_json', 'household_id'])
      .orderBy('row_no')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
    qb.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export function findRow(sdb: ScopedDb, id: number, rowId: number) {
  return sdb
    .selectFrom('archive_import_row')
    .select(['id', 'status'])
    .where('import_id', '=', id)
    .where('id', '=', rowId)
    .executeTakeFirst();
}

export async function updateRow(db: Db, rowId: number, set: Updateable<ArchiveImportRowTable>): Promise<void> {
  await db.updateTable('archive_import_row').set(set).where('id', '=', rowId).execute();
}

export async function countRows(sdb: ScopedDb, id: number, statuses: string[]): Promise<number> {
  const r = await sdb
    .selectFrom('archive_import_row')
    .select(sql<number>`count(*)`.as('n'))
    .where('import_id', '=', id)
    .where('status', 'in', statuses)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The next rows still to commit (valid or accepted), in row order. */
export function rowsToCommit(sdb: ScopedDb, id: number, limit: number) {
  return sdb
    .selectFrom('archive_import_row')
    .select(['id', 'row_no', 'payload_enc'])
    .where('import_id', '=', id)
    .where('status', 'in', ['valid', 'accepted'])
    .orderBy('row_no')
    .limit(limit)
    .execute();
}

/** Mark a row committed with its file, only if it is still to commit; false otherwise. */
export async function markRowCommitted(trx: Db, rowId: number, householdId: number): Promise<boolean> {
  const r = await trx
    .updateTable('archive_import_row')
    .set({ status: 'committed', household_id: householdId, payload_enc: null })
    .where('id', '=', rowId)
    .where('status', 'in', ['valid', 'accepted'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
