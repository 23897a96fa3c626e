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
    expect(r).toEqual({ orgs: 18, users: 17, files: 28 });
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
});
