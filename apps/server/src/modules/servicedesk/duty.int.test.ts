import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { TestEnv } from '../../test-support/env.js';
import { call, deskWorld, must } from '../../test-support/servicedesk.js';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR-letter')]);

/** The hotline's 24-hour duty roster, and the letters and photos attached to a work order. */
describe.each(testDialects)('duty roster and attachments on %s', (dialect) => {
  let env: TestEnv;
  let w: Awaited<ReturnType<typeof deskWorld>>;
  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    w = await deskWorld(env);
  });
  afterAll(() => {
    env.ctx.clock.reset();
    return env.close();
  });

  it('says who is on duty now and shows the last handover note', async () => {
    env.ctx.clock.setTo(new Date('2026-10-01T00:00:00Z')); // 08:00 in Beijing, 国庆: the hotline works anyway
    const city = w.c['shi.hotline']!;
    const shift = (userId: number, startsAt: string, endsAt: string) =>
      city.post('/api/v1/duty-shifts', { orgId: w.city.id, userId, startsAt, endsAt });
    const night = must(
      await shift(w.ids['shi.hotline']!, '2026-09-30T20:00:00+08:00', '2026-10-01T08:00:00+08:00'),
      201,
    );
    const day = must(await shift(w.ids['shi.hotline']!, '2026-10-01T08:00:00+08:00', '2026-10-01T20:00:00+08:00'), 201);
    // Only desk staff of that node; times that make sense.
    expect(
      (await shift(w.ids['shi.leader']!, '2026-10-02T08:00:00+08:00', '2026-10-02T20:00:00+08:00')).body.error.code,
    ).toBe('WORK_ORDER_BAD_COLLEAGUE');
    expect(
      (await shift(w.ids['shi.hotline']!, '2026-10-02T08:00:00+08:00', '2026-10-02T07:00:00+08:00')).body.error.code,
    ).toBe('DUTY_SHIFT_BAD_TIMES');
    // The night shift hands over; only its own person writes the note.
    expect((await w.c['wj.hotline']!.post(`/api/v1/duty-shifts/${night.id}/handover`, { note: 'x' })).status).toBe(404);
    must(await city.post(`/api/v1/duty-shifts/${night.id}/handover`, { note: '夜间来电3个，1件欠薪待跟进' }));
    const now = must(await w.c['shi.leader']!.get(`/api/v1/duty-shifts/now?orgId=${w.city.id}`));
    expect(now.onDuty.map((s: { id: number }) => s.id)).toEqual([day.id]);
    expect(now.lastHandover).toMatchObject({ id: night.id, handoverNote: '夜间来电3个，1件欠薪待跟进' });
    const roster = must(await city.get(`/api/v1/duty-shifts?orgId=${w.city.id}&from=2026-09-30&to=2026-10-01`));
    expect(roster.items.map((s: { id: number }) => s.id)).toEqual([night.id, day.id]);
    // A shift that has begun stays; a future one may be cancelled.
    expect((await city.post(`/api/v1/duty-shifts/${day.id}/cancel`)).body.error.code).toBe('DUTY_SHIFT_STARTED');
    const later = must(
      await shift(w.ids['shi.hotline']!, '2026-10-02T08:00:00+08:00', '2026-10-02T20:00:00+08:00'),
      201,
    );
    must(await city.post(`/api/v1/duty-shifts/${later.id}/cancel`));
    // The sibling county sees nothing of the city's roster.
    expect((await w.c['zj.hotline']!.get(`/api/v1/duty-shifts/now?orgId=${w.city.id}`)).status).toBe(404);
  });

  it('attaches a letter to an order (type by content, encrypted), downloads it audited; it follows the order', async () => {
    const city = w.c['shi.hotline']!;
    const o = must(await city.post('/api/v1/work-orders', call({ channel: 'letter' })), 201);
    expect(
      (await city.upload(`/api/v1/work-orders/${o.id}/attachments`, 'a.txt', Buffer.from('hello'))).body.error.code,
    ).toBe('ATTACHMENT_TYPE');
    const a = must(await city.upload(`/api/v1/work-orders/${o.id}/attachments`, '来信.png', PNG), 201);
    const stored = await env.ctx.db
      .selectFrom('work_order_attachment')
      .select('content_enc')
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(stored.content_enc.startsWith('e1.')).toBe(true);
    must(await city.post(`/api/v1/work-orders/${o.id}/transfer`, { orgId: w.county.id }));
    const wj = w.c['wj.hotline']!;
    const d = must(await wj.get(`/api/v1/work-orders/${o.id}`));
    expect(d.attachments.map((x: { filename: string }) => x.filename)).toEqual(['来信.png']);
    const file = await wj.get(`/api/v1/work-orders/${o.id}/attachments/${a.id}`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect((await w.c['shi.leader']!.get(`/api/v1/work-orders/${o.id}/attachments/${a.id}`)).status).toBe(403);
    expect((await w.c['zj.hotline']!.get(`/api/v1/work-orders/${o.id}/attachments/${a.id}`)).status).toBe(404);
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select('actor_name')
      .where('action', '=', 'work_order.attachment_read')
      .execute();
    expect(audit.map((x) => x.actor_name)).toEqual(['wj.hotline']);
  });
});
