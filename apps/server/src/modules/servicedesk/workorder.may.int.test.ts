import { workOrderQueues } from '@bangfu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import type { Client, TestEnv as Env } from '../../test-support/env.js';
import { TestEnv } from '../../test-support/env.js';
import { call, deskWorld, must, reply } from '../../test-support/servicedesk.js';

/**
 * The order page's buttons come from `may` in the order's detail: each flag is what the step would answer now. A
 * flag that is false is refused when tried; one that is true succeeds. The desk's tabs count what the queues list.
 */
describe.each(testDialects)('what the caller may do, and the queue counts, on %s', (dialect) => {
  let env: Env;
  let w: Awaited<ReturnType<typeof deskWorld>>;
  const may = async (c: Client, id: number) => must(await c.get(`/api/v1/work-orders/${id}`)).may;
  const refused = async (res: Promise<{ status: number }>) => expect((await res).status).toBeGreaterThanOrEqual(400);

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    w = await deskWorld(env);
  });
  afterAll(() => env.close());

  it('follows an order from registration to callback, for the owner, a colleague, the leader and the county', async () => {
    const city = w.c['shi.hotline']!;
    const leader = w.c['shi.leader']!;
    const wj = w.c['wj.hotline']!;
    const wj2 = w.c['wj.hotline2']!;
    const o = must(await city.post('/api/v1/work-orders', call()), 201);
    const url = `/api/v1/work-orders/${o.id}`;

    expect(await may(city, o.id)).toMatchObject({
      handleHere: true,
      transfer: true,
      assign: true,
      accept: false,
      return: false,
      supervise: false,
      close: true,
      extension: true,
      extensionDecision: false,
      callback: false,
      reopen: false,
      reveal: true,
      report: [],
    });
    // The city's leader: a superior who does not handle desk work (no servicedesk.write), nor supervises its own node.
    const lead = await may(leader, o.id);
    expect(lead).toMatchObject({ handleHere: false, transfer: false, close: false, supervise: false, reveal: false });
    await refused(leader.post(`${url}/supervise`, { dueOn: env.ctx.clock.today(), demand: '限期' }));
    await refused(city.post(`${url}/accept`));

    must(await city.post(`${url}/transfer`, { orgId: w.county.id }));
    expect(await may(city, o.id)).toMatchObject({ transfer: false, close: false, note: false, accept: false });
    await refused(city.post(`${url}/close`, reply()));
    expect(await may(wj, o.id)).toMatchObject({ accept: true, return: true, close: false, transfer: false });
    expect(await may(leader, o.id)).toMatchObject({ supervise: true, accept: false });
    must(await leader.post(`${url}/supervise`, { dueOn: env.ctx.clock.today(), demand: '请于今日报告' }));

    must(await wj.post(`${url}/accept`));
    const owner = await may(wj, o.id);
    expect(owner).toMatchObject({ accept: false, close: true, extension: true, transfer: true, note: true });
    expect(owner.report).toHaveLength(1);
    // A colleague at the county notes and reports, but neither closes nor asks for the extension.
    expect(await may(wj2, o.id)).toMatchObject({ note: true, close: false, extension: false, transfer: false });
    await refused(wj2.post(`${url}/close`, reply()));

    must(await wj.post(`${url}/extension`, { reason: '需调查取证', workingDays: 5 }));
    expect(await may(wj, o.id)).toMatchObject({ extension: false, extensionDecision: false });
    // The county's leader decides; the city's leader (also above) may too.
    expect(await may(w.c['wj.leader']!, o.id)).toMatchObject({ extensionDecision: true });
    must(await w.c['wj.leader']!.post(`${url}/extension/decision`, { approve: true }));

    must(await wj.post(`${url}/supervisions/${owner.report[0]}/report`, { report: '已约谈企业' }));
    expect((await may(wj, o.id)).report).toEqual([]);

    must(await wj.post(`${url}/close`, reply()));
    expect(await may(wj, o.id)).toMatchObject({ close: false, callback: true, reopen: false, transfer: false });
    must(await wj2.post(`${url}/callback`, { satisfaction: 'unsatisfied' }));
    expect(await may(wj, o.id)).toMatchObject({ callback: false, reopen: false });
    await refused(wj.post(`${url}/reopen`, { reason: '不满意' }));
    // The supervising city's desk and the owner's superior may reopen it.
    expect(await may(city, o.id)).toMatchObject({ reopen: true });
    expect(await may(w.c['wj.leader']!, o.id)).toMatchObject({ reopen: true });
    must(await w.c['wj.leader']!.post(`${url}/reopen`, { reason: '当事人不满意，重新办理' }));
    expect(await may(wj, o.id)).toMatchObject({ close: true, reopen: false });
  });

  it('keeps the reveal button from a colleague of a confidential person; the owner has it', async () => {
    const o = must(await w.c['wj.hotline']!.post('/api/v1/work-orders', call({ confidential: true })), 201);
    expect(await may(w.c['wj.hotline']!, o.id)).toMatchObject({ reveal: true, download: true });
    expect(await may(w.c['wj.hotline2']!, o.id)).toMatchObject({ reveal: false, download: false, note: true });
    await refused(w.c['wj.hotline2']!.get(`/api/v1/work-orders/${o.id}/person`));
    expect(await may(w.c['shi.auditor']!, o.id)).toMatchObject({ reveal: true, note: false, close: false });
  });

  it('counts each queue as the queue lists it, under the node asked for', async () => {
    const city = w.c['shi.hotline']!;
    const o = must(await city.post('/api/v1/work-orders', call()), 201);
    must(await city.post(`/api/v1/work-orders/${o.id}/transfer`, { orgId: w.county.id }));
    for (const [client, orgId] of [
      [w.c['wj.hotline']!, w.county.id],
      [w.c['shi.leader']!, w.city.id],
      [city, w.city.id],
    ] as const) {
      const { counts, orgId: at } = must(await client.get(`/api/v1/work-orders/queue-counts?orgId=${orgId}`));
      expect(at).toBe(orgId);
      for (const q of workOrderQueues.codes) {
        const listed = must(await client.get(`/api/v1/work-orders/queues/${q}?orgId=${orgId}`));
        expect([q, counts[q]]).toEqual([q, listed.total]);
      }
    }
    const county = must(await w.c['wj.hotline']!.get('/api/v1/work-orders/queue-counts')).counts;
    expect(county.awaiting_acceptance).toBe(1);
    expect(county.callbacks_due).toBe(0);
    expect(must(await w.c['shi.leader']!.get('/api/v1/work-orders/queue-counts')).counts.supervised).toBe(1);
    // Outside the caller's subtree: not found.
    expect((await w.c['zj.hotline']!.get(`/api/v1/work-orders/queue-counts?orgId=${w.county.id}`)).status).toBe(404);
  });
});
