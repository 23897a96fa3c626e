import { sql } from 'kysely';
import type { Db } from '../../platform/db/connect.js';
import { isPostgres } from '../../platform/db/dialect.js';
import type { FundTable } from '../../platform/db/schema-money.js';
import { type ScopedDb, subtreeEnd } from '../../platform/db/scoped.js';

export type FundRow = Omit<FundTable, 'id'> & { id: number };

export async function insertFund(trx: Db, row: Omit<FundTable, 'id'>): Promise<number> {
  const r = await trx.insertInto('fund').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export function findFund(sdb: ScopedDb, id: number) {
  return sdb.selectFrom('fund').selectAll().where('id', '=', id).executeTakeFirst() as Promise<FundRow | undefined>;
}

/**
 * A fund that can pay at a node: owned by the node itself, or reaching it through an account of the node
 * (allocated down to it). A fund of another node — a sibling county's, a child's — is not there (undefined).
 */
export async function fundAt(sdb: ScopedDb, fundId: number, orgId: number): Promise<FundRow | undefined> {
  const own = await findFund(sdb, fundId);
  if (own && Number(own.org_id) === orgId) return own;
  return (await sdb
    .selectFrom('ledger_account')
    .innerJoin('fund', 'fund.id', 'ledger_account.fund_id')
    .selectAll('fund')
    .where('ledger_account.org_id', '=', orgId)
    .where('ledger_account.fund_id', '=', fundId)
    .executeTakeFirst()) as FundRow | undefined;
}

/** Accounts of one node with their fund, for the node's fund overview. */
export function accountsOfNode(sdb: ScopedDb, orgId: number) {
  return sdb
    .selectFrom('ledger_account')
    .innerJoin('fund', 'fund.id', 'ledger_account.fund_id')
    .select([
      'ledger_account.id',
      'ledger_account.fund_id',
      'ledger_account.kind',
      'ledger_account.programme',
      'ledger_account.balance_fen',
      'fund.name as fund_name',
      'fund.source',
      'fund.restricted_programme',
      'fund.year',
      'fund.org_id as fund_org_id',
    ])
    .where('ledger_account.org_id', '=', orgId)
    .orderBy('ledger_account.fund_id')
    .orderBy('ledger_account.kind')
    .execute();
}

export function fundsOwnedBy(sdb: ScopedDb, orgId: number) {
  return sdb.selectFrom('fund').selectAll().where('org_id', '=', orgId).orderBy('id').execute();
}

export async function entries(sdb: ScopedDb, q: { path: string; fundId?: number; limit: number; offset: number }) {
  let qb = sdb.selectFrom('ledger_entry').where('org_path', '>=', q.path).where('org_path', '<', subtreeEnd(q.path));
  if (q.fundId)
    qb = qb.where((eb) =>
      eb.exists(
        eb
          .selectFrom('ledger_line')
          .select('ledger_line.id')
          .whereRef('ledger_line.entry_id', '=', 'ledger_entry.id')
          .where('ledger_line.fund_id', '=', q.fundId as number),
      ),
    );
  const [rows, count] = await Promise.all([
    qb.selectAll().orderBy('id', 'desc').limit(q.limit).offset(q.offset).execute(),
    qb.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
  ]);
  return { rows, total: Number(count?.n ?? 0) };
}

export function linesOf(sdb: ScopedDb, entryIds: number[]) {
  if (entryIds.length === 0) return Promise.resolve([]);
  return sdb
    .selectFrom('ledger_line')
    .innerJoin('ledger_account', 'ledger_account.id', 'ledger_line.account_id')
    .innerJoin('fund', 'fund.id', 'ledger_line.fund_id')
    .innerJoin('org_node', 'org_node.id', 'ledger_line.org_id')
    .select([
      'ledger_line.id',
      'ledger_line.entry_id',
      'ledger_line.debit_fen',
      'ledger_line.credit_fen',
      'ledger_line.grant_id',
      'ledger_line.fund_id',
      'ledger_account.kind',
      'ledger_account.programme',
      'fund.name as fund_name',
      'org_node.name as org_name',
    ])
    .where('ledger_line.entry_id', 'in', entryIds)
    .orderBy('ledger_line.id')
    .execute();
}

/** Totals over a subtree: all debits and credits, and the entries whose lines do not balance. */
export async function trialBalance(sdb: ScopedDb, path: string) {
  const lines = sdb.selectFrom('ledger_line').where('org_path', '>=', path).where('org_path', '<', subtreeEnd(path));
  const totals = await lines
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number>('debit_fen'), sql<number>`0`).as('debits'),
      eb.fn.coalesce(eb.fn.sum<number>('credit_fen'), sql<number>`0`).as('credits'),
    ])
    .executeTakeFirstOrThrow();
  const unbalanced = await sdb
    .selectFrom('ledger_line')
    .innerJoin('ledger_entry', 'ledger_entry.id', 'ledger_line.entry_id')
    .select(['ledger_line.entry_id', 'ledger_entry.total_fen'])
    .select((eb) => [eb.fn.sum<number>('debit_fen').as('d'), eb.fn.sum<number>('credit_fen').as('c')])
    .where('ledger_entry.org_path', '>=', path)
    .where('ledger_entry.org_path', '<', subtreeEnd(path))
    .groupBy(['ledger_line.entry_id', 'ledger_entry.total_fen'])
    .having((eb) =>
      eb.or([
        eb(eb.fn.sum('debit_fen'), '<>', eb.fn.sum('credit_fen')),
        eb(eb.fn.sum('debit_fen'), '<>', eb.ref('ledger_entry.total_fen')),
      ]),
    )
    .execute();
  const balances = await sdb
    .selectFrom('ledger_account')
    .select(['org_id', 'fund_id', 'kind'])
    .select((eb) => eb.fn.sum<number>('balance_fen').as('balance'))
    .where('org_path', '>=', path)
    .where('org_path', '<', subtreeEnd(path))
    .groupBy(['org_id', 'fund_id', 'kind'])
    .execute();
  return { debits: Number(totals.debits), credits: Number(totals.credits), unbalanced, balances };
}

export async function upsertBudget(
  trx: Db,
  row: {
    org_id: number;
    org_path: string;
    province_code: string;
    programme: string;
    year: number;
    amount_fen: number;
    updated_by: number | null;
    updated_at: string;
  },
) {
  await trx
    .insertInto('programme_budget')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['org_id', 'programme', 'year']).doUpdateSet({
        amount_fen: row.amount_fen,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export function budgetsOf(sdb: ScopedDb, orgId: number, year: number) {
  return sdb
    .selectFrom('programme_budget')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('year', '=', year)
    .orderBy('programme')
    .execute();
}

export function budgetFor(sdb: ScopedDb, orgId: number, programme: string, year: number) {
  return sdb
    .selectFrom('programme_budget')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('programme', '=', programme)
    .where('year', '=', year)
    .executeTakeFirst();
}

/**
 * Hold a budget row until the transaction ends (PostgreSQL: FOR UPDATE; SQLite runs one write transaction at a
 * time): approvals against the same budget check it one after the other, each seeing the others' grants.
 */
export async function lockBudget(db: Db, id: number) {
  if (isPostgres(db)) await sql`select id from programme_budget where id = ${id} for update`.execute(db);
}
