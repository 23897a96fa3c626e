import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv } from '../../test-support/env.js';
import { moneyCounty } from '../../test-support/money.js';

const yuan = (y: number) => y * 100;

/**
 * Rules read the system (issue 9 items 6 and 7): what the system knows about a household (grade, 低保, its
 * grants this year) comes from the file and the grants, not from the applicant; eligibility-only rules get their
 * amount at decision; routing is the stricter of the amount chain and the level the rule names.
 */
describe.each(testDialects)('rules read the system on %s', (dialect) => {
  let env: TestEnv;
  let m: Awaited<ReturnType<typeof moneyCounty>>;
  let clerk: Client;
  let approver: Client;
  let year: number;

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    m = await moneyCounty(env, 6);
    await env.user('clerk', m.county.id, ['intake_clerk']);
    await env.user('approver', m.county.id, ['approver']);
    clerk = await env.login('clerk');
    approver = await env.login('approver');
    year = Number(env.ctx.clock.today().slice(0, 4));
    for (const [templateId, params] of [
      ['seed004.p1.medical', {}],
      ['seed000.p3.illness', {}],
      ['seed004.p12.winter', { maxAmountFen: yuan(800) }],
    ] as const) {
      const r = await m.admin.post('/api/v1/programmes/rules', {
        orgId: m.county.id,
        templateId,
        effectiveFrom: '2020-01-01',
        params,
      });
      expect(r.status, r.text).toBe(201);
    }
  });
  afterAll(() => env.close());

  it('the grade is the file’s: "grade": "deep" on a 相对 file is refused naming the field; without it the 相对 cap applies', async () => {
    const forged = await clerk.post('/api/v1/applications', {
      householdId: m.ids[1],
      templateId: 'seed004.p1.medical',
      inputs: { grade: 'deep', compliantSelfPaidFen: yuan(25_000) },
    });
    expect(forged.status, forged.text).toBe(400);
    expect(forged.body.error).toMatchObject({ code: 'APPLICATION_INPUT_FROM_SYSTEM', details: { field: 'grade' } });
    const honest = await clerk.post('/api/v1/applications', {
      householdId: m.ids[1],
      templateId: 'seed004.p1.medical',
      inputs: { compliantSelfPaidFen: yuan(25_000) },
    });
    expect(honest.status, honest.text).toBe(201);
    expect(honest.body.amountFen).toBe(yuan(16_000));
    const sources = honest.body.explanation.sources as { field: string; zh: string }[];
    expect(sources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'grade', zh: '档案' }),
        expect.objectContaining({ field: 'otherProgrammesReceived', zh: '本系统发放记录' }),
        expect.objectContaining({ field: 'compliantSelfPaidFen', zh: '申请人填写' }),
      ]),
    );
  });

  it('单一项目救助: a 相对 household paid living relief this year gets no medical relief, with no typed list', async () => {
    const file = await env.ctx.db
      .selectFrom('household')
      .selectAll()
      .where('id', '=', m.ids[3]!)
      .executeTakeFirstOrThrow();
    const now = env.ctx.clock.now().toISOString();
    // A living-relief grant this year, paid (as a quarter's batch would have left it).
    await env.ctx.db
      .insertInto('assistance_grant')
      .values({
        household_id: file.id,
        org_id: file.org_id,
        org_path: file.org_path,
        province_code: file.province_code,
        batch_id: null,
        application_id: null,
        programme: 'living',
        period: `${year}Q1`,
        amount_fen: yuan(1_000),
        explanation_json: '{}',
        status: 'paid',
        method: 'cash',
        recipient_name: file.name,
        id_mask: file.id_mask,
        bank_enc: null,
        bank_mask: null,
        paid_at: now,
        failure_reason: null,
        signature_json: null,
        ledger_entry_id: null,
        created_at: now,
        updated_at: now,
        fiscal_year: year,
      })
      .execute();
    const a = await clerk.post('/api/v1/applications', {
      householdId: m.ids[3],
      templateId: 'seed004.p1.medical',
      inputs: { compliantSelfPaidFen: yuan(5_000) },
    });
    expect(a.status, a.text).toBe(409);
    expect(a.body.error.code).toBe('APPLICATION_NOT_ELIGIBLE');
    expect(a.body.error.message).toContain('单一项目');
    expect(JSON.stringify(a.body.error.details.explanation)).toContain('生活救助');
    // A typed empty list changes nothing: the system reads its own grants.
    const typed = await clerk.post('/api/v1/applications', {
      householdId: m.ids[3],
      templateId: 'seed004.p1.medical',
      inputs: { compliantSelfPaidFen: yuan(5_000), otherProgrammesReceived: [] },
    });
    expect(typed.status).toBe(409);
    expect(typed.body.error.code).toBe('APPLICATION_NOT_ELIGIBLE');
  });

  it('a 500 元 illness relief goes to the committee the rule names, not the leading group of the amount chain', async () => {
    const a = await clerk.post('/api/v1/applications', {
      householdId: m.ids[0],
      templateId: 'seed000.p3.illness',
      inputs: { selfPaidAfterInsuranceFen: yuan(5_000) },
    });
    expect(a.status, a.text).toBe(201);
    expect(a.body).toMatchObject({ amountFen: yuan(500), requiredLevel: 'committee', requiredOrgId: m.county.id });
  });

  it('winter relief decides eligibility only: the deciding union sets the amount at approval, within the cap', async () => {
    const c = await m.admin.post('/api/v1/campaigns', {
      orgId: m.county.id,
      programme: 'winter',
      templateId: 'seed004.p12.winter',
      title: '冬季送温暖',
      startsOn: `${year}-01-01`,
      endsOn: `${year}-12-31`,
    });
    expect(c.status, c.text).toBe(201);
    const entry = await clerk.post('/api/v1/applications', {
      householdId: m.ids[2],
      campaignId: c.body.id,
      inputs: { income: { perCapitaMonthlyFen: yuan(500) }, hardshipAfterGovernmentAid: true },
    });
    expect(entry.status, entry.text).toBe(201);
    expect(entry.body).toMatchObject({ programme: 'winter', amountFen: 0, status: 'pending_approval', grant: null });
    const noAmount = await approver.post(`/api/v1/applications/${entry.body.id}/decision`, { decision: 'approve' });
    expect(noAmount.status).toBe(400);
    expect(noAmount.body.error.code).toBe('APPLICATION_AMOUNT_REQUIRED');
    const over = await approver.post(`/api/v1/applications/${entry.body.id}/decision`, {
      decision: 'approve',
      amountFen: yuan(900),
    });
    expect(over.status).toBe(400);
    expect(over.body.error.code).toBe('APPLICATION_AMOUNT_REQUIRED');
    const ok = await approver.post(`/api/v1/applications/${entry.body.id}/decision`, {
      decision: 'approve',
      amountFen: yuan(600),
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({
      status: 'approved',
      amountFen: yuan(600),
      grant: { status: 'approved', amountFen: yuan(600), programme: 'winter' },
    });
    // Per household through the campaign decision.
    const e2 = await clerk.post('/api/v1/applications', {
      householdId: m.ids[4],
      campaignId: c.body.id,
      inputs: { income: { perCapitaMonthlyFen: yuan(500) }, hardshipAfterGovernmentAid: true },
    });
    expect(e2.status, e2.text).toBe(201);
    const dup = await clerk.post('/api/v1/applications', {
      householdId: m.ids[4],
      campaignId: c.body.id,
      inputs: { income: { perCapitaMonthlyFen: yuan(500) }, hardshipAfterGovernmentAid: true },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('GRANT_DUPLICATE');
    const d = await approver.post(`/api/v1/campaigns/${c.body.id}/decision`, {
      decision: 'approve',
      amountsFen: { [e2.body.id]: yuan(300) },
    });
    expect(d.status, d.text).toBe(200);
    const after = await clerk.get(`/api/v1/applications/${e2.body.id}`);
    expect(after.body).toMatchObject({ status: 'approved', grant: { amountFen: yuan(300) } });
  });
});
