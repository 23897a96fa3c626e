import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv, USER_PASSWORD } from '../../test-support/env.js';
import { fileHousehold, generatedId, household } from '../../test-support/households.js';
import { race } from '../../test-support/race.js';

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n诊断证明\n'), Buffer.alloc(1500, 3)]);

/**
 * A transferred file carries its data (issue 9, item 1): members, versions, events, incomes, attachments, goods
 * received and certificates follow the file to the new union, across provinces; the old union sees none of it.
 */
describe.each(testDialects)('a file transfer carries its data on %s', (dialect) => {
  let env: TestEnv;
  let from: { id: number };
  let to: { id: number; path: string };
  let oldClerk: Client & { cookie?: string };
  let newClerk: Client & { cookie?: string };
  let id: number;
  let attachmentId: number;
  let cert: { id: number; number: string };
  let workerId: number;
  let today: string;

  const download = (c: Client & { cookie?: string }, attId: number) =>
    env.app.inject({
      method: 'GET',
      url: `/api/v1/households/${id}/attachments/${attId}`,
      headers: { cookie: c.cookie ?? '' },
    });

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    today = env.ctx.clock.today();
    const root = await env.root();
    const gd = await env.org(root.id, '广东省总工会', 'province', '440000');
    const hn = await env.org(root.id, '湖南省总工会', 'province', '430000');
    from = await env.org(gd.id, '武江区总工会', 'county', '440203');
    to = (await env.org(hn.id, '芙蓉区总工会', 'county', '430102')) as unknown as { id: number; path: string };
    await env.user('old-clerk', from.id, ['intake_clerk']);
    await env.user('new-clerk', to.id, ['intake_clerk']);
    await env.user('national-approver', root.id, ['approver']);
    await env.user('national-clerk', root.id, ['intake_clerk']);
    await env.user('old-admin', from.id, ['admin']);
    await env.user('new-admin', to.id, ['admin']);
    oldClerk = await env.login('old-clerk');
    newClerk = await env.login('new-clerk');
    id = await fileHousehold(env, household(from.id));

    // One row of each kind the file owns, made by its old union.
    const inc = await oldClerk.put(`/api/v1/households/${id}/incomes/${today.slice(0, 7)}`, {
      householdIncomeFen: 210_000,
      note: '零工收入',
    });
    expect(inc.status, inc.text).toBe(200);
    const up = await oldClerk.upload(
      `/api/v1/households/${id}/attachments?kind=diagnosis`,
      '诊断证明.pdf',
      PDF,
      'application/pdf',
    );
    expect(up.status, up.text).toBe(201);
    attachmentId = up.body.id;
    // A change request still open when the file leaves: the new union reviews it.
    const v1 = await oldClerk.get(`/api/v1/households/${id}/versions/1`);
    const change = await oldClerk.post(`/api/v1/households/${id}/changes`, {
      baseVersion: 1,
      kinds: ['address_phone'],
      reason: '换了手机号',
      proposed: { ...v1.body.content, phone: '13900009999' },
    });
    expect(change.status, change.text).toBe(201);
    const stock = await oldClerk.post('/api/v1/goods/receipts', {
      orgId: from.id,
      donorName: '韶钢集团',
      donorKind: 'enterprise',
      category: 'clothes',
      itemName: '棉被',
      unit: '条',
      quantity: 10,
      valueFen: 80_000,
      receivedOn: today,
      storagePlace: '帮扶中心一楼仓库',
      handler: '李干事',
    });
    expect(stock.status, stock.text).toBe(201);
    const given = await oldClerk.post('/api/v1/goods/handouts', {
      stockId: stock.body.stockId,
      householdId: id,
      quantity: 2,
      handedOn: today,
      signedName: '张建国',
      cadre: '王干部',
    });
    expect(given.status, given.text).toBe(201);
    const c = await oldClerk.post('/api/v1/certificates', {
      householdId: id,
      kind: 'tekun',
      benefits: '凭证减免水费、电费各50%',
    });
    expect(c.status, c.text).toBe(201);
    cert = { id: c.body.id, number: c.body.number };

    const account = await (await env.login('old-admin')).post(`/api/v1/households/${id}/worker-account`, {
      username: 'zhang-worker',
      password: USER_PASSWORD,
    });
    expect(account.status, account.text).toBe(201);
    workerId = account.body.id;

    const approver = await env.login('national-approver');
    const t = await approver.post(`/api/v1/households/${id}/transfer`, {
      toOrgId: to.id,
      reason: '职工随单位迁往长沙',
    });
    expect(t.status, t.text).toBe(200);
  });
  afterAll(() => env.close());

  it('the new union lists the incomes, attachments (download intact), certificates and goods received', async () => {
    const inc = await newClerk.get(`/api/v1/households/${id}/incomes`);
    expect(inc.status, inc.text).toBe(200);
    expect(inc.body.items).toEqual([expect.objectContaining({ householdIncomeFen: 210_000, note: '零工收入' })]);
    const atts = await newClerk.get(`/api/v1/households/${id}/attachments`);
    expect(atts.status, atts.text).toBe(200);
    expect(atts.body.map((a: { filename: string }) => a.filename)).toEqual(['诊断证明.pdf']);
    const got = await download(newClerk, attachmentId);
    expect(got.statusCode).toBe(200);
    expect(createHash('sha256').update(got.rawPayload).digest('hex')).toBe(
      createHash('sha256').update(PDF).digest('hex'),
    );
    const certs = await newClerk.get(`/api/v1/households/${id}/certificates`);
    expect(certs.status, certs.text).toBe(200);
    expect(certs.body.items).toEqual([expect.objectContaining({ id: cert.id, number: cert.number, status: 'active' })]);
    expect((await newClerk.get(`/api/v1/certificates/${cert.id}`)).status).toBe(200);
    expect((await newClerk.get(`/api/v1/certificates/verify/${cert.number}`)).status).toBe(200);
    const goods = await newClerk.get(`/api/v1/households/${id}/goods`);
    expect(goods.status, goods.text).toBe(200);
    expect(goods.body.items).toEqual([expect.objectContaining({ quantity: 2, kind: 'out_household' })]);
  });

  it('the old union gets 404 on the file and on everything that left with it, and cannot revoke the card', async () => {
    for (const url of [
      `/api/v1/households/${id}`,
      `/api/v1/households/${id}/incomes`,
      `/api/v1/households/${id}/attachments`,
      `/api/v1/households/${id}/certificates`,
      `/api/v1/households/${id}/goods`,
      `/api/v1/certificates/${cert.id}`,
      `/api/v1/certificates/verify/${cert.number}`,
    ])
      expect((await oldClerk.get(url)).status, url).toBe(404);
    expect((await download(oldClerk, attachmentId)).statusCode).toBe(404);
    const revoke = await oldClerk.post(`/api/v1/certificates/${cert.id}/revoke`, { reason: '档案已转出' });
    expect(revoke.status).toBe(404);
    const list = await oldClerk.get(`/api/v1/certificates?orgId=${from.id}`);
    expect(list.status, list.text).toBe(200);
    expect(list.body.total).toBe(0);
  });

  it('the worker’s self-service account follows the file: the new union manages it, the old one cannot', async () => {
    expect((await (await env.login('old-admin')).get(`/api/v1/users/${workerId}`)).status).toBe(404);
    expect((await (await env.login('new-admin')).get(`/api/v1/users/${workerId}`)).status).toBe(200);
    const row = await env.ctx.db
      .selectFrom('app_user')
      .select(['org_id', 'org_path', 'province_code', 'household_id'])
      .where('id', '=', workerId)
      .executeTakeFirstOrThrow();
    expect({ ...row, org_id: Number(row.org_id), household_id: Number(row.household_id) }).toEqual({
      org_id: to.id,
      org_path: to.path,
      province_code: '43',
      household_id: id,
    });
  });

  it('issuing a kind the file already holds is a clear duplicate naming the holder’s number', async () => {
    const again = await newClerk.post('/api/v1/certificates', {
      householdId: id,
      kind: 'tekun',
      benefits: '凭证减免水费、电费各50%',
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'CERTIFICATE_DUPLICATE', details: { number: cert.number } });
  });

  it('every row of the file sits under the new union, in its province; the audit trail stays where it was written', async () => {
    const db = env.ctx.db;
    for (const table of [
      'household',
      'household_member',
      'household_version',
      'household_event',
      'household_change',
      'household_income_month',
      'household_attachment',
      'certificate',
    ] as const) {
      const rows = await db
        .selectFrom(table)
        .select(['org_id', 'org_path', 'province_code'])
        .where(table === 'household' ? 'id' : 'household_id', '=', id)
        .execute();
      expect(rows.length, table).toBeGreaterThan(0);
      for (const r of rows)
        expect({ table, path: r.org_path, province: r.province_code, org: Number(r.org_id) }).toEqual({
          table,
          path: to.path,
          province: '43',
          org: to.id,
        });
    }
    // Goods movements are append-only: only their placement moves (org_id keeps the node at hand-out time).
    const moved = await db
      .selectFrom('goods_movement')
      .select(['org_path', 'province_code'])
      .where('household_id', '=', id)
      .execute();
    expect(moved).toEqual([{ org_path: to.path, province_code: '43' }]);
    const issued = await db
      .selectFrom('audit_log')
      .select(['org_path', 'chain'])
      .where('action', '=', 'certificate.issue')
      .executeTakeFirstOrThrow();
    expect(issued.org_path).not.toBe(to.path);
  });

  it('what is recorded while the transfer runs lands where the file is (the file lock orders them)', async () => {
    const other = await fileHousehold(env, household(from.id, { name: '孙六', idNumber: generatedId(5), members: [] }));
    const approver = await env.login('national-approver');
    const clerk = await env.login('national-clerk');
    const month = (k: number) => `${Number(today.slice(0, 4)) - 1}-${String(k).padStart(2, '0')}`;
    const results = await race(6, (i) => {
      if (i === 0) return approver.post(`/api/v1/households/${other}/transfer`, { toOrgId: to.id, reason: '调动' });
      if (i === 1)
        return clerk.post('/api/v1/certificates', { householdId: other, kind: 'tekun', benefits: '水电费减免' });
      if (i === 2) return clerk.post('/api/v1/certificates', { householdId: other, kind: 'youdai', benefits: '优待' });
      return clerk.put(`/api/v1/households/${other}/incomes/${month(i)}`, { householdIncomeFen: 150_000 });
    });
    expect(results.map((r) => r.status)).toEqual([200, 201, 201, 200, 200, 200]);
    for (const table of ['certificate', 'household_income_month'] as const) {
      const rows = await env.ctx.db.selectFrom(table).select('org_path').where('household_id', '=', other).execute();
      expect(rows.map((r) => r.org_path)).toEqual(rows.map(() => to.path));
    }
  });
});
