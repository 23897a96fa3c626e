import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv, USER_PASSWORD } from '../../test-support/env.js';
import { household, IDS } from '../../test-support/households.js';

describe.each(testDialects)('worker self-service on %s', (dialect) => {
  let env: TestEnv;
  let street: { id: number };
  let worker: Client;
  let clerk: Client;

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    ({ street } = await env.countyWithStreet());
    await env.user('clerk', street.id, ['intake_clerk']);
    clerk = await env.login('clerk');
  });
  afterAll(() => env.close());

  it('an administrator creates a worker account, which reads no file until it is linked', async () => {
    const admin = await env.loginAdmin();
    const base = {
      username: 'zhang.jianguo',
      displayName: '张建国',
      orgId: street.id,
      roles: ['worker'],
      password: USER_PASSWORD,
    };
    const ok = await admin.post('/api/v1/users', base);
    expect(ok.status).toBe(201);
    await env.ctx.db.updateTable('app_user').set({ must_change_password: 0 }).where('id', '=', ok.body.id).execute();
    worker = await env.login('zhang.jianguo');
    expect((await worker.get('/api/v1/self/file')).body.error.code).toBe('SELF_NO_FILE');
  });

  it('a worker applies for themselves and follows the application', async () => {
    const { orgId: _o, ...body } = household(street.id);
    const r = await worker.post('/api/v1/self/application', body);
    expect(r.status, r.text).toBe(201);
    expect(r.body.status).toBe('submitted');
    const mine = await worker.get('/api/v1/self/file');
    expect(mine.body).toMatchObject({
      name: '张建国',
      status: 'submitted',
      statusLabel: '待审核',
      orgName: '西河镇总工会',
    });
    expect(mine.body.steps.map((s: { step: string }) => s.step)).toEqual(['建立档案', '提交申请']);
    // Each step names its event, so the portal says it in the worker's language (contracts' selfSteps).
    expect(mine.body.steps.map((s: { action: string }) => s.action)).toEqual(['create', 'submit']);
    // The union sees it in its review queue.
    const list = await clerk.get('/api/v1/households?status=submitted');
    expect(list.body.items.map((i: { name: string }) => i.name)).toEqual(['张建国']);
  });

  it('a worker sees nothing else and cannot apply for someone else', async () => {
    expect((await worker.get('/api/v1/households')).status).toBe(403);
    expect((await worker.get('/api/v1/orgs/root')).status).toBe(403);
    const { orgId: _o, ...other } = household(street.id, { idNumber: IDS.other, members: [] });
    const r = await worker.post('/api/v1/self/application', other);
    expect(r.body.error.code).toBe('SELF_NOT_OWN_ID');
    expect((await clerk.get('/api/v1/self/file')).status).toBe(403);
  });
});
