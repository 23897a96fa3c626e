import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv } from '../../test-support/env.js';
import { moneyCounty, moneyDesk, waitComputed } from '../../test-support/money.js';

/** The money's safety rails: resume without duplicates, cash only against the recipient's signature, restricted funds, overdrafts. */
describe.each(testDialects)('batch safety on %s', (dialect) => {
  let env: TestEnv;
  let county: { id: number };
  let admin: Client;
  let clerk: Client;
  let approver: Client;
  let finance: Client;
  let fundId: number;

  const approvedBatch = async (period: string, method: 'bank' | 'cash', fund = fundId) => {
    const c = await clerk.post('/api/v1/batches', {
      orgId: county.id,
      programme: 'living',
      period,
      method,
      fundId: fund,
    });
    if (c.status !== 202) throw new Error(c.text);
    await waitComputed(clerk, c.body.id);
    await clerk.post(`/api/v1/batches/${c.body.id}/submit`, {});
    const d = await approver.post(`/api/v1/batches/${c.body.id}/decision`, { decision: 'approve' });
    if (d.status !== 200) throw new Error(d.text);
    return c.body.id as number;
  };

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    const m = await moneyCounty(env, 4);
    county = m.county;
    admin = m.admin;
    ({ clerk, approver, finance, fundId } = await moneyDesk(env, county.id, {
      name: '生活救助',
      source: 'union',
      amountFen: 1_000_000,
      memo: '工会经费',
    }));
  });
  afterAll(() => env.close());

  it('an interrupted batch resumes without duplicates', async () => {
    const c = await clerk.post('/api/v1/batches', {
      orgId: county.id,
      programme: 'living',
      period: '2027Q1',
      method: 'bank',
      fundId,
    });
    const done = await waitComputed(clerk, c.body.id);
    expect(done.grantCount).toBe(4);
    // As if the server stopped after writing the first grants: two grants gone, the batch still computing.
    const kept = await env.ctx.db
      .selectFrom('assistance_grant')
      .select('id')
      .where('batch_id', '=', c.body.id)
      .orderBy('id')
      .execute();
    await env.ctx.db
      .deleteFrom('assistance_grant')
      .where(
        'id',
        'in',
        kept.slice(2).map((k) => k.id),
      )
      .execute();
    await env.ctx.db
      .updateTable('disbursement_batch')
      .set({ status: 'computing' })
      .where('id', '=', c.body.id)
      .execute();
    expect((await clerk.post(`/api/v1/batches/${c.body.id}/submit`, {})).body.error.code).toBe('BATCH_BAD_STATUS');
    await clerk.post(`/api/v1/batches/${c.body.id}/resume`, {});
    const resumed = await waitComputed(clerk, c.body.id);
    expect(resumed).toMatchObject({
      status: 'computed',
      grantCount: 4,
      totalFen: 2 * 197_500 + 2 * 157_500,
      skippedCount: 0,
    });
    const rows = await env.ctx.db
      .selectFrom('assistance_grant')
      .select('household_id')
      .where('batch_id', '=', c.body.id)
      .execute();
    expect(new Set(rows.map((r) => r.household_id)).size).toBe(4);
  });

  it('pays cash only against the recipient’s own signature (不得代领)', async () => {
    const id = await approvedBatch('2027Q2', 'cash');
    const grants = (await finance.get(`/api/v1/batches/${id}/grants`)).body.items;
    const g = grants[0];
    expect((await finance.post(`/api/v1/batches/${id}/pay`, {})).body.error.code).toBe('GRANT_SIGNATURE_REQUIRED');
    const none = await finance.post(`/api/v1/grants/${g.id}/mark`, { status: 'paid' });
    expect(none.body.error.code).toBe('GRANT_SIGNATURE_REQUIRED');
    const proxy = await finance.post(`/api/v1/grants/${g.id}/mark`, {
      status: 'paid',
      signature: { signedName: '王代领', signedOn: '2027-04-10', cadre: '李干事' },
    });
    expect(proxy.status).toBe(409);
    expect(proxy.body.error).toMatchObject({
      code: 'GRANT_PROXY_REFUSED',
      message: expect.stringContaining(g.recipientName),
    });
    const ok = await finance.post(`/api/v1/grants/${g.id}/mark`, {
      status: 'paid',
      signature: { signedName: g.recipientName, signedOn: '2027-04-10', cadre: '李干事' },
    });
    expect(ok.status, ok.text).toBe(200);
    const after = (await finance.get(`/api/v1/batches/${id}/grants`)).body.items.find(
      (x: { id: number }) => x.id === g.id,
    );
    expect(after).toMatchObject({ status: 'paid', signature: { signedName: g.recipientName, cadre: '李干事' } });
    expect((await finance.post(`/api/v1/grants/${g.id}/mark`, { status: 'failed', reason: 'x' })).body.error.code).toBe(
      'GRANT_BAD_STATUS',
    );
  });

  it('a restricted fund pays only its programme; an empty fund refuses to pay and nothing moves', async () => {
    const medical = await finance.post('/api/v1/funds', {
      orgId: county.id,
      name: '医疗救助',
      source: 'donation',
      restrictedProgramme: 'medical',
      year: 2027,
    });
    const wrong = await clerk.post('/api/v1/batches', {
      orgId: county.id,
      programme: 'living',
      period: '2027Q3',
      method: 'bank',
      fundId: medical.body.id,
    });
    expect(wrong.status).toBe(409);
    expect(wrong.body.error).toMatchObject({ code: 'FUND_RESTRICTED', message: expect.stringContaining('医疗救助') });
    const small = await finance.post('/api/v1/funds', { orgId: county.id, name: '小额', source: 'union', year: 2027 });
    await finance.post(`/api/v1/funds/${small.body.id}/receipts`, { amountFen: 100_000, memo: '少量' });
    const id = await approvedBatch('2027Q3', 'bank', small.body.id);
    const pay = await finance.post(`/api/v1/batches/${id}/pay`, {});
    expect(pay.status).toBe(409);
    expect(pay.body.error.code).toBe('LEDGER_INSUFFICIENT');
    const b = await finance.get(`/api/v1/batches/${id}`);
    expect(b.body.status).toBe('approved');
    const funds = await finance.get(`/api/v1/funds?orgId=${county.id}`);
    expect(funds.body.items.find((f: { id: number }) => f.id === small.body.id).balances.cash).toBe(100_000);
  });

  it('adoption validates the numbers and the template; a node without a rule cannot run a batch', async () => {
    const bad = await admin.post('/api/v1/programmes/rules', {
      orgId: county.id,
      templateId: 'seed004.p1.living',
      effectiveFrom: '2028-01-01',
      params: { annualFen: { deep: -1 } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('PROGRAMME_PARAMS_INVALID');
    const unknown = await admin.post('/api/v1/programmes/rules', {
      orgId: county.id,
      templateId: 'nope',
      effectiveFrom: '2028-01-01',
    });
    expect(unknown.body.error.code).toBe('PROGRAMME_TEMPLATE_UNKNOWN');
    expect(
      (
        await clerk.post('/api/v1/programmes/rules', {
          orgId: county.id,
          templateId: 'seed004.p1.living',
          effectiveFrom: '2028-01-01',
        })
      ).status,
    ).toBe(403);
    const before = await clerk.post('/api/v1/batches', {
      orgId: county.id,
      programme: 'living',
      period: '2026Q4',
      method: 'bank',
      fundId,
    });
    expect(before.body.error).toMatchObject({
      code: 'PROGRAMME_NO_RULE',
      message: expect.stringContaining('2026-10-01'),
    });
    const raised = await admin.post('/api/v1/programmes/rules', {
      orgId: county.id,
      templateId: 'seed004.p1.living',
      effectiveFrom: '2028-01-01',
      params: { annualFen: { deep: 840_000 } },
    });
    expect(raised.body).toMatchObject({ version: 2, params: { annualFen: { deep: 840_000, relative: 630_000 } } });
    const rules = await clerk.get(`/api/v1/programmes/rules?orgId=${county.id}&date=2028-02-01`);
    const living = rules.body.items.find((r: { templateId: string }) => r.templateId === 'seed004.p1.living');
    expect(living.inForce).toMatchObject({ version: 2, inherited: false });
    expect(living.own).toHaveLength(2);
  });

  it('a node adjusts its approval chain: with the committee from 2,000 元 a 1,975 元 grant goes to the leading group', async () => {
    const chain = [
      { id: 'groupLeader', zh: '组长', en: 'group leader', fromFen: 0, fromInclusive: true },
      { id: 'leadingGroup', zh: '领导组', en: 'leading group', fromFen: 50_000, fromInclusive: true },
      { id: 'committee', zh: '委员会', en: 'committee', fromFen: 200_000, fromInclusive: false },
    ];
    const r = await admin.post('/api/v1/programmes/rules', {
      orgId: county.id,
      templateId: 'seed000.p3.approval',
      effectiveFrom: '2020-01-01',
      params: { chain },
    });
    expect(r.status, r.text).toBe(201);
    const c = await clerk.post('/api/v1/batches', {
      orgId: county.id,
      programme: 'living',
      period: '2027Q4',
      method: 'bank',
      fundId,
    });
    await waitComputed(clerk, c.body.id);
    const s = await clerk.post(`/api/v1/batches/${c.body.id}/submit`, {});
    expect(s.body).toMatchObject({ requiredLevel: 'leadingGroup' });
    expect(s.body.approvals[0].comment).toContain('领导组');
  });

  it('what-if: a higher 低保 line moves 相对 files to 深度 and costs 1,600 元 a year more for each, nothing saved', async () => {
    const w = await clerk.post('/api/v1/programmes/what-if', { orgId: county.id, year: 2027, dibaoLineFen: 120_000 });
    expect(w.status, w.text).toBe(200);
    expect(w.body).toMatchObject({
      files: 4,
      gradeChanged: 2,
      transitions: { 'relative→deep': 2 },
      dibaoLineFen: { current: 78_000, changed: 120_000 },
    });
    expect(w.body.programmes[0]).toMatchObject({ currentFen: 2 * 790_000 + 2 * 630_000, differenceFen: 2 * 160_000 });
    const policy = await clerk.get(`/api/v1/policies/eligibility?orgId=${county.id}`);
    expect(policy.body.resolved.policy.dibaoLineFen).toBe(78_000);
    const std = await clerk.post('/api/v1/programmes/what-if', {
      orgId: county.id,
      year: 2027,
      living: { deepFen: 800_000 },
    });
    expect(std.body).toMatchObject({ gradeChanged: 0 });
    expect(std.body.programmes[0].differenceFen).toBe(2 * 10_000);
  });
});
