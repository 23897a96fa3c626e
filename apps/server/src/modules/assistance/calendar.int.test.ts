import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv } from '../../test-support/env.js';
import { generatedId, household } from '../../test-support/households.js';
import { moneyCounty } from '../../test-support/money.js';

/**
 * One calendar (issue 9 item 8): at 2026-12-31T17:00Z it is 01:00 on 1 January 2027 in Beijing, so a rule
 * effective 2027-01-01 is in force and a campaign opening 2027-01-01 is open — not yesterday's UTC date.
 */
describe.each(testDialects)('the Beijing calendar on %s', (dialect) => {
  let env: TestEnv;
  let m: Awaited<ReturnType<typeof moneyCounty>>;
  let clerk: Client;
  let admin: Client;

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    m = await moneyCounty(env, 2);
    await env.user('clerk', m.county.id, ['intake_clerk']);
    for (const templateId of ['seed004.p1.medical', 'seed004.p2.holiday']) {
      const r = await m.admin.post('/api/v1/programmes/rules', {
        orgId: m.county.id,
        templateId,
        effectiveFrom: '2027-01-01',
        params: {},
      });
      expect(r.status, r.text).toBe(201);
    }
    env.ctx.clock.setTo(new Date('2026-12-31T17:00:00Z'));
    // Sessions opened before the jump have expired: sign in at the new time.
    clerk = await env.login('clerk');
    admin = await env.login('county-admin');
  });
  afterAll(async () => {
    env.ctx.clock.reset();
    await env.close();
  });

  it('a rule effective 2027-01-01 is in force for an application made at 01:00 Beijing time', async () => {
    const a = await clerk.post('/api/v1/applications', {
      householdId: m.ids[0],
      templateId: 'seed004.p1.medical',
      inputs: { compliantSelfPaidFen: 500_000 },
    });
    expect(a.status, a.text).toBe(201);
    expect(a.body).toMatchObject({ programme: 'medical', period: '2027' });
  });

  it('the rules and policy read "today" as 2027-01-01', async () => {
    const rules = await admin.get(`/api/v1/programmes/rules?orgId=${m.county.id}`);
    expect(rules.status, rules.text).toBe(200);
    const medical = rules.body.items.find((x: { templateId: string }) => x.templateId === 'seed004.p1.medical');
    expect(medical.inForce).toMatchObject({ effectiveFrom: '2027-01-01' });
    const policy = await admin.get(`/api/v1/policies/eligibility?orgId=${m.county.id}`);
    expect(policy.status, policy.text).toBe(200);
    expect(policy.body.date).toBe('2027-01-01');
  });

  it('a file opened at 01:00 Beijing time on 1 January is numbered in 2027', async () => {
    const r = await clerk.post(
      '/api/v1/households',
      household(m.county.id, { name: '新年', idNumber: generatedId(7001) }),
    );
    expect(r.status, r.text).toBe(201);
    expect(r.body.fileNo).toMatch(/^44-2027-\d{7}$/);
  });

  it('a campaign window starting 2027-01-01 is open at 01:00 Beijing time', async () => {
    const c = await admin.post('/api/v1/campaigns', {
      orgId: m.county.id,
      programme: 'holiday',
      templateId: 'seed004.p2.holiday',
      title: '元旦送温暖',
      startsOn: '2027-01-01',
      endsOn: '2027-01-31',
    });
    expect(c.status, c.text).toBe(201);
    const entry = await clerk.post('/api/v1/applications', {
      householdId: m.ids[1],
      campaignId: c.body.id,
      method: 'cash',
      inputs: { hardship: 'very', veteran: true },
    });
    expect(entry.status, entry.text).toBe(201);
    expect(entry.body).toMatchObject({ programme: 'holiday', campaignId: c.body.id });
  });
});
