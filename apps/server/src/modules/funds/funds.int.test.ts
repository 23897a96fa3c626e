import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv } from '../../test-support/env.js';

/** Funds and the double-entry ledger: every movement balances, no account goes negative, nothing is rewritten. */
describe.each(testDialects)('funds and ledger on %s', (dialect) => {
  let env: TestEnv;
  let county: { id: number };
  let street: { id: number };
  let sibling: { id: number };
  let finance: Client;
  let streetFinance: Client;
  let siblingFinance: Client;
  let fundId: number;

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    const c = await env.countyWithStreet();
    county = c.county;
    street = c.street;
    sibling = await env.org(c.province.id, '浈江区总工会', 'county', '440204');
    await env.user('fin', county.id, ['finance']);
    await env.user('street-fin', street.id, ['finance']);
    await env.user('sib-fin', sibling.id, ['finance']);
    finance = await env.login('fin');
    streetFinance = await env.login('street-fin');
    siblingFinance = await env.login('sib-fin');
  });
  afterAll(() => env.close());

  it('creates a restricted fund and receives money into it, balanced', async () => {
    const f = await finance.post('/api/v1/funds', {
      orgId: county.id,
      name: '2027年困难职工生活救助专项资金',
      source: 'government',
      restrictedProgramme: 'living',
      year: 2027,
    });
    expect(f.status, f.text).toBe(201);
    fundId = f.body.id;
    const r = await finance.post(`/api/v1/funds/${fundId}/receipts`, { amountFen: 10_000_000, memo: '区财政拨款' });
    expect(r.status, r.text).toBe(201);
    const funds = await finance.get(`/api/v1/funds?orgId=${county.id}`);
    expect(funds.body.items).toEqual([
      expect.objectContaining({
        id: fundId,
        restrictedProgramme: 'living',
        balances: expect.objectContaining({ cash: 10_000_000, source: 10_000_000 }),
      }),
    ]);
  });

  it('allocates down the tree; the street sees the fund and its balance', async () => {
    const a = await finance.post(`/api/v1/funds/${fundId}/allocations`, {
      fromOrgId: county.id,
      toOrgId: street.id,
      amountFen: 3_000_000,
      memo: '下拨西河镇',
    });
    expect(a.status, a.text).toBe(201);
    const s = await streetFinance.get(`/api/v1/funds?orgId=${street.id}`);
    expect(s.body.items).toEqual([
      expect.objectContaining({
        id: fundId,
        balances: expect.objectContaining({ cash: 3_000_000, allocated_in: 3_000_000 }),
      }),
    ]);
    const c = await finance.get(`/api/v1/funds?orgId=${county.id}`);
    expect(c.body.items[0].balances).toMatchObject({ cash: 7_000_000, allocated_out: 3_000_000, source: 10_000_000 });
  });

  it('refuses an overdraft, an upward allocation and an out-of-scope fund, with clear errors and nothing moved', async () => {
    const over = await finance.post(`/api/v1/funds/${fundId}/allocations`, {
      fromOrgId: county.id,
      toOrgId: street.id,
      amountFen: 7_000_001,
      memo: '超额',
    });
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe('LEDGER_INSUFFICIENT');
    expect(over.body.error.message).toContain('70,000.00');
    const up = await finance.post(`/api/v1/funds/${fundId}/allocations`, {
      fromOrgId: street.id,
      toOrgId: county.id,
      amountFen: 100,
      memo: '上交',
    });
    expect(up.body.error.code).toBe('ALLOCATION_NOT_DOWNWARD');
    expect((await siblingFinance.post(`/api/v1/funds/${fundId}/receipts`, { amountFen: 1, memo: 'x' })).status).toBe(
      404,
    );
    expect((await siblingFinance.get(`/api/v1/funds?orgId=${county.id}`)).status).toBe(404);
    const c = await finance.get(`/api/v1/funds?orgId=${county.id}`);
    expect(c.body.items[0].balances.cash).toBe(7_000_000);
  });

  it('offers proposers the funds a batch may use, by name only', async () => {
    await env.user('clerk', county.id, ['intake_clerk']);
    const clerk = await env.login('clerk');
    expect((await clerk.get(`/api/v1/funds?orgId=${county.id}`)).status).toBe(403);
    const c = await clerk.get(`/api/v1/funds/choices?orgId=${county.id}&programme=living`);
    expect(c.status, c.text).toBe(200);
    expect(c.body.items).toEqual([
      {
        id: fundId,
        name: '2027年困难职工生活救助专项资金',
        source: 'government',
        restrictedProgramme: 'living',
        year: 2027,
      },
    ]);
    const other = await clerk.get(`/api/v1/funds/choices?orgId=${county.id}&programme=medical`);
    expect(other.body.items).toEqual([]);
    expect((await finance.get(`/api/v1/funds/choices?orgId=${county.id}`)).status).toBe(403);
  });

  it('keeps a balanced trial balance and lists entries with their lines', async () => {
    const tb = await finance.get(`/api/v1/ledger/trial-balance?orgId=${county.id}`);
    expect(tb.body).toMatchObject({
      balanced: true,
      debitsFen: 16_000_000,
      creditsFen: 16_000_000,
      unbalancedEntries: [],
    });
    const e = await finance.get(`/api/v1/ledger/entries?orgId=${county.id}`);
    expect(e.body.total).toBe(2);
    expect(e.body.items[0].lines).toHaveLength(4);
    const se = await streetFinance.get(`/api/v1/ledger/entries?orgId=${street.id}`);
    expect(se.body.total).toBe(0); // the allocation is posted by the county
  });

  it('the database refuses to rewrite or delete ledger lines and a negative balance', async () => {
    await expect(sql`update ledger_line set debit_fen = debit_fen + 1`.execute(env.ctx.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from ledger_entry`.execute(env.ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`update ledger_account set balance_fen = -1`.execute(env.ctx.db)).rejects.toThrow();
  });

  // SQLite cannot defer a check to commit (postEntry's own check holds there), so this one is PostgreSQL's alone.
  if (dialect === 'postgres')
    it('PostgreSQL refuses to commit an entry whose lines do not balance', async () => {
      const acc = await env.ctx.db.selectFrom('ledger_account').selectAll().limit(1).executeTakeFirstOrThrow();
      const unbalanced = env.ctx.db.transaction().execute(async (trx) => {
        const e = await trx
          .insertInto('ledger_entry')
          .values({
            org_id: acc.org_id,
            org_path: acc.org_path,
            province_code: acc.province_code,
            kind: 'receipt',
            memo: '只有借方',
            total_fen: 100,
            posted_by: null,
            posted_by_name: 'test',
            posted_at: new Date().toISOString(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('ledger_line')
          .values({
            ...{ org_id: acc.org_id, org_path: acc.org_path, province_code: acc.province_code },
            entry_id: e.id,
            account_id: acc.id,
            fund_id: acc.fund_id,
            debit_fen: 100,
            credit_fen: 0,
            grant_id: null,
          })
          .execute();
      });
      await expect(unbalanced).rejects.toThrow(/does not balance/);
    });

  it('budgets per programme and year', async () => {
    const b = await finance.put('/api/v1/budgets', {
      orgId: county.id,
      programme: 'living',
      year: 2027,
      amountFen: 5_000_000,
    });
    expect(b.status, b.text).toBe(200);
    expect(b.body.items).toEqual([{ programme: 'living', year: 2027, amountFen: 5_000_000, usedFen: 0 }]);
  });
});
