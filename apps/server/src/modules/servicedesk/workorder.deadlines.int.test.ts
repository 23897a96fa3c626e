import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { TestEnv } from '../../test-support/env.js';
import { call, deskWorld, must, reply } from '../../test-support/servicedesk.js';

const ids = (b: { items: { id: number }[] }) => b.items.map((i) => i.id);

/**
 * Deadlines in working days, as the clock moves: Monday 2026-09-28 10:00 in Beijing, the week before 国庆. A
 * 一般问题 received then is due on Friday 10-23 (9-29, 9-30, 10-8, 10-9, Saturday 10-10 worked, then two weeks).
 */
describe.each(testDialects)('work order deadlines on %s', (dialect) => {
  let env: TestEnv;
  let w: Awaited<ReturnType<typeof deskWorld>>;
  const at = (iso: string) => env.ctx.clock.setTo(new Date(iso));
  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    w = await deskWorld(env);
  });
  afterAll(() => {
    env.ctx.clock.reset();
    return env.close();
  });

  it('counts the deadline over 国庆, shows it due soon, due today, then overdue at the county and the city', async () => {
    at('2026-09-28T02:00:00Z');
    const wj = w.c['wj.hotline']!;
    const o = must(await wj.post('/api/v1/work-orders', call()), 201);
    expect(o).toMatchObject({ dueOn: '2026-10-23', dueDays: 15, dueProvisional: false });
    const urgent = must(await wj.post('/api/v1/work-orders', call({ urgency: 'urgent' })), 201);
    expect(urgent).toMatchObject({ dueOn: '2026-09-28', dueDays: 0, dueToday: true });
    const complex = must(await wj.post('/api/v1/work-orders', call({ difficulty: 'complex' })), 201);
    expect(complex.dueDays).toBe(60);

    const queue = async (c: string, q: string) => ids(must(await w.c[c]!.get(`/api/v1/work-orders/queues/${q}`)));
    expect(await queue('wj.hotline', 'due_today')).toEqual([urgent.id]);

    // Wednesday 10-21: 10-23 is two working days away.
    at('2026-10-21T01:00:00Z');
    expect(await queue('wj.hotline', 'due_soon')).toContain(o.id);
    expect(await queue('wj.hotline', 'overdue')).toEqual([urgent.id]);
    // Friday 10-23: due today.
    at('2026-10-23T01:00:00Z');
    expect(await queue('wj.hotline', 'due_today')).toEqual([o.id]);
    // Monday 10-26: overdue, in the county's queue and in the city's above it; not in the sibling's.
    at('2026-10-26T01:00:00Z');
    expect(await queue('wj.hotline', 'overdue')).toEqual([urgent.id, o.id]);
    expect(await queue('shi.hotline', 'overdue')).toEqual([urgent.id, o.id]);
    expect(await queue('zj.hotline', 'overdue')).toEqual([]);
    const d = must(await w.c['shi.hotline']!.get(`/api/v1/work-orders/${o.id}`));
    expect(d.overdue).toBe(true);
    // Closed late: not 按期办结.
    must(await wj.post(`/api/v1/work-orders/${o.id}/handle-here`));
    must(await wj.post(`/api/v1/work-orders/${o.id}/close`, reply()));
    expect(must(await wj.get(`/api/v1/work-orders/${o.id}`)).onTime).toBe(false);
    expect(await queue('shi.hotline', 'overdue')).toEqual([urgent.id]);
  });

  it('one extension, asked by the owner with a reason, approved by a superior who is not the owner', async () => {
    at('2026-09-28T02:00:00Z');
    const wj = w.c['wj.hotline']!;
    const o = must(await wj.post('/api/v1/work-orders', call()), 201);
    expect(
      (await w.c['wj.hotline2']!.post(`/api/v1/work-orders/${o.id}/extension`, { reason: '需调查', workingDays: 5 }))
        .body.error.code,
    ).toBe('WORK_ORDER_NOT_OWNER');
    expect(
      (await w.c['wj.leader']!.post(`/api/v1/work-orders/${o.id}/extension/decision`, { approve: true })).body.error
        .code,
    ).toBe('WORK_ORDER_NO_EXTENSION_PENDING');
    must(
      await wj.post(`/api/v1/work-orders/${o.id}/extension`, { reason: '企业负责人外出，需调查取证', workingDays: 5 }),
    );
    expect(
      (await wj.post(`/api/v1/work-orders/${o.id}/extension`, { reason: '再延', workingDays: 5 })).body.error.code,
    ).toBe('WORK_ORDER_EXTENSION_USED');
    // The owner holds no servicedesk.supervise; a sibling's leader cannot see it.
    expect((await wj.post(`/api/v1/work-orders/${o.id}/extension/decision`, { approve: true })).status).toBe(403);
    expect(
      (await w.c['zj.leader']!.post(`/api/v1/work-orders/${o.id}/extension/decision`, { approve: true })).status,
    ).toBe(404);
    const ok = must(
      await w.c['shi.leader']!.post(`/api/v1/work-orders/${o.id}/extension/decision`, { approve: true, note: '同意' }),
    );
    // 10-23 + 5 working days = 10-30.
    expect(ok.dueOn).toBe('2026-10-30');
    const d = must(await wj.get(`/api/v1/work-orders/${o.id}`));
    expect(d.extension).toMatchObject({ status: 'approved', workingDays: 5, decidedBy: 'shi.leader' });
    expect(
      (await wj.post(`/api/v1/work-orders/${o.id}/extension`, { reason: '再延', workingDays: 5 })).body.error.code,
    ).toBe('WORK_ORDER_EXTENSION_USED');
    // A refused extension is used too.
    const o2 = must(await wj.post('/api/v1/work-orders', call()), 201);
    must(await wj.post(`/api/v1/work-orders/${o2.id}/extension`, { reason: '需调查', workingDays: 3 }));
    const no = must(
      await w.c['wj.leader']!.post(`/api/v1/work-orders/${o2.id}/extension/decision`, { approve: false }),
    );
    expect(no.dueOn).toBe('2026-10-23');
  });

  it('a node sets its own deadlines, inherited below; orders keep the due date they were given', async () => {
    at('2026-09-28T02:00:00Z');
    expect(must(await w.c['wj.hotline']!.get(`/api/v1/servicedesk/settings/${w.county.id}`))).toMatchObject({
      generalDays: 15,
      definedAt: null,
    });
    const settings = { generalDays: 5, difficultDays: 10, complexDays: 20, dueSoonDays: 1, repeatWindowDays: 30 };
    expect((await w.c['wj.hotline']!.put(`/api/v1/servicedesk/settings/${w.city.id}`, settings)).status).toBe(403);
    expect((await w.c['wj.leader']!.put(`/api/v1/servicedesk/settings/${w.city.id}`, settings)).status).toBe(404);
    must(await w.c['shi.leader']!.put(`/api/v1/servicedesk/settings/${w.city.id}`, settings));
    expect(must(await w.c['xh.hotline']!.get(`/api/v1/servicedesk/settings/${w.street.id}`))).toMatchObject({
      generalDays: 5,
      definedAt: w.city.id,
    });
    const o = must(await w.c['xh.hotline']!.post('/api/v1/work-orders', call()), 201);
    // 9-29, 9-30, 10-8, 10-9, 10-10.
    expect(o.dueOn).toBe('2026-10-10');
  });
});
