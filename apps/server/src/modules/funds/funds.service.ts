import type { AllocationInputSchema, BudgetInputSchema, FundInputSchema, ReceiptInputSchema } from '@bangfu/contracts';
import type { z } from 'zod';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { type Actor, require } from '../../platform/auth/actor.js';
import { type AppContext, transaction } from '../../platform/context.js';
import { ScopedDb } from '../../platform/db/scoped.js';
import { AppError } from '../../platform/errors.js';
import { committedInYear } from '../grants/grants.repository.js';
import * as orgRepo from '../orgs/orgs.repository.js';
import * as repo from './funds.repository.js';
import { postEntry } from './ledger.js';

const num = (v: unknown) => Number(v);

export async function mustFindFund(sdb: ScopedDb, id: number) {
  const f = await repo.findFund(sdb, id);
  if (!f) throw new AppError('FUND_NOT_FOUND', { id });
  return f;
}

/** A fund: where the money comes from, its year and whether it is restricted to one programme (专款专用). */
export async function createFund(ctx: AppContext, actor: Actor, input: z.infer<typeof FundInputSchema>) {
  require(actor, 'fund.write');
  return transaction(ctx, async (trx) => {
    const org = await orgRepo.findActiveOrThrow(new ScopedDb(trx, actor.scope), input.orgId);
    const row = {
      org_id: org.id,
      org_path: org.path,
      province_code: org.province_code,
      name: input.name,
      source: input.source,
      restricted_programme: input.restrictedProgramme ?? null,
      year: input.year,
      note: input.note ?? null,
      created_by: actor.userId,
      created_at: ctx.clock.now().toISOString(),
    };
    const id = await repo.insertFund(trx, row);
    await appendAudit(trx, ctx.clock, actor, {
      action: 'fund.create',
      entityType: 'fund',
      entityId: id,
      orgPath: org.path,
      chain: org.province_code,
      after: row,
    });
    return { id, ...row };
  });
}

/** Money received into a fund at its own node: Dr 专户存款 / Cr 资金来源. */
export async function receive(ctx: AppContext, actor: Actor, fundId: number, r: z.infer<typeof ReceiptInputSchema>) {
  require(actor, 'fund.write');
  return transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    const fund = await mustFindFund(sdb, fundId);
    const node = await orgRepo.findActiveOrThrow(sdb, num(fund.org_id));
    const entryId = await postEntry(trx, ctx.clock, actor, {
      node,
      kind: 'receipt',
      memo: r.memo,
      ref: { type: 'fund', id: fundId },
      lines: [
        { node, fund, kind: 'cash', debitFen: r.amountFen },
        { node, fund, kind: 'source', creditFen: r.amountFen },
      ],
    });
    await appendAudit(trx, ctx.clock, actor, {
      action: 'fund.receive',
      entityType: 'ledger_entry',
      entityId: entryId,
      orgPath: node.path,
      chain: node.province_code,
      after: { fundId, amountFen: r.amountFen, memo: r.memo },
    });
    return { entryId };
  });
}

/** Allocation down the tree (下拨): the money keeps its fund (and restriction) at the receiving node. */
export async function allocate(
  ctx: AppContext,
  actor: Actor,
  fundId: number,
  a: z.infer<typeof AllocationInputSchema>,
) {
  require(actor, 'fund.write');
  return transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    const from = await orgRepo.findActiveOrThrow(sdb, a.fromOrgId);
    const to = await orgRepo.findActiveOrThrow(sdb, a.toOrgId);
    if (to.id === from.id || !to.path.startsWith(from.path)) throw new AppError('ALLOCATION_NOT_DOWNWARD', {});
    const fund = await repo.fundAt(sdb, fundId, from.id);
    if (!fund) throw new AppError('FUND_NOT_FOUND', { id: fundId });
    const entryId = await postEntry(trx, ctx.clock, actor, {
      node: from,
      kind: 'allocation',
      memo: a.memo,
      ref: { type: 'fund', id: fundId },
      lines: [
        { node: from, fund, kind: 'allocated_out', debitFen: a.amountFen },
        { node: from, fund, kind: 'cash', creditFen: a.amountFen },
        { node: to, fund, kind: 'cash', debitFen: a.amountFen },
        { node: to, fund, kind: 'allocated_in', creditFen: a.amountFen },
      ],
    });
    await appendAudit(trx, ctx.clock, actor, {
      action: 'fund.allocate',
      entityType: 'ledger_entry',
      entityId: entryId,
      orgPath: from.path,
      chain: from.province_code,
      after: { fundId, fromOrgId: from.id, toOrgId: to.id, amountFen: a.amountFen, memo: a.memo },
    });
    return { entryId };
  });
}

