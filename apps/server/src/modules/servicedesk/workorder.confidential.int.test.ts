import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { TestEnv } from '../../test-support/env.js';
import { loserCodes, race, tally } from '../../test-support/race.js';
import { call, deskWorld, must } from '../../test-support/servicedesk.js';

/** 检举控告保守秘密: a confidential complainant is 保密 to everyone but the owner, the supervising union and auditors. */
describe.each(testDialects)('confidential complainants and races on %s', (dialect) => {
  let env: TestEnv;
  let w: Awaited<ReturnType<typeof deskWorld>>;
  let order: { id: number };
  let phone: string;
  const reveals = async (orderId: number) =>
    (
      await env.ctx.db
        .selectFrom('audit_log')
        .select(['actor_name', 'after_json'])
        .where('action', '=', 'work_order.read_personal')
        .where('entity_id', '=', String(orderId))
        .execute()
    ).map((r) => r.actor_name);

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    w = await deskWorld(env);
    const body = call({
      personName: '李举报',
      employer: '武江某厂',
      categories: ['union_complaint'],
      content: '反映厂工会挪用经费。',
      confidential: true,
    });
    phone = body.phone;
    order = must(await w.c['wj.hotline']!.post('/api/v1/work-orders', body), 201);
  });
  afterAll(() => env.close());

  it('a county colleague reads 保密 in lists and the order, and cannot reveal the person', async () => {
    const c = w.c['wj.hotline2']!;
    const list = must(await c.get('/api/v1/work-orders'));
    const row = list.items.find((i: { id: number }) => i.id === order.id);
    expect(row.person).toEqual({
      confidential: true,
      hidden: true,
      name: '保密',
      idMasked: '保密',
      phoneMasked: '保密',
      employer: '保密',
      householdId: null,
    });
    const d = must(await c.get(`/api/v1/work-orders/${order.id}`));
    expect(d.person.name).toBe('保密');
    expect(d.content).toBe('反映厂工会挪用经费。');
    expect(JSON.stringify(d)).not.toContain('李举报');
    expect((await c.get(`/api/v1/work-orders/${order.id}/person`)).body.error.code).toBe('WORK_ORDER_CONFIDENTIAL');
    // Nor does the city leader above, who is not supervising it; nor the caller lookup by its phone.
    expect(must(await w.c['shi.leader']!.get(`/api/v1/work-orders/${order.id}`)).person.name).toBe('保密');
    expect(must(await c.get(`/api/v1/work-orders/caller?phone=${phone}`)).items).toEqual([]);
    const mine = must(await w.c['wj.hotline']!.get(`/api/v1/work-orders/caller?phone=${phone}`));
    expect(mine.items.map((i: { id: number }) => i.id)).toEqual([order.id]);
    // The owner's caller lookup showed the person: audited (the colleague's did not).
    expect(await reveals(order.id)).toEqual(['wj.hotline']);
  });

  it('the owner and an auditor see the person; every such view is audited', async () => {
    const own = must(await w.c['wj.hotline']!.get(`/api/v1/work-orders/${order.id}`));
    expect(own.person).toMatchObject({ name: '李举报', employer: '武江某厂', confidential: true, hidden: false });
    const full = must(await w.c['wj.hotline']!.get(`/api/v1/work-orders/${order.id}/person`));
    expect(full.idNumber).toMatch(/^\d{17}[\dX]$/);
    const audit = must(await w.c['shi.auditor']!.get(`/api/v1/work-orders/${order.id}`));
    expect(audit.person.name).toBe('李举报');
    const auditorList = must(await w.c['shi.auditor']!.get('/api/v1/work-orders'));
    expect(auditorList.items.find((i: { id: number }) => i.id === order.id).person.name).toBe('李举报');
    expect(await reveals(order.id)).toEqual(['wj.hotline', 'wj.hotline', 'wj.hotline', 'shi.auditor', 'shi.auditor']);
  });

  it('the supervising union sees the person once it supervises', async () => {
    must(
      await w.c['shi.leader']!.post(`/api/v1/work-orders/${order.id}/supervise`, {
        dueOn: env.ctx.clock.today(),
        demand: '严格保密，限期查处',
      }),
    );
    expect(must(await w.c['shi.leader']!.get(`/api/v1/work-orders/${order.id}`)).person.name).toBe('李举报');
    expect(must(await w.c['shi.hotline']!.get(`/api/v1/work-orders/${order.id}`)).person.name).toBe('李举报');
    // Still 保密 to the county colleague.
    expect(must(await w.c['wj.hotline2']!.get(`/api/v1/work-orders/${order.id}`)).person.name).toBe('保密');
  });

  it('of 20 parallel accepts exactly one wins; the others get 409 and write nothing', async () => {
    const o = must(await w.c['shi.hotline']!.post('/api/v1/work-orders', call()), 201);
    must(await w.c['shi.hotline']!.post(`/api/v1/work-orders/${o.id}/transfer`, { orgId: w.county.id }));
    const clients = [w.c['wj.hotline']!, w.c['wj.hotline2']!];
    const results = await race(20, (i) =>
      (clients[i % 2] as (typeof clients)[number]).post(`/api/v1/work-orders/${o.id}/accept`),
    );
    expect(tally(results)).toEqual({ 200: 1, 409: 19 });
    expect(loserCodes(results)).toEqual({ WORK_ORDER_BAD_STATUS: 19 });
    const d = must(await w.c['shi.hotline']!.get(`/api/v1/work-orders/${o.id}`));
    expect(d.actions.filter((a: { action: string }) => a.action === 'accept')).toHaveLength(1);
    const audits = await env.ctx.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'work_order.accept')
      .where('entity_id', '=', String(o.id))
      .execute();
    expect(audits).toHaveLength(1);
  });

  it('of 20 parallel returns and accepts one wins; 20 parallel callbacks record one', async () => {
    const o = must(await w.c['shi.hotline']!.post('/api/v1/work-orders', call()), 201);
    must(await w.c['shi.hotline']!.post(`/api/v1/work-orders/${o.id}/transfer`, { orgId: w.county.id }));
    const results = await race(20, (i) =>
      i % 2
        ? w.c['wj.hotline']!.post(`/api/v1/work-orders/${o.id}/accept`)
        : w.c['wj.hotline2']!.post(`/api/v1/work-orders/${o.id}/return`, { reason: '不属本区' }),
    );
    expect(tally(results)).toEqual({ 200: 1, 409: 19 });
    const c = must(await w.c['shi.hotline']!.post('/api/v1/work-orders', call()), 201);
    must(
      await w.c['shi.hotline']!.post(`/api/v1/work-orders/${c.id}/close`, {
        replyMethod: 'phone',
        reply: '已解答',
        result: 'explained',
      }),
    );
    const cb = await race(20, (i) =>
      w.c[i % 2 ? 'shi.hotline' : 'wj.hotline']!.post(`/api/v1/work-orders/${c.id}/callback`, {
        satisfaction: 'satisfied',
      }),
    );
    // The county cannot see a city order: 404 for its ten; of the city's ten, one wins.
    expect(tally(cb)).toEqual({ 200: 1, 404: 10, 409: 9 });
  });
});
