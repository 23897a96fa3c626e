import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { TestEnv } from '../../test-support/env.js';
import { fileHousehold, generatedId, household } from '../../test-support/households.js';
import { call, deskWorld, must, reply } from '../../test-support/servicedesk.js';

/**
 * 分级主办: the city centre takes a call and sends it down to a county in its own subtree; the county accepts or
 * returns it; a sibling county never sees it; an upper union supervises; every step is in the order's history.
 */
describe.each(testDialects)('work order routing on %s', (dialect) => {
  let env: TestEnv;
  let w: Awaited<ReturnType<typeof deskWorld>>;
  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    w = await deskWorld(env);
  });
  afterAll(() => env.close());

  it('the registrant owns a new order (首问责任制), numbered per province and year, due in working days', async () => {
    const o = must(await w.c['shi.hotline']!.post('/api/v1/work-orders', call()), 201);
    expect(o.status).toBe('open');
    expect(o.orderNo).toMatch(new RegExp(`^GD44-${env.ctx.clock.today().slice(0, 4)}-\\d{7}$`));
    expect(o.owner).toEqual({ id: w.ids['shi.hotline'], name: 'shi.hotline' });
    expect(o.org.id).toBe(w.city.id);
    expect(o.person.phoneMasked).toMatch(/^138\*{4}\d{4}$/);
    expect(o.person.idMasked).toMatch(/^\*{14}[\dX]{4}$/);
    expect(o.dueDays).toBe(15);
    expect(o.dueOn > env.ctx.clock.today()).toBe(true);
    // Mine, for the registrant.
    const mine = must(await w.c['shi.hotline']!.get('/api/v1/work-orders/queues/mine'));
    expect(mine.items.map((i: { id: number }) => i.id)).toContain(o.id);
  });

  it('sends down inside the subtree only; the county accepts; a sibling county gets 404', async () => {
    const city = w.c['shi.hotline']!;
    const o = must(await city.post('/api/v1/work-orders', call()), 201);
    // Not to itself, not to a node outside the sender's subtree.
    expect((await city.post(`/api/v1/work-orders/${o.id}/transfer`, { orgId: w.city.id })).body.error.code).toBe(
      'WORK_ORDER_SAME_NODE',
    );
    expect((await city.post(`/api/v1/work-orders/${o.id}/transfer`, { orgId: w.province.id })).status).toBe(404);
    const sent = must(await city.post(`/api/v1/work-orders/${o.id}/transfer`, { orgId: w.county.id, note: '请核实' }));
    expect(sent).toMatchObject({ status: 'awaiting_acceptance', orgId: w.county.id, ownerName: null });

    // The sibling county sees nothing of it and cannot act on it.
    const zj = w.c['zj.hotline']!;
    expect((await zj.get(`/api/v1/work-orders/${o.id}`)).status).toBe(404);
    expect((await zj.post(`/api/v1/work-orders/${o.id}/accept`)).status).toBe(404);
    expect(must(await zj.get('/api/v1/work-orders')).items).toEqual([]);
    // The street below the county cannot accept it for the county.
    expect((await w.c['xh.hotline']!.post(`/api/v1/work-orders/${o.id}/accept`)).status).toBe(404);
    // The county cannot send it sideways to its sibling, nor up.
    const wj = w.c['wj.hotline']!;
    const waiting = must(await wj.get('/api/v1/work-orders/queues/awaiting_acceptance'));
    expect(waiting.items.map((i: { id: number }) => i.id)).toEqual([o.id]);
    // The city (the sender) cannot accept at the county.
    expect((await city.post(`/api/v1/work-orders/${o.id}/accept`)).body.error.code).toBe('WORK_ORDER_NOT_AT_YOUR_NODE');

    const accepted = must(await wj.post(`/api/v1/work-orders/${o.id}/accept`));
    expect(accepted).toMatchObject({ status: 'handling', ownerName: 'wj.hotline' });
    expect((await wj.post(`/api/v1/work-orders/${o.id}/transfer`, { orgId: w.sibling.id })).status).toBe(404);
    expect((await wj.post(`/api/v1/work-orders/${o.id}/transfer`, { orgId: w.city.id })).status).toBe(404);

    // The city still follows it; the history names who, when, what and to whom.
    const d = must(await city.get(`/api/v1/work-orders/${o.id}`));
    expect(d.org).toEqual({ id: w.county.id, name: '武江区总工会' });
    expect(d.actions.map((a: { action: string }) => a.action)).toEqual(['register', 'transfer', 'accept']);
    expect(d.actions[1]).toMatchObject({ actor: 'shi.hotline', actorOrg: '韶关市总工会', note: '请核实' });
    expect(d.actions[1].toOrg).toEqual({ id: w.county.id, name: '武江区总工会' });
    expect(d.actions[2].toUser).toEqual({ id: w.ids['wj.hotline'], name: 'wj.hotline' });
    // The county may send it further down to its street.
    must(await wj.post(`/api/v1/work-orders/${o.id}/transfer`, { orgId: w.street.id }));
    must(await w.c['xh.hotline']!.post(`/api/v1/work-orders/${o.id}/accept`));
  });

  it('the receiving union returns an order with a reason: back to the sender, who owns it again', async () => {
    const city = w.c['shi.hotline']!;
    const o = must(await city.post('/api/v1/work-orders', call()), 201);
    must(await city.post(`/api/v1/work-orders/${o.id}/transfer`, { orgId: w.county.id }));
    const wj = w.c['wj.hotline']!;
    expect((await wj.post(`/api/v1/work-orders/${o.id}/return`, {})).status).toBe(400);
    const back = must(await wj.post(`/api/v1/work-orders/${o.id}/return`, { reason: '用人单位在浈江区' }));
    expect(back).toMatchObject({ status: 'open', orgId: w.city.id, ownerName: 'shi.hotline' });
    expect((await wj.get(`/api/v1/work-orders/${o.id}`)).status).toBe(404);
    const d = must(await city.get(`/api/v1/work-orders/${o.id}`));
    expect(d.returnReason).toBe('用人单位在浈江区');
    expect(d.actions.map((a: { action: string }) => a.action)).toEqual(['register', 'transfer', 'return']);
    // The city sends it to the right county now.
    must(await city.post(`/api/v1/work-orders/${o.id}/transfer`, { orgId: w.sibling.id }));
    must(await w.c['zj.hotline']!.post(`/api/v1/work-orders/${o.id}/accept`));
    // Accepting twice: the second finds it handled.
    expect((await w.c['zj.hotline']!.post(`/api/v1/work-orders/${o.id}/accept`)).body.error.code).toBe(
      'WORK_ORDER_BAD_STATUS',
    );
  });

  it('自办, 转办 to an outside body with its reference, 交办 to a colleague at the same node', async () => {
    const wj = w.c['wj.hotline']!;
    const o = must(await wj.post('/api/v1/work-orders', call({ channel: 'visit' })), 201);
    must(await wj.post(`/api/v1/work-orders/${o.id}/handle-here`));
    // Only the owner (or a superior) routes it.
    expect((await w.c['wj.hotline2']!.post(`/api/v1/work-orders/${o.id}/handle-here`)).body.error.code).toBe(
      'WORK_ORDER_BAD_STATUS',
    );
    expect(
      (await w.c['wj.hotline2']!.post(`/api/v1/work-orders/${o.id}/assign`, { userId: w.ids['wj.hotline2'] })).body
        .error.code,
    ).toBe('WORK_ORDER_NOT_OWNER');
    // A colleague must be desk staff at the same node.
    expect(
      (await wj.post(`/api/v1/work-orders/${o.id}/assign`, { userId: w.ids['shi.hotline'] })).body.error.code,
    ).toBe('WORK_ORDER_BAD_COLLEAGUE');
    expect((await wj.post(`/api/v1/work-orders/${o.id}/assign`, { userId: w.ids['wj.leader'] })).body.error.code).toBe(
      'WORK_ORDER_BAD_COLLEAGUE',
    );
    must(await wj.post(`/api/v1/work-orders/${o.id}/assign`, { userId: w.ids['wj.hotline2'] }));
    const w2 = w.c['wj.hotline2']!;
    const out = must(
      await w2.post(`/api/v1/work-orders/${o.id}/transfer`, {
        outsideBody: 'labour_inspection',
        reference: '韶劳监〔2026〕15号',
      }),
    );
    expect(out.status).toBe('referred');
    const d = must(await w2.get(`/api/v1/work-orders/${o.id}`));
    expect(d.outside).toMatchObject({ body: 'labour_inspection', reference: '韶劳监〔2026〕15号' });
    expect(d.actions.map((a: { action: string }) => a.action)).toEqual([
      'register',
      'handle_here',
      'assign',
      'transfer_out',
    ]);
    expect(d.actions[2].toUser.name).toBe('wj.hotline2');
    // An outside transfer needs its reference.
    const o2 = must(await wj.post('/api/v1/work-orders', call()), 201);
    expect((await wj.post(`/api/v1/work-orders/${o2.id}/transfer`, { outsideBody: 'arbitration' })).status).toBe(400);
  });

  it('督办: an upper union sets a deadline and demands a report; the county reports once', async () => {
    const wj = w.c['wj.hotline']!;
    const o = must(await wj.post('/api/v1/work-orders', call()), 201);
    const today = env.ctx.clock.today();
    // The county's own leader is not above the county; the sibling's leader cannot see it.
    expect(
      (await w.c['wj.leader']!.post(`/api/v1/work-orders/${o.id}/supervise`, { dueOn: today, demand: '速办' })).body
        .error.code,
    ).toBe('WORK_ORDER_NOT_UPPER');
    expect(
      (await w.c['zj.leader']!.post(`/api/v1/work-orders/${o.id}/supervise`, { dueOn: today, demand: '速办' })).status,
    ).toBe(404);
    // A hotline operator holds no servicedesk.supervise.
    expect(
      (await w.c['shi.hotline']!.post(`/api/v1/work-orders/${o.id}/supervise`, { dueOn: today, demand: '速办' }))
        .status,
    ).toBe(403);
    expect(
      (await w.c['shi.leader']!.post(`/api/v1/work-orders/${o.id}/supervise`, { dueOn: '2020-01-01', demand: '速办' }))
        .body.error.code,
    ).toBe('WORK_ORDER_BAD_DATE');
    must(
      await w.c['shi.leader']!.post(`/api/v1/work-orders/${o.id}/supervise`, {
        dueOn: today,
        demand: '三日内报告办理结果',
      }),
    );
    const supervised = must(await w.c['shi.leader']!.get('/api/v1/work-orders/queues/supervised'));
    expect(supervised.items.map((i: { id: number }) => i.id)).toContain(o.id);
    expect(must(await w.c['wj.leader']!.get('/api/v1/work-orders/queues/supervised')).items).toEqual([]);

    const d = must(await wj.get(`/api/v1/work-orders/${o.id}`));
    expect(d.supervisions).toHaveLength(1);
    const s = d.supervisions[0];
    expect(s).toMatchObject({
      supervisor: { id: w.city.id, name: '韶关市总工会' },
      demand: '三日内报告办理结果',
      report: null,
    });
    must(await wj.post(`/api/v1/work-orders/${o.id}/supervisions/${s.id}/report`, { report: '已约谈企业负责人' }));
    expect(
      (await wj.post(`/api/v1/work-orders/${o.id}/supervisions/${s.id}/report`, { report: '再报' })).body.error.code,
    ).toBe('WORK_ORDER_SUPERVISION_REPORTED');
    const after = must(await w.c['shi.leader']!.get(`/api/v1/work-orders/${o.id}`));
    expect(after.supervisions[0]).toMatchObject({ report: '已约谈企业负责人', reportedBy: 'wj.hotline' });
    expect(after.actions.map((a: { action: string }) => a.action)).toEqual(['register', 'supervise', 'report']);
  });

  it('an order closes only with a reply; the callback is recorded once; unsatisfied may be reopened by a superior', async () => {
    const wj = w.c['wj.hotline']!;
    const o = must(await wj.post('/api/v1/work-orders', call()), 201);
    must(await wj.post(`/api/v1/work-orders/${o.id}/handle-here`));
    expect((await wj.post(`/api/v1/work-orders/${o.id}/close`, {})).status).toBe(400);
    expect((await wj.post(`/api/v1/work-orders/${o.id}/close`, reply({ reply: '' }))).status).toBe(400);
    expect((await w.c['wj.hotline2']!.post(`/api/v1/work-orders/${o.id}/close`, reply())).body.error.code).toBe(
      'WORK_ORDER_NOT_OWNER',
    );
    expect((await wj.post(`/api/v1/work-orders/${o.id}/callback`, { satisfaction: 'satisfied' })).body.error.code).toBe(
      'WORK_ORDER_BAD_STATUS',
    );
    const closed = must(await wj.post(`/api/v1/work-orders/${o.id}/close`, reply()));
    expect(closed.status).toBe('closed');
    const d = must(await wj.get(`/api/v1/work-orders/${o.id}`));
    expect(d).toMatchObject({ onTime: true, wagesRecoveredFen: 3_000_000 });
    expect(d.reply).toMatchObject({ method: 'phone', result: 'resolved', closedBy: 'wj.hotline' });
    // Reopening needs an unsatisfied callback first.
    expect(
      (await w.c['wj.leader']!.post(`/api/v1/work-orders/${o.id}/reopen`, { reason: '复查' })).body.error.code,
    ).toBe('WORK_ORDER_NOT_UNSATISFIED');
    const due = must(await w.c['shi.hotline']!.get('/api/v1/work-orders/queues/callbacks_due'));
    expect(due.items.map((i: { id: number }) => i.id)).toContain(o.id);
    must(
      await w.c['shi.hotline']!.post(`/api/v1/work-orders/${o.id}/callback`, {
        satisfaction: 'unsatisfied',
        note: '只追回一半',
      }),
    );
    expect((await wj.post(`/api/v1/work-orders/${o.id}/callback`, { satisfaction: 'satisfied' })).body.error.code).toBe(
      'WORK_ORDER_CALLBACK_DONE',
    );
    // Not by the owner, not by a colleague without servicedesk.supervise, not by a sibling's leader.
    expect((await wj.post(`/api/v1/work-orders/${o.id}/reopen`, { reason: '复查' })).body.error.code).toBe(
      'WORK_ORDER_NOT_SUPERIOR',
    );
    expect(
      (await w.c['wj.hotline2']!.post(`/api/v1/work-orders/${o.id}/reopen`, { reason: '复查' })).body.error.code,
    ).toBe('WORK_ORDER_NOT_SUPERIOR');
    expect((await w.c['zj.leader']!.post(`/api/v1/work-orders/${o.id}/reopen`, { reason: '复查' })).status).toBe(404);
    const re = must(
      await w.c['wj.leader']!.post(`/api/v1/work-orders/${o.id}/reopen`, { reason: '职工不满意，继续协调' }),
    );
    expect(re).toMatchObject({ status: 'handling', ownerName: 'wj.hotline' });
    const again = must(await wj.get(`/api/v1/work-orders/${o.id}`));
    expect(again).toMatchObject({ reopenCount: 1, reply: null, callback: null, satisfaction: null });
    expect(again.actions.map((a: { action: string }) => a.action)).toEqual([
      'register',
      'handle_here',
      'close',
      'callback',
      'reopen',
    ]);
    expect(again.actions[3].data).toEqual({ satisfaction: 'unsatisfied' });
    must(await wj.post(`/api/v1/work-orders/${o.id}/close`, reply({ wagesRecoveredFen: 6_000_000 })));
    must(await w.c['shi.hotline']!.post(`/api/v1/work-orders/${o.id}/callback`, { satisfaction: 'satisfied' }));
  });

  it("links the person's file in scope, found by the ID; outside the file's subtree nothing is linked", async () => {
    const idNumber = generatedId(4242);
    const hh = await fileHousehold(env, household(w.street.id, { name: '王有档', idNumber, members: [] }));
    const o = must(await w.c['wj.hotline']!.post('/api/v1/work-orders', call({ idNumber, personName: '王有档' })), 201);
    expect(o.person.householdId).toBe(hh);
    const d = must(await w.c['wj.hotline']!.get(`/api/v1/work-orders/${o.id}`));
    expect(d.household).toMatchObject({ id: hh, name: '王有档' });
    const caller = must(await w.c['wj.hotline']!.get(`/api/v1/work-orders/caller?idNumber=${idNumber}`));
    expect(caller.household).toMatchObject({ id: hh });
    expect(caller.items.map((i: { id: number }) => i.id)).toEqual([o.id]);
    // The sibling county cannot see that file: its order stays unlinked, and it cannot pick the file by id.
    const z = must(await w.c['zj.hotline']!.post('/api/v1/work-orders', call({ idNumber })), 201);
    expect(z.person.householdId).toBeNull();
    expect((await w.c['zj.hotline']!.post('/api/v1/work-orders', call({ householdId: hh }))).status).toBe(404);
    expect(
      (await w.c['zj.hotline']!.post('/api/v1/work-orders', call({ idNumber: '440203199001011234' }))).body.error.code,
    ).toBe('WORK_ORDER_INVALID_ID');
  });

  it('重复访: the same person on the same matter within the window is linked to the earlier order', async () => {
    const wj = w.c['wj.hotline']!;
    const first = must(
      await wj.post('/api/v1/work-orders', call({ phone: '13900001111', categories: ['dismissal'] })),
      201,
    );
    const again = must(
      await wj.post('/api/v1/work-orders', call({ phone: '139-0000-1111', categories: ['wages_owed', 'dismissal'] })),
      201,
    );
    expect(again.repeatOf).toBe(first.id);
    const other = must(
      await wj.post('/api/v1/work-orders', call({ phone: '13900001111', categories: ['suggestion'] })),
      201,
    );
    expect(other.repeatOf).toBeNull();
    // The registration screen: the caller's earlier orders by phone (audited).
    const h = must(await wj.get('/api/v1/work-orders/caller?phone=13900001111'));
    expect(h.items.map((i: { id: number }) => i.id)).toEqual([other.id, again.id, first.id]);
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', '=', 'work_order.search_caller')
      .execute();
    expect(audit.at(-1)?.after_json).toContain('139****1111');
    expect(audit.at(-1)?.after_json).not.toContain('13900001111');
  });
});
