import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv } from '../../test-support/env.js';
import { moneyCounty, moneyDesk, waitComputed } from '../../test-support/money.js';

const DEEP_Q = 197_500; // 7,900 元 ÷ 4
const REL_Q = 157_500; // 6,300 元 ÷ 4

/** Q1 生活救助 for a subtree: computed in bulk, approved by another person at the right level, paid, reconciled. */
describe.each(testDialects)('disbursement batches on %s', (dialect) => {
  let env: TestEnv;
  let county: { id: number };
  let clerk: Client;
  let approver: Client;
  let finance: Client;
  let ids: number[];
  let fundId: number;
  let batchId: number;

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    const m = await moneyCounty(env, 20);
    county = m.county;
    ids = m.ids;
    ({ clerk, approver, finance, fundId } = await moneyDesk(env, county.id, {
      name: '2027年生活救助专项',
      source: 'government',
      amountFen: 5_000_000,
      memo: '财政拨款',
    }));
  });
  afterAll(() => env.close());

  it('computes Q1 living relief for the 20 files with the adopted rule and explains each amount', async () => {
    const c = await clerk.post('/api/v1/batches', {
      orgId: county.id,
      programme: 'living',
      period: '2027Q1',
      method: 'bank',
      fundId,
    });
    expect(c.status, c.text).toBe(202);
    batchId = c.body.id;
    const b = await waitComputed(clerk, batchId);
    expect(b).toMatchObject({
      status: 'computed',
      grantCount: 20,
      totalFen: 10 * DEEP_Q + 10 * REL_Q,
      progress: { done: 20, total: 20 },
      rule: { templateId: 'seed004.p1.living', version: 1 },
    });
    const g = await clerk.get(`/api/v1/batches/${batchId}/grants?limit=100`);
    expect(g.body.total).toBe(20);
    const first = g.body.items.find((x: { householdId: number }) => x.householdId === ids[0]);
    expect(first).toMatchObject({ amountFen: DEEP_Q, status: 'proposed', idMasked: expect.stringMatching(/\*/) });
    expect(first.idMasked).toMatch(/^\*{14}[\dX]{4}$/);
    expect(first.bankMasked).toBe('中国工商银行 **** 3445');
    expect(JSON.stringify(first.explanation)).toContain('7,900');
  });

  it('never puts a household twice in the same programme and period: a second batch finds nobody', async () => {
    const c = await clerk.post('/api/v1/batches', {
      orgId: county.id,
      programme: 'living',
      period: '2027Q1',
      method: 'bank',
      fundId,
    });
    const b = await waitComputed(clerk, c.body.id);
    expect(b).toMatchObject({ grantCount: 0, skippedCount: 20 });
    expect(b.skipped[0].reason).toContain('已在其他批次');
    const dup = env.ctx.db
      .insertInto('assistance_grant')
      .values({
        ...(await env.ctx.db
          .selectFrom('assistance_grant')
          .selectAll()
          .where('batch_id', '=', batchId)
          .limit(1)
          .executeTakeFirstOrThrow()),
        id: undefined as never,
        batch_id: c.body.id,
      })
      .execute();
    await expect(dup).rejects.toThrow(/unique|UNIQUE/);
    expect((await clerk.post(`/api/v1/batches/${c.body.id}/submit`, {})).body.error.code).toBe('BATCH_EMPTY');
  });

  it('sends the batch to the committee (largest grant above 1,000 元); the proposer cannot approve it', async () => {
    const s = await clerk.post(`/api/v1/batches/${batchId}/submit`, { comment: '请审批' });
    expect(s.status, s.text).toBe(200);
    expect(s.body).toMatchObject({ status: 'pending_approval', requiredLevel: 'committee', requiredOrgId: county.id });
    await env.user('clerk-approver', county.id, ['intake_clerk', 'approver']);
    const both = await env.login('clerk-approver');
    const own = await both.post('/api/v1/batches', {
      orgId: county.id,
      programme: 'living',
      period: '2027Q2',
      method: 'bank',
      fundId,
    });
    await waitComputed(clerk, own.body.id);
    await both.post(`/api/v1/batches/${own.body.id}/submit`, {});
    const self = await both.post(`/api/v1/batches/${own.body.id}/decision`, { decision: 'approve' });
    expect(self.status).toBe(403);
    expect(self.body.error.code).toBe('MAKER_CHECKER');
    const queue = await approver.get('/api/v1/approvals/queue');
    expect(queue.body.batches.map((b: { id: number }) => b.id)).toEqual(expect.arrayContaining([batchId, own.body.id]));
    const proposersQueue = await both.get('/api/v1/approvals/queue');
    expect(proposersQueue.body.batches.map((b: { id: number }) => b.id)).not.toContain(own.body.id);
    const rej = await approver.post(`/api/v1/batches/${own.body.id}/decision`, {
      decision: 'reject',
      comment: '下季度再报',
    });
    expect(rej.body.status).toBe('rejected');
  });

  it('refuses approval over the year budget, then approves within it', async () => {
    await finance.put('/api/v1/budgets', { orgId: county.id, programme: 'living', year: 2027, amountFen: 3_000_000 });
    const over = await approver.post(`/api/v1/batches/${batchId}/decision`, { decision: 'approve' });
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe('BUDGET_EXCEEDED');
    await finance.put('/api/v1/budgets', { orgId: county.id, programme: 'living', year: 2027, amountFen: 14_200_000 });
    const ok = await approver.post(`/api/v1/batches/${batchId}/decision`, { decision: 'approve', comment: '同意' });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.status).toBe('approved');
    expect(ok.body.approvals.map((a: { decision: string }) => a.decision)).toEqual(['submit', 'approve']);
  });

  it('exports the payment list and the bank file; reconciles the bank result; the ledger and the files agree to the 分', async () => {
    const list = await finance.get(`/api/v1/batches/${batchId}/payment-list`);
    expect(list.body.rows).toHaveLength(20);
    expect(list.body.totalFen).toBe(3_550_000);
    const xlsx = await finance.get(`/api/v1/batches/${batchId}/payment-list.xlsx`);
    expect(xlsx.status).toBe(200);
    // The payment list (also the 公示) shows no more than the last four of an ID or a card.
    for (const r of list.body.rows as { idMasked: string; bankMasked: string | null }[]) {
      expect(r.idMasked).toMatch(/^\*{14}[\dX]{4}$/);
      if (r.bankMasked) expect(r.bankMasked).toMatch(/^\S+ \*{4} \d{4}$/);
    }
    const bank = await finance.get(`/api/v1/batches/${batchId}/bank-file.csv`);
    expect(bank.status).toBe(200);
    // Full card numbers: never cached, and audited.
    expect(bank.headers['cache-control']).toBe('no-store');
    const audited = await env.ctx.db
      .selectFrom('audit_log')
      .select('actor_name')
      .where('action', '=', 'batch.bank_file')
      .where('entity_id', '=', String(batchId))
      .execute();
    expect(audited.length).toBeGreaterThan(0);
    const lines = bank.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    expect(lines).toHaveLength(21);
    expect(lines[1]).toContain('6222020200112233445');
    const refs = lines.slice(1).map((l) => l.split(',')[0]);
    const result = ['流水号,结果,原因', ...refs.map((r, i) => (i === 0 ? `${r},失败,账户已销户` : `${r},成功,`))].join(
      '\n',
    );
    const rec = await finance.post(`/api/v1/batches/${batchId}/reconcile`, { csv: result });
    expect(rec.status, rec.text).toBe(200);
    expect(rec.body).toMatchObject({ paid: 19, failed: 1 });
    const paidFen = 3_550_000 - DEEP_Q; // the first grant is a 深度 household's
    expect(rec.body.paidFen).toBe(paidFen);
    const funds = await finance.get(`/api/v1/funds?orgId=${county.id}`);
    expect(funds.body.items[0].balances).toMatchObject({ cash: 5_000_000 - paidFen, expense: paidFen });
    expect(funds.body.items[0].expenseByProgramme).toEqual({ living: paidFen });
    const tb = await finance.get(`/api/v1/ledger/trial-balance?orgId=${county.id}`);
    expect(tb.body.balanced).toBe(true);
    let fileTotal = 0;
    for (const id of ids) fileTotal += (await clerk.get(`/api/v1/households/${id}/grants`)).body.paidFen;
    expect(fileTotal).toBe(paidFen);
    const never = await clerk.get('/api/v1/households/queues/never_assisted');
    expect(never.body.total).toBe(1);
    expect(rec.body.batch.status).toBe('closed'); // every grant is paid or failed
    const again = await finance.post(`/api/v1/batches/${batchId}/reconcile`, { csv: `${refs[1]},成功,` });
    expect(again.body.error).toMatchObject({ code: 'BATCH_BAD_STATUS', message: expect.stringContaining('已办结') });
  });
});
