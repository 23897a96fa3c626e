import { programmes } from '@bangfu/contracts';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import type { AssistanceGrantTable } from '../../platform/db/schema-money.js';
import { type ScopedDb, subtreeEnd, systemSelect } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';

export type GrantRow = Omit<AssistanceGrantTable, 'id' | 'attempt'> & { id: number; attempt: number };
export type NewGrant = Omit<AssistanceGrantTable, 'id' | 'attempt'>;
/** Grants that hold their household's place for a programme and period (the partial unique index's statuses). */
export const LIVE_GRANT = ['proposed', 'approved', 'paid'] as const;

/** Id lists go to the database in slices: SQLite and PostgreSQL cap the parameters of one statement. */
const SLICE = 1000;
const slices = (ids: number[]) =>
  Array.from({ length: Math.ceil(ids.length / SLICE) }, (_, i) => ids.slice(i * SLICE, (i + 1) * SLICE));

const isUniqueViolation = (e: unknown) => {
  const code = (e as { code?: string } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
};

/**
 * Insert grants; the unique index on live grants refuses a household twice for one programme and period (two
 * proposals racing past the check): the refusal is GRANT_DUPLICATE, not a database error.
 */
export async function insertGrants(trx: Db, rows: NewGrant[]) {
  try {
    for (let k = 0; k < rows.length; k += 100)
      await trx
        .insertInto('assistance_grant')
        .values(rows.slice(k, k + 100))
        .execute();
  } catch (e) {
    if (!isUniqueViolation(e) || !rows[0]) throw e;
    const p = rows[0].programme;
    throw new AppError('GRANT_DUPLICATE', {
      period: rows[0].period,
      programme: programmes.zh[p as keyof typeof programmes.zh] ?? p,
    });
  }
}

export function findGrant(sdb: ScopedDb, id: number) {
  return sdb.selectFrom('assistance_grant').selectAll().where('id', '=', id).executeTakeFirst() as Promise<
    GrantRow | undefined
  >;
}

export async function grantsOfBatch(
  sdb: ScopedDb,
  batchId: number,
  q: { limit: number; offset: number; status?: string },
) {
  let qb = sdb.selectFrom('assistance_grant').where('batch_id', '=', batchId);
  if (q.status) qb = qb.where('status', '=', q.status);
  const [rows, n] = await Promise.all([
    qb.selectAll().orderBy('id').limit(q.limit).offset(q.offset).execute(),
    qb.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows: rows as GrantRow[], total: Number(n?.n ?? 0) };
}

export function allGrantsOfBatch(sdb: ScopedDb, batchId: number) {
  return sdb
    .selectFrom('assistance_grant')
    .selectAll()
    .where('batch_id', '=', batchId)
    .orderBy('id')
    .execute() as Promise<GrantRow[]>;
}

/** Count, total and largest live grant of a batch. */
export async function batchTotals(sdb: ScopedDb, batchId: number) {
  const r = await sdb
    .selectFrom('assistance_grant')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.coalesce(eb.fn.sum<number>('amount_fen'), sql<number>`0`).as('total'),
      eb.fn.coalesce(eb.fn.max<number>('amount_fen'), sql<number>`0`).as('max'),
    ])
    .where('batch_id', '=', batchId)
    .where('status', 'in', [...LIVE_GRANT])
    .executeTakeFirstOrThrow();
  return { count: Number(r.n), totalFen: Number(r.total), maxFen: Number(r.max) };
}

/** An application's grant (the newest, should it ever hold more than one). */
export function grantOfApplication(sdb: ScopedDb, applicationId: number) {
  return sdb
    .selectFrom('assistance_grant')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('id', 'desc')
    .executeTakeFirst() as Promise<GrantRow | undefined>;
}

export function grantsOfHousehold(sdb: ScopedDb, householdId: number) {
  return sdb
    .selectFrom('assistance_grant')
    .selectAll()
    .where('household_id', '=', householdId)
    .orderBy('id', 'desc')
    .execute() as Promise<GrantRow[]>;
}

