import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv } from '../../test-support/env.js';
import { fileHousehold, household, IDS } from '../../test-support/households.js';

/** Monthly income records and the 脱困 proposal: 6 consecutive months above the 低保 line (seed 004 篇一). */
describe.each(testDialects)('monthly income and the 脱困 proposal on %s', (dialect) => {
  let env: TestEnv;
  let clerk: Client;
  let outsider: Client;
  let id: number;
  let draftId: number;
  /** 'YYYY-MM' k months before the server's current month (on the Beijing calendar, clock.today()). */
  const monthsAgo = (k: number) => {
    const [y, m] = env.ctx.clock.today().split('-').map(Number) as [number, number];
    const x = new Date(Date.UTC(y, m - 1 - k, 1));
    return x.toISOString().slice(0, 7);
  };
  const put = (month: string, yuanPerHead: number, note?: string) =>
    clerk.put(`/api/v1/households/${id}/incomes/${month}`, { householdIncomeFen: yuanPerHead * 100 * 3, note });

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    const { root, county, street } = await env.countyWithStreet();
    const other = await env.org(root.id, '湖南省总工会', 'province', '430000');
    await env.user('county-admin', county.id, ['admin']);
    await env.user('clerk', street.id, ['intake_clerk']);
    await env.user('outsider', other.id, ['intake_clerk']);
    const admin = await env.login('county-admin');
    const p = await admin.post('/api/v1/policies/eligibility', {
      orgId: county.id,
      effectiveFrom: '2020-01-01',
      dibaoLineFen: 78_000,
    });
    expect(p.status, p.text).toBe(201);
    id = await fileHousehold(env, household(street.id), 'deep');
    clerk = await env.login('clerk');
    outsider = await env.login('outsider');
    const d = await clerk.post('/api/v1/households', household(street.id, { idNumber: IDS.other, members: [] }));
    draftId = d.body.id;
  });
  afterAll(() => env.close());

  it('records a month with the 低保 line in force and the per-capita figure', async () => {
    const r = await put(monthsAgo(7), 700, '零工收入');
    expect(r.status, r.text).toBe(200);
    expect(r.body.items).toEqual([
      expect.objectContaining({
        month: monthsAgo(7),
        householdIncomeFen: 210_000,
        householdSize: 3,
        perCapitaFen: 70_000,
        dibaoLineFen: 78_000,
        aboveLine: false,
        note: '零工收入',
        recordedBy: 'clerk',
      }),
    ]);
    expect(r.body.outOfHardship).toMatchObject({ proposed: false, consecutiveMonthsAbove: 0 });
  });

  it('five months above the line propose nothing; the sixth proposes 脱困 and queues the file', async () => {
    for (let k = 6; k >= 2; k--) await put(monthsAgo(k), 800 + k);
    let r = await clerk.get(`/api/v1/households/${id}/incomes`);
    expect(r.body.outOfHardship).toMatchObject({ proposed: false, consecutiveMonthsAbove: 5 });
    expect((await clerk.get('/api/v1/households/queues/exit_proposed')).body.total).toBe(0);
    r = await put(monthsAgo(1), 900);
    expect(r.body.outOfHardship).toMatchObject({ proposed: true, consecutiveMonthsAbove: 6, since: monthsAgo(6) });
    const q = await clerk.get('/api/v1/households/queues/exit_proposed');
    expect(q.body.items).toEqual([expect.objectContaining({ id, exitProposedSince: monthsAgo(6) })]);
    const history = await clerk.get(`/api/v1/households/${id}/history`);
    expect(history.body.events.map((e: { action: string }) => e.action)).toContain('exit_proposed');
  });

  it('a month at exactly the line withdraws the proposal; correcting it restores the run', async () => {
    let r = await put(monthsAgo(0), 780);
    expect(r.body.outOfHardship).toMatchObject({ proposed: false, consecutiveMonthsAbove: 0 });
    expect((await clerk.get('/api/v1/households/queues/exit_proposed')).body.total).toBe(0);
    r = await put(monthsAgo(0), 781, '更正：漏报加班费');
    expect(r.body.outOfHardship).toMatchObject({ proposed: true, consecutiveMonthsAbove: 7 });
    expect(r.body.items).toHaveLength(8);
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'before_json'])
      .where('action', '=', 'archive.income.record')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before_json as string)).toMatchObject({ householdIncomeFen: 234_000 });
  });

  it('refuses a future month, a file not in the archive, and files out of scope', async () => {
    const future = await put(monthsAgo(-1), 900);
    expect(future.status).toBe(400);
    expect(future.body.error).toMatchObject({ code: 'ARCHIVE_INCOME_FUTURE_MONTH' });
    expect(future.body.error.message).toContain(monthsAgo(-1));
    const draft = await clerk.put(`/api/v1/households/${draftId}/incomes/${monthsAgo(1)}`, { householdIncomeFen: 1 });
    expect(draft.status).toBe(409);
    expect(draft.body.error.code).toBe('ARCHIVE_BAD_TRANSITION');
    const bad = await clerk.put(`/api/v1/households/${id}/incomes/2026-13`, { householdIncomeFen: 1 });
    expect(bad.status).toBe(400);
    const neg = await clerk.put(`/api/v1/households/${id}/incomes/${monthsAgo(1)}`, { householdIncomeFen: -5 });
    expect(neg.status).toBe(400);
    expect((await outsider.get(`/api/v1/households/${id}/incomes`)).status).toBe(404);
    const w = await outsider.put(`/api/v1/households/${id}/incomes/${monthsAgo(1)}`, { householdIncomeFen: 1 });
    expect(w.status).toBe(404);
  });
});
