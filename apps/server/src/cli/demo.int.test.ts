import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../test-support/db.js';
import { TestEnv } from '../test-support/env.js';
import { DEMO_PASSWORD, seedDemo } from './demo.js';

/** The demo is what a newcomer sees first: it must build a working archive and money picture on both databases. */
describe.each(testDialects)('the demo data on %s', (dialect) => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await TestEnv.create(dialect);
  });
  afterAll(() => env.close());

  it('files households at every stage, funds them and leaves a batch for 张伟 to approve', async () => {
    const r = await seedDemo(env.ctx, await env.system());
    expect(r).toEqual({ orgs: 18, users: 21, files: 28 });
    const approver = await env.login('wj.approver', DEMO_PASSWORD);
    const queue = await approver.get('/api/v1/approvals/queue');
    expect(queue.body.batches).toEqual([expect.objectContaining({ status: 'pending_approval', grantCount: 22 })]);
    const clerk = await env.login('wj.reviewer', DEMO_PASSWORD);
    const filed = await clerk.get('/api/v1/households?status=filed&limit=100');
    expect(filed.body.total).toBe(22);
    const exit = await clerk.get('/api/v1/households/queues/exit_proposed');
    expect(exit.body.total).toBe(1);
    const batches = await clerk.get('/api/v1/batches');
    expect(batches.body.items[0]).toMatchObject({
      status: 'pending_approval',
      grantCount: 22,
      totalFen: 15 * 197_500 + 7 * 157_500,
    });
  });

  it('gives every page of the newer windows something to show', async () => {
    const auditor = await env.login('shi.auditor', DEMO_PASSWORD);
    const orders = (await auditor.get('/api/v1/work-orders?limit=200')).body;
    expect(orders.total).toBe(7);
    expect(new Set(orders.items.map((o: { status: string }) => o.status))).toEqual(
      new Set(['closed', 'handling', 'referred', 'open']),
    );
    const hotline = await env.login('shi.hotline', DEMO_PASSWORD);
    expect((await hotline.get('/api/v1/work-orders/queues/overdue')).body.total).toBe(1);
    expect(orders.items.filter((o: { person: { confidential: boolean } }) => o.person.confidential)).toHaveLength(1);
    const legal = (await auditor.get('/api/v1/legal-aid')).body;
    expect(legal.total).toBe(2);
    const rounds = (await auditor.get('/api/v1/review-rounds')).body;
    expect(rounds.items).toEqual([expect.objectContaining({ status: 'open' })]);
    const clerk = await env.login('xh.clerk', DEMO_PASSWORD);
    const changes = (await clerk.get('/api/v1/households/changes?status=pending')).body;
    expect(changes.total).toBe(1);
    const city = (await auditor.get('/api/v1/auth/me')).body.orgId;
    const bodies = (await auditor.get(`/api/v1/approval-bodies?orgId=${city}`)).body;
    expect(bodies.items.map((b: { kind: string }) => b.kind)).toEqual(['groupLeader', 'leadingGroup', 'committee']);
    const worker = await env.login('worker.demo', DEMO_PASSWORD);
    expect((await worker.get('/api/v1/self/file')).status).toBe(200);
  });
});
