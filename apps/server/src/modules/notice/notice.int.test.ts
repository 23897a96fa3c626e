import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv } from '../../test-support/env.js';
import { moneyCounty } from '../../test-support/money.js';
import { loserCodes, race, tally } from '../../test-support/race.js';

const yuan = (y: number) => y * 100;

/**
 * 名单公示 for money: a list on notice for its days, masked; an objection raised during it holds the decision until
 * it is verified; a notice whose days are over takes no objection; a sibling union sees none of it.
 */
describe.each(testDialects)('money notices on %s', (dialect) => {
  let env: TestEnv;
  let m: Awaited<ReturnType<typeof moneyCounty>>;
  let clerk: Client;
  let approver: Client;
  let stranger: Client;
  let today: string;

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    m = await moneyCounty(env, 2);
    for (const [templateId, params] of [
      ['seed004.p1.medical', {}],
      ['seed004.p2.holiday', { amounts: { moderateFen: yuan(2000) } }],
    ] as const) {
      const r = await m.admin.post('/api/v1/programmes/rules', {
        orgId: m.county.id,
        templateId,
        effectiveFrom: '2020-01-01',
        params,
      });
      expect(r.status, r.text).toBe(201);
    }
    const sibling = await env.org(m.province.id, '浈江区总工会', 'county', '440204');
    await env.user('clerk', m.county.id, ['intake_clerk']);
    await env.user('approver', m.county.id, ['approver']);
    await env.user('stranger', sibling.id, ['intake_clerk']);
    [clerk, approver, stranger] = [await env.login('clerk'), await env.login('approver'), await env.login('stranger')];
    today = env.ctx.clock.today();
  });
  afterAll(() => env.close());

  it('open, object, decision refused, verify, decision allowed — each step audited', async () => {
    const a = await clerk.post('/api/v1/applications', {
      householdId: m.ids[0],
      templateId: 'seed004.p1.medical',
      inputs: { compliantSelfPaidFen: yuan(1_000) },
    });
    expect(a.status, a.text).toBe(201);
    const url = `/api/v1/applications/${a.body.id}/notice`;

    const before = await clerk.get(url);
    expect(before.status, before.text).toBe(200);
    expect(before.body).toMatchObject({ notice: null, defaultDays: 7, objections: [] });
    expect(before.body.rows).toHaveLength(1);
    expect(before.body.rows[0]).toMatchObject({ seq: 1, name: '测*一', amountFen: a.body.amountFen });
    expect(before.body.rows[0].idMasked).toMatch(/^\*+\d{3}[\dX]$/);
    expect(JSON.stringify(before.body)).not.toContain('测试一');

    const early = await clerk.post(`${url}/objections`, { raisedBy: '邻居张某', text: '家中有车' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('MONEY_NOTICE_NOT_OPEN');

    const opened = await clerk.post(url, {});
    expect(opened.status, opened.text).toBe(200);
    expect(opened.body).toMatchObject({ startsOn: today, days: 7 });
    const twice = await clerk.post(url, { days: 5 });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('MONEY_NOTICE_EXISTS');

    const o = await clerk.post(`${url}/objections`, { raisedBy: '邻居张某', text: '家中有车' });
    expect(o.status, o.text).toBe(200);
    const held = await approver.post(`/api/v1/applications/${a.body.id}/decision`, { decision: 'reject' });
    expect(held.status).toBe(409);
    expect(held.body.error.code).toBe('MONEY_OBJECTION_OPEN');
    expect((await clerk.get(`/api/v1/applications/${a.body.id}`)).body.status).toBe('pending_approval');

    // Twenty verifications at once: exactly one records its finding.
    const results = await race(20, (i) =>
      clerk.post(`${url}/objections/${o.body.id}/verify`, { finding: `核实：车辆已报废 ${i}` }),
    );
    expect(tally(results)).toEqual({ 200: 1, 409: 19 });
    expect(loserCodes(results)).toEqual({ MONEY_OBJECTION_BAD_STATUS: 19 });

    const decided = await approver.post(`/api/v1/applications/${a.body.id}/decision`, { decision: 'reject' });
    expect(decided.status, decided.text).toBe(200);

    const after = await clerk.get(url);
    expect(after.body.notice).toMatchObject({ startsOn: today, days: 7, state: 'running' });
    expect(after.body.objections).toEqual([
      expect.objectContaining({ raisedBy: '邻居张某', text: '家中有车', raisedOn: today, status: 'verified' }),
    ]);
    expect(after.body.objections[0].finding).toMatch(/^核实：车辆已报废/);
    const actions = await env.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'money_notice')
      .orderBy('id')
      .execute();
    expect(actions.map((x) => x.action)).toEqual([
      'money_notice.open',
      'money_notice.objection',
      'money_notice.verify',
    ]);
  });

  it('a notice whose days are over takes no objection; a sibling union sees nothing', async () => {
    const c = await m.admin.post('/api/v1/campaigns', {
      orgId: m.county.id,
      programme: 'holiday',
      templateId: 'seed004.p2.holiday',
      title: '送温暖',
      startsOn: `${today.slice(0, 4)}-01-01`,
      endsOn: `${today.slice(0, 4)}-12-31`,
    });
    expect(c.status, c.text).toBe(201);
    const url = `/api/v1/campaigns/${c.body.id}/notice`;
    const past = new Date(Date.parse(`${today}T00:00:00Z`) - 10 * 86_400_000).toISOString().slice(0, 10);
    const opened = await clerk.post(url, { startsOn: past, days: 3 });
    expect(opened.status, opened.text).toBe(200);
    expect((await clerk.get(url)).body.notice).toMatchObject({ startsOn: past, days: 3, state: 'ended' });
    const late = await clerk.post(`${url}/objections`, { raisedBy: '匿名', text: '不应享受' });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('MONEY_NOTICE_NOT_OPEN');

    expect((await stranger.get(url)).status).toBe(404);
    expect((await stranger.post(url, {})).status).toBe(404);
    const apps = await clerk.get('/api/v1/applications');
    const appId = apps.body.items[0].id as number;
    expect((await stranger.get(`/api/v1/applications/${appId}/notice`)).status).toBe(404);
    expect(
      (await stranger.post(`/api/v1/applications/${appId}/notice/objections`, { raisedBy: 'x', text: 'y' })).status,
    ).toBe(404);
  });
});
