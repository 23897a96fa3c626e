import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv } from '../../test-support/env.js';
import { moneyCounty, waitComputed } from '../../test-support/money.js';
import { loserCodes, race, tally } from '../../test-support/race.js';

const yuan = (y: number) => y * 100;
const N = 10;

/**
 * A grant after a failed payment (issue 10): the failure shows on its application (and its batch), the grant can
 * be paid again once — by someone independent of its makers, holding its place and budget again — or voided.
 */
describe.each(testDialects)('a grant after a failed payment on %s', (dialect) => {
  let env: TestEnv;
  let m: Awaited<ReturnType<typeof moneyCounty>>;
  let clerk: Client;
  let approver: Client;
  let finance: Client;
  let approverFinance: Client;
  let medicalFund: number;
  let livingFund: number;

  const cashOf = async (fund: number) => {
    const f = await finance.get(`/api/v1/funds?orgId=${m.county.id}`);
    return f.body.items.find((x: { id: number }) => x.id === fund).balances.cash as number;
  };
  const paymentEntries = (refType: string, refId: number) =>
    env.ctx.db
      .selectFrom('ledger_entry')
      .select('id')
      .where('kind', '=', 'payment')
      .where('ref_type', '=', refType)
      .where('ref_id', '=', refId)
      .execute()
      .then((r) => r.length);
  const application = (householdId: number, period: string) =>
    clerk.post('/api/v1/applications', {
      householdId,
      templateId: 'seed004.p1.medical',
      inputs: { compliantSelfPaidFen: yuan(3_000) },
      period,
      fundId: medicalFund,
    });
  const approvedApplication = async (householdId: number, period: string, checker = approver) => {
    const a = await application(householdId, period);
    expect(a.status, a.text).toBe(201);
    const d = await checker.post(`/api/v1/applications/${a.body.id}/decision`, { decision: 'approve' });
    expect(d.status, d.text).toBe(200);
    return { id: a.body.id as number, grantId: d.body.grant.id as number, amountFen: d.body.amountFen as number };
  };
  const fail = async (grantId: number, reason: string) => {
    const r = await finance.post(`/api/v1/grants/${grantId}/mark`, { status: 'failed', reason });
    expect(r.status, r.text).toBe(200);
  };

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    m = await moneyCounty(env, 4);
    await env.user('clerk', m.county.id, ['intake_clerk']);
    await env.user('approver', m.county.id, ['approver']);
    await env.user('fin', m.county.id, ['finance']);
    await env.user('approver-fin', m.county.id, ['approver', 'finance']);
    [clerk, approver, finance, approverFinance] = [
      await env.login('clerk'),
      await env.login('approver'),
      await env.login('fin'),
      await env.login('approver-fin'),
    ];
    const r = await m.admin.post('/api/v1/programmes/rules', {
      orgId: m.county.id,
      templateId: 'seed004.p1.medical',
      effectiveFrom: '2020-01-01',
      params: {},
    });
    expect(r.status, r.text).toBe(201);
    for (const [name, programme, year] of [
      ['医疗救助', 'medical', 2026],
      ['生活救助', 'living', 2027],
    ] as const) {
      const f = await finance.post('/api/v1/funds', {
        orgId: m.county.id,
        name,
        source: 'union',
        restrictedProgramme: programme,
        year,
      });
      expect(f.status, f.text).toBe(201);
      await finance.post(`/api/v1/funds/${f.body.id}/receipts`, { amountFen: yuan(100_000), memo: '经费' });
      if (programme === 'medical') medicalFund = f.body.id;
      else livingFund = f.body.id;
    }
  });
  afterAll(() => env.close());

  it('a failed bank payment shows on its application and can be re-paid once', async () => {
    const a = await approvedApplication(m.ids[0] as number, '2026-r1', approverFinance);
    await fail(a.grantId, '账户已销户');
    const failed = await clerk.get(`/api/v1/applications/${a.id}`);
    expect(failed.body).toMatchObject({
      status: 'failed',
      grant: { status: 'failed', failureReason: '账户已销户', attempt: 1, repayable: true },
    });
    const listed = await clerk.get(`/api/v1/applications?orgId=${m.county.id}&status=failed`);
    expect(listed.body.items.map((x: { id: number }) => x.id)).toContain(a.id);
    const file = await clerk.get(`/api/v1/households/${m.ids[0]}/grants`);
    expect(file.body.items.find((g: { id: number }) => g.id === a.grantId).status).toBe('failed');
    expect(file.body.paidFen).toBe(0);

    // Whoever approved it does not send it again.
    const own = await approverFinance.post(`/api/v1/grants/${a.grantId}/repay`, {});
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('PAYER_NOT_INDEPENDENT');
    const res = await race(N, () => finance.post(`/api/v1/grants/${a.grantId}/repay`, { comment: '卡号已更正' }));
    expect(tally(res)).toEqual({ 200: 1, 409: N - 1 });
    expect(loserCodes(res)).toEqual({ GRANT_BAD_STATUS: N - 1 });
    const again = await clerk.get(`/api/v1/applications/${a.id}`);
    expect(again.body).toMatchObject({
      status: 'approved',
      grant: { status: 'approved', attempt: 2, repayable: false, failureReason: null },
    });

    const before = await cashOf(medicalFund);
    const paid = await finance.post(`/api/v1/grants/${a.grantId}/mark`, { status: 'paid' });
    expect(paid.status, paid.text).toBe(200);
    expect((await clerk.get(`/api/v1/applications/${a.id}`)).body.status).toBe('paid');
    expect(await cashOf(medicalFund)).toBe(before - a.amountFen);
    expect(await paymentEntries('application', a.id)).toBe(1);
    const twice = await finance.post(`/api/v1/grants/${a.grantId}/repay`, {});
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('GRANT_BAD_STATUS');
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', '=', 'grant.repay')
      .where('entity_id', '=', String(a.grantId))
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after_json).toContain('卡号已更正');
  });

  it('once only: failing again, the grant can only be voided, and the household may then be proposed again', async () => {
    const a = await approvedApplication(m.ids[2] as number, '2026-r2');
    await fail(a.grantId, '户名不符');
    expect((await finance.post(`/api/v1/grants/${a.grantId}/repay`, {})).status).toBe(200);
    await fail(a.grantId, '户名仍不符');
    const refused = await finance.post(`/api/v1/grants/${a.grantId}/repay`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('GRANT_REPAY_USED');
    expect((await finance.post(`/api/v1/grants/${a.grantId}/void`, {})).status).toBe(400);
    const voided = await finance.post(`/api/v1/grants/${a.grantId}/void`, { reason: '职工已离职' });
    expect(voided.status, voided.text).toBe(200);
    expect(voided.body).toMatchObject({ status: 'void', failureReason: expect.stringContaining('职工已离职') });
    expect((await clerk.get(`/api/v1/applications/${a.id}`)).body.status).toBe('void');
    expect((await finance.post(`/api/v1/grants/${a.grantId}/void`, { reason: '再次' })).body.error.code).toBe(
      'GRANT_BAD_STATUS',
    );
    expect(await paymentEntries('application', a.id)).toBe(0);
    const anew = await application(m.ids[2] as number, '2026-r2');
    expect(anew.status, anew.text).toBe(201);
  });

  it('a failed grant holds no place: proposed anew meanwhile, the old one is not paid again', async () => {
    const a = await approvedApplication(m.ids[1] as number, '2026-r3');
    await fail(a.grantId, '账户冻结');
    const anew = await application(m.ids[1] as number, '2026-r3');
    expect(anew.status, anew.text).toBe(201);
    const repay = await finance.post(`/api/v1/grants/${a.grantId}/repay`, {});
    expect(repay.status).toBe(409);
    expect(repay.body.error.code).toBe('GRANT_DUPLICATE');
    expect((await clerk.get(`/api/v1/applications/${a.id}`)).body.status).toBe('failed');
  });

  it("a batch's failed grant paid again: back in the bank file, the closed batch pays it and closes again", async () => {
    const c = await clerk.post('/api/v1/batches', {
      orgId: m.county.id,
      programme: 'living',
      period: '2027Q1',
      method: 'bank',
      fundId: livingFund,
    });
    expect(c.status, c.text).toBe(202);
    const id = c.body.id as number;
    await waitComputed(clerk, id);
    expect((await clerk.post(`/api/v1/batches/${id}/submit`, {})).status).toBe(200);
    expect((await approver.post(`/api/v1/batches/${id}/decision`, { decision: 'approve' })).status).toBe(200);
    const grants = (await finance.get(`/api/v1/batches/${id}/grants`)).body.items as {
      id: number;
      amountFen: number;
    }[];
    const [first, ...rest] = grants as [{ id: number; amountFen: number }, ...{ id: number }[]];
    const result = ['流水号,结果,原因', `${first.id},失败,账户已销户`, ...rest.map((g) => `${g.id},成功,`)].join('\n');
    const rec = await finance.post(`/api/v1/batches/${id}/reconcile`, { csv: result });
    expect(rec.body).toMatchObject({ paid: rest.length, failed: 1, batch: { status: 'closed' } });

    // The proposer does not send it again; finance does, and the batch is being paid again.
    expect((await clerk.post(`/api/v1/grants/${first.id}/repay`, {})).status).toBe(403);
    const repay = await finance.post(`/api/v1/grants/${first.id}/repay`, {});
    expect(repay.status, repay.text).toBe(200);
    expect((await finance.get(`/api/v1/batches/${id}`)).body.status).toBe('paying');
    const bank = await finance.get(`/api/v1/batches/${id}/bank-file.csv`);
    const lines = bank.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    expect(lines.slice(1).map((l) => Number(l.split(',')[0]))).toEqual([first.id]);
    const before = await cashOf(livingFund);
    const again = await finance.post(`/api/v1/batches/${id}/reconcile`, { csv: `${first.id},成功,` });
    expect(again.body).toMatchObject({ paid: 1, failed: 0, batch: { status: 'closed' } });
    expect(await cashOf(livingFund)).toBe(before - first.amountFen);
    const lineCount = await env.ctx.db
      .selectFrom('ledger_line')
      .select('id')
      .where('grant_id', '=', first.id)
      .execute();
    expect(lineCount).toHaveLength(1);
  });
});
