import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv, USER_PASSWORD } from '../../test-support/env.js';
import { moneyCounty } from '../../test-support/money.js';

const yuan = (y: number) => y * 100;

/** Individual applications routed by amount and escalation, and campaigns where nobody is visited twice. */
describe.each(testDialects)('applications and campaigns on %s', (dialect) => {
  let env: TestEnv;
  let m: Awaited<ReturnType<typeof moneyCounty>>;
  let clerk: Client;
  let streetClerk: Client;
  let approver: Client;
  let provinceApprover: Client;
  let finance: Client;
  let medicalFund: number;

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    m = await moneyCounty(env, 4);
    await env.user('clerk', m.county.id, ['intake_clerk']);
    await env.user('street-clerk', m.street.id, ['intake_clerk']);
    await env.user('approver', m.county.id, ['approver']);
    await env.user('prov-approver', m.province.id, ['approver']);
    await env.user('fin', m.county.id, ['finance']);
    clerk = await env.login('clerk');
    streetClerk = await env.login('street-clerk');
    approver = await env.login('approver');
    provinceApprover = await env.login('prov-approver');
    finance = await env.login('fin');
    const today = env.ctx.clock.today();
    for (const [templateId, params] of [
      ['seed004.p1.medical', {}],
      ['seed004.p2.holiday', { amounts: { moderateFen: yuan(2000) } }],
      ['campaign.education', { amountsFen: { university: yuan(3000), senior: yuan(1000) } }],
    ] as const) {
      const r = await m.admin.post('/api/v1/programmes/rules', {
        orgId: m.county.id,
        templateId,
        effectiveFrom: '2020-01-01',
        params,
      });
      expect(r.status, r.text).toBe(201);
    }
    const f = await finance.post('/api/v1/funds', {
      orgId: m.county.id,
      name: '医疗救助',
      source: 'donation',
      restrictedProgramme: 'medical',
      year: Number(today.slice(0, 4)),
    });
    medicalFund = f.body.id;
    await finance.post(`/api/v1/funds/${medicalFund}/receipts`, { amountFen: yuan(100_000), memo: '捐赠' });
  });
  afterAll(() => env.close());

  it('medical relief for a 深度 household: 12,349 元 rounds to 12,300, decided by the county committee, paid from the medical fund', async () => {
    const a = await clerk.post('/api/v1/applications', {
      householdId: m.ids[0],
      templateId: 'seed004.p1.medical',
      inputs: { compliantSelfPaidFen: yuan(12_349) },
      fundId: medicalFund,
    });
    expect(a.status, a.text).toBe(201);
    expect(a.body).toMatchObject({
      programme: 'medical',
      amountFen: yuan(12_300),
      status: 'pending_approval',
      requiredLevel: 'committee',
      requiredOrgId: m.county.id,
    });
    expect(JSON.stringify(a.body.explanation)).toContain('12,300');
    const again = await clerk.post('/api/v1/applications', {
      householdId: m.ids[0],
      templateId: 'seed004.p1.medical',
      inputs: { compliantSelfPaidFen: yuan(500) },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('GRANT_DUPLICATE');
    const queue = await approver.get('/api/v1/approvals/queue');
    expect(queue.body.applications.map((x: { id: number }) => x.id)).toContain(a.body.id);
    const year = Number(env.ctx.clock.today().slice(0, 4));
    await finance.put('/api/v1/budgets', { orgId: m.county.id, programme: 'medical', year, amountFen: yuan(10_000) });
    const over = await approver.post(`/api/v1/applications/${a.body.id}/decision`, { decision: 'approve' });
    expect(over.status).toBe(409);
    expect(over.body.error).toMatchObject({ code: 'BUDGET_EXCEEDED', message: expect.stringContaining('12,300.00') });
    await finance.put('/api/v1/budgets', { orgId: m.county.id, programme: 'medical', year, amountFen: yuan(100_000) });
    const ok = await approver.post(`/api/v1/applications/${a.body.id}/decision`, {
      decision: 'approve',
      comment: '委员会同意',
    });
    expect(ok.body).toMatchObject({ status: 'approved', grant: { status: 'approved', amountFen: yuan(12_300) } });
    const paid = await finance.post(`/api/v1/grants/${ok.body.grant.id}/mark`, { status: 'paid' });
    expect(paid.status, paid.text).toBe(200);
    const after = await clerk.get(`/api/v1/applications/${a.body.id}`);
    expect(after.body.status).toBe('paid');
    const funds = await finance.get(`/api/v1/funds?orgId=${m.county.id}`);
    expect(funds.body.items.find((x: { id: number }) => x.id === medicalFund).expenseByProgramme).toEqual({
      medical: yuan(12_300),
    });
    expect((await clerk.get(`/api/v1/households/${m.ids[0]}/grants`)).body.paidFen).toBe(yuan(12_300));
  });

  it('the worker sees the help received in self-service, nothing still under approval', async () => {
    const admin = await env.loginAdmin();
    // The account is opened from the worker's own file by a union holding it (identity binding).
    const u = await admin.post(`/api/v1/households/${m.ids[0]}/worker-account`, {
      username: 'worker0',
      password: USER_PASSWORD,
    });
    expect(u.status, u.text).toBe(201);
    await env.ctx.db.updateTable('app_user').set({ must_change_password: 0 }).where('id', '=', u.body.id).execute();
    const worker = await env.login('worker0');
    const mine = await worker.get('/api/v1/self/file');
    expect(mine.body.assistance).toEqual([
      expect.objectContaining({ programme: 'medical', programmeLabel: '医疗救助', amountFen: yuan(12_300) }),
    ]);
  });

  it('above 20,000 元 the province decides the whole amount; the county cannot', async () => {
    const a = await clerk.post('/api/v1/applications', {
      householdId: m.ids[2],
      templateId: 'seed004.p1.medical',
      inputs: { compliantSelfPaidFen: yuan(25_000) },
    });
    expect(a.body).toMatchObject({ amountFen: yuan(25_000), requiredLevel: 'province', requiredOrgId: m.province.id });
    const county = await approver.post(`/api/v1/applications/${a.body.id}/decision`, { decision: 'approve' });
    expect(county.status).toBe(403);
    expect(county.body.error).toMatchObject({
      code: 'APPROVAL_WRONG_NODE',
      message: expect.stringContaining('广东省总工会'),
    });
    const prov = await provinceApprover.post(`/api/v1/applications/${a.body.id}/decision`, { decision: 'approve' });
    expect(prov.body.status).toBe('approved');
    const noFund = await finance.post(`/api/v1/grants/${prov.body.grant.id}/mark`, { status: 'paid' });
    expect(noFund.body.error.code).toBe('GRANT_FUND_REQUIRED');
    const paid = await finance.post(`/api/v1/grants/${prov.body.grant.id}/mark`, {
      status: 'paid',
      fundId: medicalFund,
    });
    expect(paid.status, paid.text).toBe(200);
    const app = await clerk.get(`/api/v1/applications/${a.body.id}`);
    expect(app.body).toMatchObject({
      status: 'paid',
      householdName: expect.any(String),
      idMasked: expect.stringContaining('*'),
    });
    const entries = await finance.get(`/api/v1/ledger/entries?orgId=${m.county.id}&fundId=${medicalFund}`);
    expect(entries.body.items[0].memo).toContain('医疗救助');
  });

  it('a holiday campaign visits each household once across the whole tree', async () => {
    const today = env.ctx.clock.today();
    const c = await m.admin.post('/api/v1/campaigns', {
      orgId: m.county.id,
      programme: 'holiday',
      templateId: 'seed004.p2.holiday',
      title: '春节送温暖',
      startsOn: today,
      endsOn: '2099-12-31',
    });
    expect(c.status, c.text).toBe(201);
    const entry = await clerk.post('/api/v1/applications', {
      householdId: m.ids[1],
      campaignId: c.body.id,
      method: 'cash',
      inputs: { hardship: 'very', veteran: true },
    });
    expect(entry.status, entry.text).toBe(201);
    expect(entry.body).toMatchObject({ programme: 'holiday', period: c.body.key, campaignId: c.body.id });
    const twice = await streetClerk.post('/api/v1/applications', {
      householdId: m.ids[1],
      campaignId: c.body.id,
      method: 'cash',
      inputs: { veteran: true },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('GRANT_DUPLICATE');
    const listed = await streetClerk.get('/api/v1/campaigns');
    expect(listed.body.items.map((x: { id: number }) => x.id)).toContain(c.body.id);
    const bulk = await approver.post(`/api/v1/campaigns/${c.body.id}/decision`, { decision: 'approve' });
    expect(bulk.body.decided).toBe(1);
    expect(bulk.body.campaign.entries).toEqual([{ status: 'approved', count: 1, amountFen: entry.body.amountFen }]);
    // Campaign entries count against the year's budget like batches and applications.
    const budgets = await finance.put('/api/v1/budgets', {
      orgId: m.county.id,
      programme: 'holiday',
      year: Number(today.slice(0, 4)),
      amountFen: yuan(50_000),
    });
    const holiday = budgets.body.items.find((b: { programme: string }) => b.programme === 'holiday');
    expect(holiday.usedFen).toBe(entry.body.amountFen);
    await m.admin.post(`/api/v1/campaigns/${c.body.id}/close`, {});
    const late = await clerk.post('/api/v1/applications', {
      householdId: m.ids[3],
      campaignId: c.body.id,
      inputs: { veteran: true },
    });
    expect(late.body.error.code).toBe('CAMPAIGN_CLOSED');
  });

  it('金秋助学 per child: the child must be named, compulsory schooling is refused with the reason', async () => {
    const today = env.ctx.clock.today();
    const c = await m.admin.post('/api/v1/campaigns', {
      orgId: m.county.id,
      programme: 'education',
      templateId: 'campaign.education',
      title: '金秋助学',
      startsOn: today,
      endsOn: '2099-12-31',
    });
    const noChild = await clerk.post('/api/v1/applications', {
      householdId: m.ids[0],
      campaignId: c.body.id,
      inputs: { stage: 'university' },
    });
    expect(noChild.body.error.code).toBe('APPLICATION_MEMBER_REQUIRED');
    const young = await clerk.post('/api/v1/applications', {
      householdId: m.ids[0],
      campaignId: c.body.id,
      memberSeq: 2,
      inputs: { stage: 'compulsory' },
    });
    expect(young.status).toBe(409);
    expect(young.body.error).toMatchObject({
      code: 'APPLICATION_NOT_ELIGIBLE',
      message: expect.stringContaining('义务教育'),
    });
    const uni = await clerk.post('/api/v1/applications', {
      householdId: m.ids[0],
      campaignId: c.body.id,
      memberSeq: 2,
      inputs: { stage: 'university' },
    });
    expect(uni.body).toMatchObject({ amountFen: yuan(3000), period: `${c.body.key}#2`, memberSeq: 2 });
    const bad = await clerk.post('/api/v1/applications', {
      householdId: m.ids[0],
      campaignId: c.body.id,
      memberSeq: 1,
      inputs: { stage: 'phd' },
    });
    expect(bad.body.error.code).toBe('PROGRAMME_INPUT_INVALID');
  });
});
