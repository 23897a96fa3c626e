import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv } from '../../test-support/env.js';
import { moneyCounty, moneyDesk, waitComputed } from '../../test-support/money.js';
import { loserCodes, race, tally } from '../../test-support/race.js';

const N = 20;
const BATCH_FEN = 2 * 197_500 + 2 * 157_500; // four files: two 深度, two 相对, one quarter

/**
 * Every money transition fired N times at once: exactly one request wins, the others get a 409 with a stable
 * code, and the ledger moves once. On PostgreSQL the requests run on parallel connections; the transition is
 * decided by a conditional update or a row lock inside the transaction that moves the money.
 */
describe.each(testDialects)('money transitions under concurrency on %s', (dialect) => {
  let env: TestEnv;
  let m: Awaited<ReturnType<typeof moneyCounty>>;
  let clerk: Client;
  let approver: Client;
  let finance: Client;
  let fundId: number;
  let medicalFund: number;

  const one = (results: { status: number }[]) => expect(tally(results as never)).toEqual({ 200: 1, 409: N - 1 });

  const cashOf = async (fund: number) => {
    const f = await finance.get(`/api/v1/funds?orgId=${m.county.id}`);
    return f.body.items.find((x: { id: number }) => x.id === fund).balances.cash as number;
  };
  const balanced = async () => (await finance.get(`/api/v1/ledger/trial-balance?orgId=${m.county.id}`)).body.balanced;
  const approvalRows = (type: string, id: number, decision: string) =>
    env.ctx.db
      .selectFrom('approval')
      .select('id')
      .where('subject_type', '=', type)
      .where('subject_id', '=', id)
      .where('decision', '=', decision)
      .execute()
      .then((r) => r.length);
  const paymentEntries = (refType: string, refId: number) =>
    env.ctx.db
      .selectFrom('ledger_entry')
      .select('id')
      .where('kind', '=', 'payment')
      .where('ref_type', '=', refType)
      .where('ref_id', '=', refId)
      .execute()
      .then((r) => r.length);

  const computedBatch = async (period: string) => {
    const c = await clerk.post('/api/v1/batches', {
      orgId: m.county.id,
      programme: 'living',
      period,
      method: 'bank',
      fundId,
    });
    if (c.status !== 202) throw new Error(c.text);
    await waitComputed(clerk, c.body.id);
    return c.body.id as number;
  };
  const approvedBatch = async (period: string) => {
    const id = await computedBatch(period);
    const s = await clerk.post(`/api/v1/batches/${id}/submit`, {});
    if (s.status !== 200) throw new Error(s.text);
    const d = await approver.post(`/api/v1/batches/${id}/decision`, { decision: 'approve' });
    if (d.status !== 200) throw new Error(d.text);
    return id;
  };
  const application = async (householdId: number, period: string, yuan = 500) => {
    const a = await clerk.post('/api/v1/applications', {
      householdId,
      templateId: 'seed004.p1.medical',
      inputs: { compliantSelfPaidFen: yuan * 100 },
      period,
      fundId: medicalFund,
    });
    if (a.status !== 201) throw new Error(a.text);
    return a.body as { id: number; amountFen: number };
  };

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    m = await moneyCounty(env, 4);
    ({ clerk, approver, finance, fundId } = await moneyDesk(env, m.county.id, {
      name: '生活救助',
      source: 'government',
      amountFen: 10 * BATCH_FEN,
      memo: '财政拨款',
    }));
    const r = await m.admin.post('/api/v1/programmes/rules', {
      orgId: m.county.id,
      templateId: 'seed004.p1.medical',
      effectiveFrom: '2020-01-01',
      params: {},
    });
    if (r.status !== 201) throw new Error(r.text);
    const f = await finance.post('/api/v1/funds', {
      orgId: m.county.id,
      name: '医疗救助',
      source: 'donation',
      restrictedProgramme: 'medical',
      year: 2027,
    });
    medicalFund = f.body.id;
    await finance.post(`/api/v1/funds/${medicalFund}/receipts`, { amountFen: 10_000_000, memo: '捐赠' });
  });
  afterAll(() => env.close());

  it('batch submit: one submission, one approval step', async () => {
    const id = await computedBatch('2027Q1');
    const res = await race(N, () => clerk.post(`/api/v1/batches/${id}/submit`, {}));
    one(res);
    expect(loserCodes(res)).toEqual({ BATCH_BAD_STATUS: N - 1 });
    expect(await approvalRows('batch', id, 'submit')).toBe(1);
  });

  it('batch decision: one approval row, even when approvals and rejections race', async () => {
    const id = await computedBatch('2027Q2');
    await clerk.post(`/api/v1/batches/${id}/submit`, {});
    const res = await race(N, (i) =>
      approver.post(`/api/v1/batches/${id}/decision`, { decision: i % 2 ? 'reject' : 'approve' }),
    );
    one(res);
    expect(loserCodes(res)).toEqual({ BATCH_BAD_STATUS: N - 1 });
    const decided = (await approvalRows('batch', id, 'approve')) + (await approvalRows('batch', id, 'reject'));
    expect(decided).toBe(1);
    const b = await clerk.get(`/api/v1/batches/${id}/grants`);
    const want = (await clerk.get(`/api/v1/batches/${id}`)).body.status === 'approved' ? 'approved' : 'void';
    expect(new Set(b.body.items.map((g: { status: string }) => g.status))).toEqual(new Set([want]));
  });

  it('batch pay: the fund is debited once, one payment entry, the books balance', async () => {
    const id = await approvedBatch('2027Q3');
    const before = await cashOf(fundId);
    const res = await race(N, () => finance.post(`/api/v1/batches/${id}/pay`, {}));
    one(res);
    expect(loserCodes(res)).toEqual({ BATCH_BAD_STATUS: N - 1 });
    expect(await cashOf(fundId)).toBe(before - BATCH_FEN);
    expect(await paymentEntries('batch', id)).toBe(1);
    expect(await balanced()).toBe(true);
    const g = await finance.get(`/api/v1/batches/${id}/grants`);
    expect(g.body.items.every((x: { status: string }) => x.status === 'paid')).toBe(true);
    expect((await finance.get(`/api/v1/batches/${id}`)).body.status).toBe('closed');
  });

  it('grant mark: one grant paid once, even when paid and failed race', async () => {
    const id = await approvedBatch('2027Q4');
    const grant = (await finance.get(`/api/v1/batches/${id}/grants`)).body.items[0];
    const before = await cashOf(fundId);
    const res = await race(N, (i) =>
      finance.post(
        `/api/v1/grants/${grant.id}/mark`,
        i % 4 === 3 ? { status: 'failed', reason: '账户冻结' } : { status: 'paid' },
      ),
    );
    one(res);
    expect(loserCodes(res)).toEqual({ GRANT_BAD_STATUS: N - 1 });
    const lines = await env.ctx.db.selectFrom('ledger_line').select('id').where('grant_id', '=', grant.id).execute();
    const after = (await finance.get(`/api/v1/batches/${id}/grants`)).body.items.find(
      (x: { id: number }) => x.id === grant.id,
    );
    expect(lines.length).toBe(after.status === 'paid' ? 1 : 0);
    expect(await cashOf(fundId)).toBe(before - (after.status === 'paid' ? grant.amountFen : 0));
    expect(await balanced()).toBe(true);
  });

  it('batch pay racing the grant marks of the same batch: every grant paid exactly once', async () => {
    const id = await approvedBatch('2028Q1');
    const grants = (await finance.get(`/api/v1/batches/${id}/grants`)).body.items as { id: number }[];
    const before = await cashOf(fundId);
    await race(N, (i) =>
      i % 2
        ? finance.post(`/api/v1/batches/${id}/pay`, {})
        : finance.post(`/api/v1/grants/${(grants[(i / 2) % grants.length] as { id: number }).id}/mark`, {
            status: 'paid',
          }),
    );
    const lines = await env.ctx.db
      .selectFrom('ledger_line')
      .select('grant_id')
      .where(
        'grant_id',
        'in',
        grants.map((g) => g.id),
      )
      .execute();
    expect(lines.length).toBe(grants.length);
    expect(await cashOf(fundId)).toBe(before - BATCH_FEN);
    expect(await balanced()).toBe(true);
  });

  it('application decision: one approval row', async () => {
    const a = await application(m.ids[0] as number, '2027-d');
    const res = await race(N, (i) =>
      approver.post(`/api/v1/applications/${a.id}/decision`, { decision: i % 2 ? 'reject' : 'approve' }),
    );
    one(res);
    expect(loserCodes(res)).toEqual({ APPLICATION_BAD_STATUS: N - 1 });
    const decided =
      (await approvalRows('application', a.id, 'approve')) + (await approvalRows('application', a.id, 'reject'));
    expect(decided).toBe(1);
  });

  it('application payment: paid once from the medical fund', async () => {
    // A 深度 file: the 相对 ones were paid living relief this year, so 单一项目救助 refuses them medical relief.
    const a = await application(m.ids[2] as number, '2027-p');
    const ok = await approver.post(`/api/v1/applications/${a.id}/decision`, { decision: 'approve' });
    const before = await cashOf(medicalFund);
    const res = await race(N, () => finance.post(`/api/v1/grants/${ok.body.grant.id}/mark`, { status: 'paid' }));
    one(res);
    expect(loserCodes(res)).toEqual({ GRANT_BAD_STATUS: N - 1 });
    expect(await cashOf(medicalFund)).toBe(before - a.amountFen);
    expect(await paymentEntries('application', a.id)).toBe(1);
    expect((await clerk.get(`/api/v1/applications/${a.id}`)).body.status).toBe('paid');
    expect(await balanced()).toBe(true);
  });

  it('campaign decision: every entry decided once, by one request', async () => {
    const r = await m.admin.post('/api/v1/programmes/rules', {
      orgId: m.county.id,
      templateId: 'seed004.p2.holiday',
      effectiveFrom: '2020-01-01',
      params: { amounts: { moderateFen: 200_000 } },
    });
    expect(r.status, r.text).toBe(201);
    const today = env.ctx.clock.today();
    const c = await m.admin.post('/api/v1/campaigns', {
      orgId: m.county.id,
      programme: 'holiday',
      templateId: 'seed004.p2.holiday',
      title: '春节送温暖',
      startsOn: today,
      endsOn: '2099-12-31',
    });
    for (const h of m.ids.slice(0, 3)) {
      const e = await clerk.post('/api/v1/applications', {
        householdId: h,
        campaignId: c.body.id,
        method: 'cash',
        inputs: { hardship: 'very', veteran: true },
      });
      expect(e.status, e.text).toBe(201);
    }
    const res = await race(N, () => approver.post(`/api/v1/campaigns/${c.body.id}/decision`, { decision: 'approve' }));
    one(res);
    expect(loserCodes(res)).toEqual({ CAMPAIGN_NOTHING_PENDING: N - 1 });
    expect(res.find((x) => x.status === 200)?.body.decided).toBe(3);
    const rows = await env.ctx.db
      .selectFrom('approval')
      .innerJoin('assistance_application', 'assistance_application.id', 'approval.subject_id')
      .select('approval.id')
      .where('approval.subject_type', '=', 'application')
      .where('approval.decision', '=', 'approve')
      .where('assistance_application.campaign_id', '=', c.body.id)
      .execute();
    expect(rows.length).toBe(3);
  });

  it('the budget holds when different applications are approved at once', async () => {
    await finance.put('/api/v1/budgets', { orgId: m.county.id, programme: 'medical', year: 2026, amountFen: 0 });
    const apps: { id: number; amountFen: number }[] = [];
    // Four applications from the 深度 files (the 相对 ones were paid living relief: 单一项目救助).
    const deep = [m.ids[0], m.ids[2], m.ids[0], m.ids[2]] as number[];
    for (const [i, h] of deep.entries()) apps.push(await application(h, `2026-b${i}`, 400));
    // The budget allows two of the four (proposals count as committed, so none fits until two are rejected).
    const [a0, a1, , a3] = apps as [(typeof apps)[0], (typeof apps)[0], unknown, (typeof apps)[0]];
    const budget = a0.amountFen + a1.amountFen;
    await finance.put('/api/v1/budgets', { orgId: m.county.id, programme: 'medical', year: 2026, amountFen: budget });
    await approver.post(`/api/v1/applications/${a3.id}/decision`, { decision: 'reject' });
    const res = await race(apps.length - 1, (i) =>
      approver.post(`/api/v1/applications/${apps[i]?.id}/decision`, { decision: 'approve' }),
    );
    expect(Object.keys(loserCodes(res)).filter((c) => c !== 'BUDGET_EXCEEDED')).toEqual([]);
    const approved = await env.ctx.db
      .selectFrom('assistance_grant')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_fen'), eb.lit(0)).as('s'))
      .where('fiscal_year', '=', 2026)
      .where('programme', '=', 'medical')
      .where('status', 'in', ['approved', 'paid'])
      .executeTakeFirstOrThrow();
    expect(Number(approved.s)).toBeLessThanOrEqual(budget);
  });

  it('fund allocations: parallel allocations never take cash below zero', async () => {
    const f = await finance.post('/api/v1/funds', { orgId: m.county.id, name: '下拨', source: 'union', year: 2027 });
    await finance.post(`/api/v1/funds/${f.body.id}/receipts`, { amountFen: 100_000, memo: '经费' });
    const res = await race(N, () =>
      finance.post(`/api/v1/funds/${f.body.id}/allocations`, {
        fromOrgId: m.county.id,
        toOrgId: m.street.id,
        amountFen: 10_000,
        memo: '下拨',
      }),
    );
    const t = tally(res);
    const won = Object.entries(t)
      .filter(([s]) => Number(s) < 300)
      .reduce((s, [, n]) => s + n, 0);
    expect(won).toBe(10);
    expect(loserCodes(res)).toEqual({ LEDGER_INSUFFICIENT: N - 10 });
    expect(await cashOf(f.body.id)).toBe(0);
    expect(await balanced()).toBe(true);
  });
});
