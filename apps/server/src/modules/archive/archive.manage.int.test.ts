import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv } from '../../test-support/env.js';
import { fileHousehold, household } from '../../test-support/households.js';

/** 动态管理: review records, queues, 解困/脱困, 注销, transfer, 转正 — nothing is ever deleted. */
describe.each(testDialects)('dynamic management on %s', (dialect) => {
  let env: TestEnv;
  let county: { id: number };
  let streetA: { id: number };
  let streetB: { id: number };
  let clerk: Client;
  let approver: Client;
  let id: number;

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    const root = await env.root();
    const prov = await env.org(root.id, '广东省总工会', 'province', '440000');
    county = await env.org(prov.id, '武江区总工会', 'county', '440203');
    streetA = await env.org(county.id, '西河镇总工会', 'street');
    streetB = await env.org(county.id, '新华街道总工会', 'street');
    await env.user('clerk', streetA.id, ['intake_clerk']);
    await env.user('approver', county.id, ['approver']);
    id = await fileHousehold(env, household(streetA.id));
    clerk = await env.login('clerk');
    approver = await env.login('approver');
  });
  afterAll(() => env.close());

  it('lists filed files never assisted, and none due yet', async () => {
    const never = await clerk.get('/api/v1/households/queues/never_assisted');
    expect(never.body.items.map((i: { id: number }) => i.id)).toEqual([id]);
    expect((await clerk.get('/api/v1/households/queues/due')).body.total).toBe(0);
    expect((await clerk.get('/api/v1/households/queues/overdue')).body.total).toBe(0);
  });

  it('puts a file in the due, overdue and stale queues as time passes, and a review moves it out', async () => {
    env.ctx.clock.advance(340 * 86_400_000);
    clerk = await env.login('clerk');
    expect((await clerk.get('/api/v1/households/queues/due')).body.total).toBe(1);
    env.ctx.clock.advance(40 * 86_400_000);
    clerk = await env.login('clerk');
    expect((await clerk.get('/api/v1/households/queues/overdue')).body.total).toBe(1);
    expect((await clerk.get('/api/v1/households/queues/stale')).body.total).toBe(1);
    const today = env.ctx.clock.today();
    const r = await clerk.post(`/api/v1/households/${id}/reviews`, {
      method: 'visit',
      reviewedOn: today,
      findings: '家庭情况无明显变化',
    });
    expect(r.body).toMatchObject({ status: 'filed', last_reviewed_at: expect.any(String) });
    expect((await clerk.get('/api/v1/households/queues/overdue')).body.total).toBe(0);
    expect((await clerk.get('/api/v1/households/queues/stale')).body.total).toBe(0);
    env.ctx.clock.reset();
    clerk = await env.login('clerk');
    approver = await env.login('approver');
  });

  it('transfers a file with its history to another organisation', async () => {
    const t = await approver.post(`/api/v1/households/${id}/transfer`, {
      toOrgId: streetB.id,
      reason: '职工调动至新华街道',
    });
    expect(t.status, t.text).toBe(200);
    expect((await clerk.get(`/api/v1/households/${id}`)).status).toBe(404);
    await env.user('clerk-b', streetB.id, ['intake_clerk']);
    const b = await env.login('clerk-b');
    const h = await b.get(`/api/v1/households/${id}/history`);
    expect(h.body.events.map((e: { action: string }) => e.action)).toContain('create');
    expect(h.body.events.at(-1)).toMatchObject({
      action: 'transfer',
      data: { fromOrg: '西河镇总工会', toOrg: '新华街道总工会' },
    });
  });

  it('moves a file through 解困 and 脱困; clerks cannot; nothing is deleted', async () => {
    expect((await clerk.post(`/api/v1/households/${id}/relieve`, { reason: 'x' })).status).toBe(403);
    expect(
      (await approver.post(`/api/v1/households/${id}/relieve`, { reason: '享受低保后生活达到低保水平' })).body.status,
    ).toBe('relieved');
    expect(
      (await approver.post(`/api/v1/households/${id}/exit`, { reason: '连续6个月人均收入高于低保线，致困因素消除' }))
        .body.status,
    ).toBe('exited');
    const again = await approver.post(`/api/v1/households/${id}/exit`, { reason: 'again' });
    expect(again.body.error.code).toBe('ARCHIVE_BAD_TRANSITION');
    const list = await approver.get('/api/v1/households?status=exited');
    expect(list.body.total).toBe(1);
  });

  it('cancels a file and promotes a temporary file to a full one', async () => {
    const tmp = await fileHousehold(
      env,
      household(streetA.id, { kind: 'temporary', idNumber: '440203198803030026', name: '临时户', members: [] }),
    );
    const promoted = await approver.post(`/api/v1/households/${tmp}/promote`, { reason: '困难情况持续，转为正式档案' });
    expect(promoted.body).toMatchObject({ status: 'filed', kind: 'full' });
    const c = await approver.post(`/api/v1/households/${tmp}/cancel`, { cause: 'death', reason: '本人病故' });
    expect(c.body.status).toBe('cancelled');
    const f = await approver.get(`/api/v1/households/${tmp}`);
    expect(f.body).toMatchObject({ status: 'cancelled', kind: 'full' });
  });
});
