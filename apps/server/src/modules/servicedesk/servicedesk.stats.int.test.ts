import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { TestEnv } from '../../test-support/env.js';
import { call, deskWorld, must, reply } from '../../test-support/servicedesk.js';

/**
 * The analysis on known orders (dates in Beijing, 2026). October: A (county, wages, 甲公司, closed on time with
 * 1,000 元), B (city, policy question, closed 11-03 on time). November: C (county, wages + dismissal, 甲公司, closed on
 * time with 30,000 元, 满意), D (county, the same person again: a repeat; a collective visit of 12, urgent, closed a
 * day late, 不满意), E (street, social insurance, 乙公司, urgent, still open: overdue), F (sibling county, confidential,
 * 甲公司, closed on time with 500 元, 基本满意), G (city, a letter, closed on time, 基本满意), H (county, confidential,
 * 丙公司, open).
 */
describe.each(testDialects)('rights desk analysis on %s', (dialect) => {
  let env: TestEnv;
  let w: Awaited<ReturnType<typeof deskWorld>>;
  const at = (day: string) => env.ctx.clock.setTo(new Date(`${day}T02:00:00Z`));
  const stats = async (who: string, q = '') => must(await w.c[who]!.get(`/api/v1/servicedesk/stats${q}`));

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    w = await deskWorld(env);
    const c = w.c;
    const register = async (who: string, day: string, body: Record<string, unknown>) => {
      at(day);
      return must(await c[who]!.post('/api/v1/work-orders', body), 201).id as number;
    };
    const close = async (who: string, id: number, day: string, wagesRecoveredFen = 0) => {
      at(day);
      must(await c[who]!.post(`/api/v1/work-orders/${id}/close`, reply({ wagesRecoveredFen })));
    };
    const callback = async (who: string, id: number, satisfaction: string) =>
      must(await c[who]!.post(`/api/v1/work-orders/${id}/callback`, { satisfaction }));
    const noEmployer = { employer: undefined, idNumber: undefined, phone: undefined };

    const A = await register('wj.hotline', '2026-10-12', call({ employer: '甲公司' }));
    await close('wj.hotline', A, '2026-10-20', 100_000);
    const B = await register('shi.hotline', '2026-10-15', call({ ...noEmployer, categories: ['policy_question'] }));
    await close('shi.hotline', B, '2026-11-03');
    const person = call({ employer: '甲公司', categories: ['wages_owed', 'dismissal'] });
    const C = await register('wj.hotline', '2026-11-02', person);
    await close('wj.hotline', C, '2026-11-10', 3_000_000);
    await callback('wj.hotline', C, 'satisfied');
    const D = await register('wj.hotline', '2026-11-05', {
      ...person,
      categories: ['wages_owed'],
      channel: 'visit',
      collective: true,
      headCount: 12,
      representatives: '工友代表三人',
      urgency: 'urgent',
    });
    await close('wj.hotline', D, '2026-11-06');
    await callback('wj.hotline', D, 'unsatisfied');
    await register(
      'xh.hotline',
      '2026-11-09',
      call({ employer: '乙公司', categories: ['social_insurance'], channel: 'phone', urgency: 'urgent' }),
    );
    const F = await register('zj.hotline', '2026-11-11', call({ employer: '甲公司', confidential: true }));
    await close('zj.hotline', F, '2026-11-12', 50_000);
    await callback('zj.hotline', F, 'basically');
    const G = await register(
      'shi.hotline',
      '2026-11-12',
      call({ ...noEmployer, channel: 'letter', categories: ['policy_question'] }),
    );
    await close('shi.hotline', G, '2026-11-13');
    await callback('shi.hotline', G, 'basically');
    await register('wj.hotline', '2026-11-13', call({ employer: '丙公司', confidential: true }));
    at('2026-11-20');
  });
  afterAll(() => {
    env.ctx.clock.reset();
    return env.close();
  });

  it('counts the city’s subtree for November against October, with 按期办结率, satisfaction and wages', async () => {
    const s = await stats('shi.hotline', '?period=month');
    expect(s.org).toEqual({ id: w.city.id, name: '韶关市总工会' });
    expect(s.period).toEqual({ kind: 'month', from: '2026-11-01', to: '2026-11-30', label: '2026-11' });
    expect(s.previous).toEqual({ kind: 'month', from: '2026-10-01', to: '2026-10-31', label: '2026-10' });
    expect(s.totals).toEqual({
      received: 6,
      receivedPrev: 2,
      collective: 1,
      collectivePeople: 12,
      repeats: 1,
      closed: 5,
      closedPrev: 1,
      closedOnTime: 4,
      onTimeRateBp: 8000,
      onTimeRateBpPrev: 10_000,
      wagesRecoveredFen: 3_050_000,
      wagesRecoveredFenPrev: 100_000,
      callbacks: 4,
      satisfied: 1,
      basically: 2,
      unsatisfied: 1,
      satisfiedShareBp: 2500,
      basicallyShareBp: 5000,
      unsatisfiedShareBp: 2500,
      satisfactionRateBp: 7500,
      openNow: 2,
      overdueNow: 1,
    });
    const cat = (code: string) => s.byCategory.find((c: { code: string }) => c.code === code);
    expect(s.byCategory).toHaveLength(10);
    expect(cat('wages_owed')).toEqual({
      code: 'wages_owed',
      label: '欠薪讨薪',
      count: 4,
      prev: 1,
      rise: 3,
      riseBp: 30_000,
    });
    expect(cat('dismissal')).toMatchObject({ count: 1, prev: 0, rise: 1, riseBp: null });
    expect(cat('policy_question')).toMatchObject({ count: 1, prev: 1, rise: 0, riseBp: 0 });
    expect(cat('work_injury')).toMatchObject({ count: 0, prev: 0 });
    expect(s.byChannel.map((c: { code: string; count: number; prev: number }) => [c.code, c.count, c.prev])).toEqual([
      ['letter', 1, 0],
      ['visit', 1, 0],
      ['phone', 1, 0],
      ['hotline_12351', 3, 2],
      ['online', 0, 0],
    ]);
  });

  it('rolls each child up over its subtree, the node’s own orders apart', async () => {
    const s = await stats('shi.hotline', '?period=month&date=2026-11-01');
    const row = (r: Record<string, unknown>) => [
      (r.org as { name: string }).name,
      r.own,
      r.received,
      r.receivedPrev,
      r.closed,
      r.closedOnTime,
      r.onTimeRateBp,
      r.wagesRecoveredFen,
      r.satisfied,
      r.basically,
      r.unsatisfied,
    ];
    expect(s.byNode.map(row)).toEqual([
      ['韶关市总工会', true, 1, 1, 2, 2, 10_000, 0, 0, 1, 0],
      ['武江区总工会', false, 4, 1, 2, 1, 5000, 3_000_000, 1, 0, 1],
      ['浈江区总工会', false, 1, 0, 1, 1, 10_000, 50_000, 0, 1, 0],
    ]);
    // The county's own view: its own orders and its street's.
    const county = await stats('wj.hotline');
    expect(county.byNode.map((r: { org: { name: string }; received: number }) => [r.org.name, r.received])).toEqual([
      ['武江区总工会', 3],
      ['西河镇总工会', 1],
    ]);
    expect(county.totals).toMatchObject({ received: 4, receivedPrev: 1, openNow: 2, overdueNow: 1 });
  });

  it('hot topics: the categories and employers rising fastest, confidential complainants left out', async () => {
    const s = await stats('shi.hotline');
    expect(s.hot.categories.map((c: { code: string; rise: number }) => [c.code, c.rise])).toEqual([
      ['wages_owed', 3],
      ['social_insurance', 1],
      ['dismissal', 1],
    ]);
    expect(s.hot.employers).toEqual([
      { employer: '甲公司', count: 2, prev: 1, rise: 1, riseBp: 10_000 },
      { employer: '乙公司', count: 1, prev: 0, rise: 1, riseBp: null },
    ]);
    expect(JSON.stringify(s)).not.toContain('丙公司');
    // The sibling county sees its own confidential order counted, never its employer.
    const zj = await stats('zj.hotline');
    expect(zj.totals).toMatchObject({ received: 1, closed: 1, wagesRecoveredFen: 50_000 });
    expect(zj.hot.employers).toEqual([]);
  });

  it('trends over 12 months, 8 quarters or 5 years; quarters and years add their months up', async () => {
    const m = await stats('shi.hotline', '?period=month');
    expect(m.trend).toHaveLength(12);
    expect(m.trend[0]).toMatchObject({ label: '2025-12', received: 0, closed: 0, onTimeRateBp: null });
    expect(m.trend.slice(-2)).toEqual([
      {
        kind: 'month',
        from: '2026-10-01',
        to: '2026-10-31',
        label: '2026-10',
        received: 2,
        closed: 1,
        closedOnTime: 1,
        onTimeRateBp: 10_000,
        wagesRecoveredFen: 100_000,
      },
      {
        kind: 'month',
        from: '2026-11-01',
        to: '2026-11-30',
        label: '2026-11',
        received: 6,
        closed: 5,
        closedOnTime: 4,
        onTimeRateBp: 8000,
        wagesRecoveredFen: 3_050_000,
      },
    ]);
    const q = await stats('shi.hotline', '?period=quarter');
    expect(q.period).toMatchObject({ label: '2026-Q4', from: '2026-10-01', to: '2026-12-31' });
    expect(q.previous).toMatchObject({ label: '2026-Q3', from: '2026-07-01', to: '2026-09-30' });
    expect(q.totals).toMatchObject({ received: 8, receivedPrev: 0, closed: 6, closedOnTime: 5, onTimeRateBp: 8333 });
    expect(q.trend.map((t: { label: string }) => t.label)).toEqual([
      '2025-Q1',
      '2025-Q2',
      '2025-Q3',
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
    ]);
    expect(q.trend[7]).toMatchObject({ received: 8, closed: 6, wagesRecoveredFen: 3_150_000 });
    const y = await stats('shi.hotline', '?period=year&date=2026-03-01');
    expect(y.period.label).toBe('2026');
    expect(y.trend.map((t: { label: string; received: number }) => [t.label, t.received])).toEqual([
      ['2022', 0],
      ['2023', 0],
      ['2024', 0],
      ['2025', 0],
      ['2026', 8],
    ]);
  });

  it('stays in scope: a county reads neither the city nor its sibling; an unknown period is refused', async () => {
    expect((await w.c['wj.hotline']!.get(`/api/v1/servicedesk/stats?orgId=${w.city.id}`)).status).toBe(404);
    expect((await w.c['zj.hotline']!.get(`/api/v1/servicedesk/stats?orgId=${w.county.id}`)).status).toBe(404);
    expect((await w.c['shi.hotline']!.get('/api/v1/servicedesk/stats?period=week')).status).toBe(400);
  });

  it('downloads the same figures as an .xlsx for reporting upward, audited', async () => {
    const c = w.c['shi.auditor'] as { cookie?: string };
    const res = await env.app.inject({
      method: 'GET',
      url: '/api/v1/servicedesk/stats.xlsx?period=month',
      headers: { cookie: c.cookie ?? '' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(
      '信访热线统计-韶关市总工会-2026-11.xlsx',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['概况', '按类别', '按渠道', '按单位', '趋势', '热点']);
    const find = (sheet: string, label: string) => {
      let out: unknown[] = [];
      wb.getWorksheet(sheet)?.eachRow((r) => {
        if (r.getCell(1).value === label) out = [r.getCell(2).value, r.getCell(3).value];
      });
      return out;
    };
    expect(find('概况', '受理量（件）')).toEqual([6, 2]);
    expect(find('概况', '按期办结率')).toEqual([0.8, 1]);
    expect(find('概况', '追回欠薪（元）')).toEqual([30_500, 1000]);
    expect(find('按单位', '武江区总工会')).toEqual([4, 1]);
    expect(find('按类别', '欠薪讨薪')).toEqual([4, 1]);
    expect(find('热点', '甲公司')).toEqual([2, 1]);
    const audit = must(await w.c['shi.auditor']!.get('/api/v1/audit?action=servicedesk.stats.export'));
    expect(audit.items[0].after).toMatchObject({ org: '韶关市总工会', period: '2026-11', received: 6 });
  });
});
