import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv } from '../../test-support/env.js';
import { moneyCounty } from '../../test-support/money.js';

const yuan = (y: number) => y * 100;

/** One decide(subject), in one transaction: a campaign is decided whole or not at all. */
describe.each(testDialects)('one decision for a whole subject on %s', (dialect) => {
  let env: TestEnv;
  let m: Awaited<ReturnType<typeof moneyCounty>>;
  let clerk: Client;
  let approver: Client;
  let finance: Client;
  let year: number;

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    m = await moneyCounty(env, 6);
    await env.user('clerk', m.county.id, ['intake_clerk']);
    await env.user('approver', m.county.id, ['approver']);
    await env.user('fin', m.county.id, ['finance']);
    [clerk, approver, finance] = [await env.login('clerk'), await env.login('approver'), await env.login('fin')];
    year = Number(env.ctx.clock.today().slice(0, 4));
    const r = await m.admin.post('/api/v1/programmes/rules', {
      orgId: m.county.id,
      templateId: 'seed004.p12.winter',
      effectiveFrom: '2020-01-01',
      params: { maxAmountFen: yuan(800) },
    });
    expect(r.status, r.text).toBe(201);
  });
  afterAll(() => env.close());

  it('a campaign whose budget runs out is refused whole', async () => {
    const c = await m.admin.post('/api/v1/campaigns', {
      orgId: m.county.id,
      programme: 'winter',
      templateId: 'seed004.p12.winter',
      title: '冬季送温暖',
      startsOn: `${year}-01-01`,
      endsOn: `${year}-12-31`,
    });
    expect(c.status, c.text).toBe(201);
    const entries: number[] = [];
    for (const h of [m.ids[0], m.ids[2], m.ids[4]]) {
      const e = await clerk.post('/api/v1/applications', {
        householdId: h,
        campaignId: c.body.id,
        inputs: { income: { perCapitaMonthlyFen: yuan(500) }, hardshipAfterGovernmentAid: true },
      });
      expect(e.status, e.text).toBe(201);
      entries.push(e.body.id);
    }
    await finance.put('/api/v1/budgets', { orgId: m.county.id, programme: 'winter', year, amountFen: yuan(1_000) });

    // 3 × 400 元 against 1,000 元: the third entry runs the budget out, so none of the three is decided.
    const over = await approver.post(`/api/v1/campaigns/${c.body.id}/decision`, {
      decision: 'approve',
      amountFen: yuan(400),
    });
    expect(over.status, over.text).toBe(409);
    expect(over.body.error).toMatchObject({ code: 'BUDGET_EXCEEDED', message: expect.stringContaining('1,000.00') });
    for (const id of entries) {
      const a = await clerk.get(`/api/v1/applications/${id}`);
      expect(a.body).toMatchObject({ status: 'pending_approval', amountFen: 0, grant: null });
      expect(a.body.approvals.map((x: { decision: string }) => x.decision)).toEqual(['submit']);
    }
    const grants = await env.ctx.db
      .selectFrom('assistance_grant')
      .select('id')
      .where('application_id', 'in', entries)
      .execute();
    expect(grants).toEqual([]);
    const audited = await env.ctx.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'application.approve')
      .execute();
    expect(audited).toEqual([]);
    const campaign = await approver.get(`/api/v1/campaigns/${c.body.id}`);
    expect(campaign.body.entries).toEqual([{ status: 'pending_approval', count: 3, amountFen: 0 }]);
    const queue = await approver.get('/api/v1/approvals/queue');
    expect(queue.body.applications.map((x: { id: number }) => x.id)).toEqual(expect.arrayContaining(entries));

    // Within the budget, all three at once.
    const [e0, e1, e2] = entries as [number, number, number];
    const ok = await approver.post(`/api/v1/campaigns/${c.body.id}/decision`, {
      decision: 'approve',
      amountsFen: { [e0]: yuan(300), [e1]: yuan(300), [e2]: yuan(400) },
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({
      decided: 3,
      campaign: { entries: [{ status: 'approved', count: 3, amountFen: yuan(1_000) }] },
    });
    const budgets = await finance.get(`/api/v1/budgets?orgId=${m.county.id}&year=${year}`);
    expect(budgets.body.items.find((b: { programme: string }) => b.programme === 'winter').usedFen).toBe(yuan(1_000));
    const left = await approver.post(`/api/v1/campaigns/${c.body.id}/decision`, { decision: 'approve' });
    expect(left.body.error.code).toBe('CAMPAIGN_NOTHING_PENDING');
  });

  it('an application whose amount is set at decision counts itself against the budget', async () => {
    const c = await m.admin.post('/api/v1/campaigns', {
      orgId: m.county.id,
      programme: 'winter',
      templateId: 'seed004.p12.winter',
      title: '冬季送温暖（二）',
      startsOn: `${year}-01-01`,
      endsOn: `${year}-12-31`,
    });
    const e = await clerk.post('/api/v1/applications', {
      householdId: m.ids[1],
      campaignId: c.body.id,
      inputs: { income: { perCapitaMonthlyFen: yuan(500) }, hardshipAfterGovernmentAid: true },
    });
    expect(e.status, e.text).toBe(201);
    // The budget is spent (1,000 of 1,000 元): even 1 元 more is refused.
    const one = await approver.post(`/api/v1/applications/${e.body.id}/decision`, {
      decision: 'approve',
      amountFen: 100,
    });
    expect(one.status).toBe(409);
    expect(one.body.error.code).toBe('BUDGET_EXCEEDED');
    expect((await clerk.get(`/api/v1/applications/${e.body.id}`)).body.status).toBe('pending_approval');
  });
});
