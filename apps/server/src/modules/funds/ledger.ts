import { DEBIT_NORMAL, programmes } from '@bangfu/contracts';
import { formatYuan } from '@bangfu/policy';
import type { Actor } from '../../platform/auth/actor.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/connect.js';
import { systemSelect } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';

/**
 * The double-entry ledger. Every movement is one entry whose lines balance (debits = credits = total); each
 * line moves one account of a node, a fund and a kind. Balances are kept on the account in its normal side
 * and may never go below zero: the update itself refuses (`balance + delta >= 0`), and a CHECK constraint
 * backs it. The ledger is append-only (database triggers); a correction is a reversing entry.
 */
export type AccountKind = 'cash' | 'source' | 'allocated_out' | 'allocated_in' | 'expense';

export interface NodeRef {
  id: number;
  path: string;
  province_code: string;
  name: string;
}
export interface FundRef {
  id: number;
  name: string;
  restricted_programme: string | null;
}

export interface LineSpec {
  node: NodeRef;
  fund: FundRef;
  kind: AccountKind;
  programme?: string;
  debitFen?: number;
  creditFen?: number;
  grantId?: number | null;
}

export interface EntrySpec {
  /** The node that posts the entry (its path scopes the entry). */
  node: NodeRef;
  kind: 'receipt' | 'allocation' | 'payment' | 'reversal';
  memo: string;
  ref?: { type: string; id: number };
  lines: LineSpec[];
}

const isDebitNormal = (k: AccountKind) => (DEBIT_NORMAL as readonly string[]).includes(k);

async function accountId(trx: Db, l: LineSpec): Promise<number> {
  const key = { org_id: l.node.id, fund_id: l.fund.id, kind: l.kind, programme: l.programme ?? '' };
  await trx
    .insertInto('ledger_account')
    .values({ ...key, org_path: l.node.path, province_code: l.node.province_code, balance_fen: 0 })
    .onConflict((oc) => oc.columns(['org_id', 'fund_id', 'kind', 'programme']).doNothing())
    .execute();
  // The account of this node (the posting code already checked scope): a keyed lookup, not a tenant read.
  const row = await systemSelect(trx, 'ledger_account', 'ledger-posting')
    .select('id')
    .where('org_id', '=', key.org_id)
    .where('fund_id', '=', key.fund_id)
    .where('kind', '=', key.kind)
    .where('programme', '=', key.programme)
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Move an account's balance; the update itself refuses to take it below zero. */
async function moveBalance(trx: Db, id: number, delta: number, l: LineSpec) {
  const moved = await trx
    .updateTable('ledger_account')
    .set((eb) => ({ balance_fen: eb('balance_fen', '+', delta) }))
    .where('id', '=', id)
    .where((eb) => eb(eb('balance_fen', '+', delta), '>=', 0))
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) === 1) return;
  const acc = await systemSelect(trx, 'ledger_account', 'ledger-posting')
    .select('balance_fen')
    .where('id', '=', id)
    .executeTakeFirst();
  throw new AppError('LEDGER_INSUFFICIENT', {
    fund: l.fund.name,
    org: l.node.name,
    balance: formatYuan(Number(acc?.balance_fen ?? 0)),
    amount: formatYuan(-delta),
  });
}

/** Post one balanced entry, moving every balance; refuses an overdraft with the fund, node and figures. */
export async function postEntry(trx: Db, clock: Clock, actor: Actor, e: EntrySpec): Promise<number> {
  let debits = 0;
  let credits = 0;
  for (const l of e.lines) {
    const d = l.debitFen ?? 0;
    const c = l.creditFen ?? 0;
    if (!Number.isSafeInteger(d) || !Number.isSafeInteger(c) || d < 0 || c < 0 || (d === 0) === (c === 0))
      throw new AppError('LEDGER_UNBALANCED', { line: l.kind });
    debits += d;
    credits += c;
  }
  if (debits !== credits || debits <= 0) throw new AppError('LEDGER_UNBALANCED', { debits, credits });
  const inserted = await trx
    .insertInto('ledger_entry')
    .values({
      org_id: e.node.id,
      org_path: e.node.path,
      province_code: e.node.province_code,
      kind: e.kind,
      memo: e.memo,
      ref_type: e.ref?.type ?? null,
      ref_id: e.ref?.id ?? null,
      total_fen: debits,
      posted_by: actor.userId,
      posted_by_name: actor.displayName,
      posted_at: clock.now().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const entryId = Number(inserted.id);
  // One balance move per account (a payment's thousands of expense lines share one account), then the lines.
  const accounts = new Map<string, { line: LineSpec; delta: number; id: number }>();
  for (const l of e.lines) {
    const key = `${l.node.id}/${l.fund.id}/${l.kind}/${l.programme ?? ''}`;
    const d = l.debitFen ?? 0;
    const c = l.creditFen ?? 0;
    const a = accounts.get(key) ?? { line: l, delta: 0, id: 0 };
    a.delta += isDebitNormal(l.kind) ? d - c : c - d;
    accounts.set(key, a);
  }
  for (const a of accounts.values()) {
    a.id = await accountId(trx, a.line);
    if (a.delta !== 0) await moveBalance(trx, a.id, a.delta, a.line);
  }
  const rows = e.lines.map((l) => ({
    org_id: l.node.id,
    org_path: l.node.path,
    province_code: l.node.province_code,
    entry_id: entryId,
    account_id: (accounts.get(`${l.node.id}/${l.fund.id}/${l.kind}/${l.programme ?? ''}`) as { id: number }).id,
    fund_id: l.fund.id,
    debit_fen: l.debitFen ?? 0,
    credit_fen: l.creditFen ?? 0,
    grant_id: l.grantId ?? null,
  }));
  for (let k = 0; k < rows.length; k += 500)
    await trx
      .insertInto('ledger_line')
      .values(rows.slice(k, k + 500))
      .execute();
  return entryId;
}

/** 专款专用: a restricted fund pays only its programme. */
export function assertFundServes(fund: FundRef, programme: string) {
  if (fund.restricted_programme && fund.restricted_programme !== programme)
    throw new AppError('FUND_RESTRICTED', {
      fund: fund.name,
      programme: programmes.zh[fund.restricted_programme as keyof typeof programmes.zh] ?? fund.restricted_programme,
    });
}