/** A node's funds: every fund it holds an account in, or owns, with the balance of each kind. */
export async function fundsAt(ctx: AppContext, actor: Actor, orgId: number) {
  require(actor, 'fund.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const org = await orgRepo.findActiveOrThrow(sdb, orgId);
  const [accounts, owned] = await Promise.all([repo.accountsOfNode(sdb, org.id), repo.fundsOwnedBy(sdb, org.id)]);
  const funds = new Map<
    number,
    Record<string, unknown> & { balances: Record<string, number>; expenseByProgramme: Record<string, number> }
  >();
  const blank = (f: {
    id: number;
    name: string;
    source: string;
    restricted_programme: string | null;
    year: number;
    org_id: number;
  }) => ({
    id: num(f.id),
    name: f.name,
    source: f.source,
    restrictedProgramme: f.restricted_programme,
    year: f.year,
    ownerOrgId: num(f.org_id),
    balances: { cash: 0, source: 0, allocated_out: 0, allocated_in: 0, expense: 0 } as Record<string, number>,
    expenseByProgramme: {} as Record<string, number>,
  });
  for (const f of owned) funds.set(num(f.id), blank(f));
  for (const a of accounts) {
    const id = num(a.fund_id);
    const f =
      funds.get(id) ??
      blank({
        id,
        name: a.fund_name,
        source: a.source,
        restricted_programme: a.restricted_programme,
        year: a.year,
        org_id: num(a.fund_org_id),
      });
    funds.set(id, f);
    f.balances[a.kind] = (f.balances[a.kind] ?? 0) + num(a.balance_fen);
    if (a.kind === 'expense') f.expenseByProgramme[a.programme] = num(a.balance_fen);
  }
  return { orgId: org.id, orgName: org.name, items: [...funds.values()] };
}

/**
 * The funds a batch at a node may be paid from, by name only (no balances): proposers (intake clerks, reviewers)
 * choose the fund of a batch without holding fund.read. A restricted fund is offered only for its programme.
 */
export async function fundChoices(ctx: AppContext, actor: Actor, orgId: number, programme?: string) {
  require(actor, 'assistance.propose');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const org = await orgRepo.findActiveOrThrow(sdb, orgId);
  const [accounts, owned] = await Promise.all([repo.accountsOfNode(sdb, org.id), repo.fundsOwnedBy(sdb, org.id)]);
  const items = new Map<
    number,
    { id: number; name: string; source: string; restrictedProgramme: string | null; year: number }
  >();
  for (const f of owned)
    items.set(num(f.id), {
      id: num(f.id),
      name: f.name,
      source: f.source,
      restrictedProgramme: f.restricted_programme,
      year: f.year,
    });
  for (const a of accounts)
    if (!items.has(num(a.fund_id)))
      items.set(num(a.fund_id), {
        id: num(a.fund_id),
        name: a.fund_name,
        source: a.source,
        restrictedProgramme: a.restricted_programme,
        year: a.year,
      });
  const usable = [...items.values()].filter(
    (f) => !programme || f.restrictedProgramme === null || f.restrictedProgramme === programme,
  );
  return { orgId: org.id, items: usable };
}

export async function ledgerEntries(
  ctx: AppContext,
  actor: Actor,
  q: { orgId: number; fundId?: number; limit: number; offset: number },
) {
  require(actor, 'fund.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const org = await orgRepo.findActiveOrThrow(sdb, q.orgId);
  const { rows, total } = await repo.entries(sdb, {
    path: org.path,
    fundId: q.fundId,
    limit: q.limit,
    offset: q.offset,
  });
  const lines = await repo.linesOf(
    sdb,
    rows.map((r) => num(r.id)),
  );
  return {
    total,
    limit: q.limit,
    offset: q.offset,
    items: rows.map((e) => ({
      id: num(e.id),
      kind: e.kind,
      memo: e.memo,
      refType: e.ref_type,
      refId: e.ref_id === null ? null : num(e.ref_id),
      totalFen: num(e.total_fen),
      postedBy: e.posted_by_name,
      postedAt: e.posted_at,
      lines: lines
        .filter((l) => num(l.entry_id) === num(e.id))
        .map((l) => ({
          org: l.org_name,
          fund: l.fund_name,
          fundId: num(l.fund_id),
          account: l.kind,
          programme: l.programme || null,
          debitFen: num(l.debit_fen),
          creditFen: num(l.credit_fen),
          grantId: l.grant_id === null ? null : num(l.grant_id),
        })),
    })),
  };
}

/**
 * Trial balance of a subtree: debits equal credits overall and in every entry, and every node's books hold
 * the identity cash + allocated out + expense = source + allocated in, fund by fund.
 */
export async function trialBalance(ctx: AppContext, actor: Actor, orgId: number) {
  require(actor, 'fund.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const org = await orgRepo.findActiveOrThrow(sdb, orgId);
  const t = await repo.trialBalance(sdb, org.path);
  const books = new Map<string, { orgId: number; fundId: number; debitSide: number; creditSide: number }>();
  for (const b of t.balances) {
    const key = `${b.org_id}/${b.fund_id}`;
    const row = books.get(key) ?? { orgId: num(b.org_id), fundId: num(b.fund_id), debitSide: 0, creditSide: 0 };
    if (b.kind === 'source' || b.kind === 'allocated_in') row.creditSide += num(b.balance);
    else row.debitSide += num(b.balance);
    books.set(key, row);
  }
  const nodesOff = [...books.values()].filter((b) => b.debitSide !== b.creditSide);
  return {
    orgId: org.id,
    debitsFen: t.debits,
    creditsFen: t.credits,
    unbalancedEntries: t.unbalanced.map((u) => num(u.entry_id)),
    nodesOutOfBalance: nodesOff,
    balanced: t.debits === t.credits && t.unbalanced.length === 0 && nodesOff.length === 0,
  };
}

export async function putBudget(ctx: AppContext, actor: Actor, b: z.infer<typeof BudgetInputSchema>) {
  require(actor, 'fund.write');
  const orgId = await transaction(ctx, async (trx) => {
    const sdb = new ScopedDb(trx, actor.scope);
    const org = await orgRepo.findActiveOrThrow(sdb, b.orgId);
    const before = await repo.budgetFor(sdb, org.id, b.programme, b.year);
    await repo.upsertBudget(trx, {
      org_id: org.id,
      org_path: org.path,
      province_code: org.province_code,
      programme: b.programme,
      year: b.year,
      amount_fen: b.amountFen,
      updated_by: actor.userId,
      updated_at: ctx.clock.now().toISOString(),
    });
    await appendAudit(trx, ctx.clock, actor, {
      action: 'budget.put',
      entityType: 'programme_budget',
      entityId: `${org.id}/${b.programme}/${b.year}`,
      orgPath: org.path,
      chain: org.province_code,
      before: before ? { amountFen: num(before.amount_fen) } : null,
      after: { amountFen: b.amountFen },
    });
    return org.id;
  });
  return budgetsAt(ctx, actor, orgId, b.year);
}

/** Budgets of a node for a year, with what its subtree has paid or committed against each. */
export async function budgetsAt(ctx: AppContext, actor: Actor, orgId: number, year: number) {
  require(actor, 'fund.read');
  const sdb = new ScopedDb(ctx.db, actor.scope);
  const org = await orgRepo.findActiveOrThrow(sdb, orgId);
  const rows = await repo.budgetsOf(sdb, org.id, year);
  const items = [];
  for (const r of rows)
    items.push({
      programme: r.programme,
      year: r.year,
      amountFen: num(r.amount_fen),
      usedFen: await committedInYear(sdb, org.path, r.programme, year),
    });
  return { orgId: org.id, year, items };
}