/** Live grants of these households for a programme and period, anywhere (the uniqueness the index enforces). */
export async function liveGrants(db: Db, householdIds: number[], programme: string, period: string) {
  if (householdIds.length === 0) return [];
  // Uniqueness spans the whole country: a keyed read of the same rows the unique index covers.
  const rows = await systemSelect(db, 'assistance_grant', 'uniqueness')
    .select(['household_id', 'batch_id'])
    .where('programme', '=', programme)
    .where('period', '=', period)
    .where('status', 'in', [...LIVE_GRANT])
    .where('household_id', 'in', householdIds)
    .execute();
  return rows.map((x) => ({
    householdId: Number(x.household_id),
    batchId: x.batch_id === null ? null : Number(x.batch_id),
  }));
}

export async function setGrants(trx: Db, ids: number[], patch: Partial<NewGrant>) {
  for (const part of slices(ids))
    await trx.updateTable('assistance_grant').set(patch).where('id', 'in', part).execute();
}

/** Move grants from one status to another; returns how many moved (fewer than asked: someone else moved them). */
export async function moveGrants(
  trx: Db,
  ids: number[],
  from: string,
  patch: Partial<NewGrant> & { status: string; attempt?: number },
) {
  let n = 0;
  for (const part of slices(ids)) {
    const r = await trx
      .updateTable('assistance_grant')
      .set(patch)
      .where('id', 'in', part)
      .where('status', '=', from)
      .executeTakeFirst();
    n += Number(r.numUpdatedRows);
  }
  return n;
}

/** Move every grant of a batch in one status to another (a batch's decision). */
export async function moveBatchGrants(trx: Db, batchId: number, from: string, to: string, now: string) {
  await trx
    .updateTable('assistance_grant')
    .set({ status: to, updated_at: now })
    .where('batch_id', '=', batchId)
    .where('status', '=', from)
    .execute();
}

/** The households' 最近帮扶 date (the 未帮扶 queue reads it). */
export async function markAssisted(trx: Db, householdIds: number[], at: string) {
  for (const part of slices([...new Set(householdIds)]))
    await trx.updateTable('household').set({ last_assisted_at: at }).where('id', 'in', part).execute();
}

/**
 * The programmes a household was granted in a fiscal year (approved or paid), wherever in the tree they were
 * granted: a rule input the system knows (单一项目救助), read by the household's id, not listed to anyone.
 */
export async function programmesGranted(db: Db, householdId: number, fiscalYear: number): Promise<string[]> {
  const rows = await systemSelect(db, 'assistance_grant', 'rule-inputs')
    .select('programme')
    .distinct()
    .where('household_id', '=', householdId)
    .where('fiscal_year', '=', fiscalYear)
    .where('status', 'in', ['approved', 'paid'])
    .orderBy('programme')
    .execute();
  return rows.map((r) => r.programme);
}

/** Money paid or committed (proposed, approved, paid grants) for a programme and year in a subtree. */
export async function committedInYear(sdb: ScopedDb, path: string, programme: string, year: number) {
  const r = await sdb
    .selectFrom('assistance_grant')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_fen'), sql<number>`0`).as('used'))
    .where('org_path', '>=', path)
    .where('org_path', '<', subtreeEnd(path))
    .where('programme', '=', programme)
    .where('fiscal_year', '=', year)
    .where('status', 'in', [...LIVE_GRANT])
    .executeTakeFirstOrThrow();
  return Number(r.used);
}

/** Bank grants of a household not paid yet (proposed, approved, failed): the card they will be paid to. */
export async function setUnpaidBank(trx: Db, householdId: number, bank: { enc: string; mask: string }, now: string) {
  const r = await trx
    .updateTable('assistance_grant')
    .set({ bank_enc: bank.enc, bank_mask: bank.mask, updated_at: now })
    .where('household_id', '=', householdId)
    .where('method', '=', 'bank')
    .where('status', 'in', ['proposed', 'approved', 'failed'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/**
 * A failed grant sent for payment again (failed → approved, the next attempt, the failure's reason cleared); false
 * when another transaction moved it first. Back among the live grants, the unique index may refuse it: a household
 * proposed anew for the same programme and period meanwhile (GRANT_DUPLICATE).
 */
export async function reissueGrant(trx: Db, g: GrantRow, now: string) {
  try {
    const r = await trx
      .updateTable('assistance_grant')
      .set({ status: 'approved', attempt: Number(g.attempt) + 1, failure_reason: null, updated_at: now })
      .where('id', '=', Number(g.id))
      .where('status', '=', 'failed')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    throw new AppError('GRANT_DUPLICATE', {
      period: g.period,
      programme: programmes.zh[g.programme as keyof typeof programmes.zh] ?? g.programme,
    });
  }
}
