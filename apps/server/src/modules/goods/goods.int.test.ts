import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv } from '../../test-support/env.js';
import { fileHousehold, generatedId, household } from '../../test-support/households.js';
import { addDays } from './goods.rules.js';

/**
 * Donated goods: stock never goes negative (service and database), hand-outs only to archived households and
 * signed in person or by a listed family member (不得代领), transfers down the tree, an append-only ledger.
 */
describe.each(testDialects)('donated goods on %s', (dialect) => {
  let env: TestEnv;
  let county: { id: number };
  let street: { id: number };
  let countyClerk: Client & { cookie?: string };
  let streetClerk: Client;
  let siblingClerk: Client;
  let auditor: Client;
  let hh: number;
  let countyFile: number;
  let draft: number;
  let siblingFile: number;
  let countyStock: number;
  let streetStock: number;
  let today: string;

  const receipt = (over: Record<string, unknown> = {}) => ({
    orgId: county.id,
    donorName: '韶钢集团',
    donorKind: 'enterprise',
    category: 'clothes',
    itemName: '棉被',
    unit: '条',
    quantity: 100,
    valueFen: 800_000,
    receivedOn: today,
    storagePlace: '帮扶中心一楼仓库',
    handler: '李干事',
    ...over,
  });
  const handout = (over: Record<string, unknown> = {}) => ({
    stockId: streetStock,
    householdId: hh,
    quantity: 2,
    handedOn: today,
    signedName: '张建国',
    cadre: '王干部',
    ...over,
  });

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    today = env.ctx.clock.today();
    const c = await env.countyWithStreet();
    county = c.county;
    street = c.street;
    const sibling = await env.org(c.province.id, '浈江区总工会', 'county', '440204');
    await env.user('county-clerk', county.id, ['intake_clerk']);
    await env.user('street-clerk', street.id, ['intake_clerk']);
    await env.user('sib-clerk', sibling.id, ['intake_clerk']);
    await env.user('auditor', county.id, ['auditor']);
    countyClerk = await env.login('county-clerk');
    streetClerk = await env.login('street-clerk');
    siblingClerk = await env.login('sib-clerk');
    auditor = await env.login('auditor');
    hh = await fileHousehold(env, household(street.id));
    countyFile = await fileHousehold(
      env,
      household(county.id, { name: '赵四', idNumber: generatedId(7), members: [] }),
    );
    siblingFile = await fileHousehold(
      env,
      household(sibling.id, { name: '钱五', idNumber: generatedId(8), members: [] }),
    );
    const d = await streetClerk.post(
      '/api/v1/households',
      household(street.id, { idNumber: generatedId(9), members: [] }),
    );
    expect(d.status, d.text).toBe(201);
    draft = d.body.id;
  });
  afterAll(() => env.close());

  it('registers goods received (物资登记) into the node’s stock; refuses a date in the future', async () => {
    const r = await countyClerk.post('/api/v1/goods/receipts', receipt());
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({ balance: 100 });
    countyStock = r.body.stockId;
    const again = await countyClerk.post('/api/v1/goods/receipts', receipt({ quantity: 20, donorKind: 'person' }));
    expect(again.body).toMatchObject({ stockId: countyStock, balance: 120 });
    const future = await countyClerk.post('/api/v1/goods/receipts', receipt({ receivedOn: addDays(today, 1) }));
    expect(future.status).toBe(400);
    expect(future.body.error.code).toBe('GOODS_DATE_IN_FUTURE');
    const bad = await countyClerk.post('/api/v1/goods/receipts', receipt({ quantity: 1.5 }));
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect((await auditor.post('/api/v1/goods/receipts', receipt())).status).toBe(403);
  });

  it('transfers stock down the tree, never up or sideways; subtree totals add up', async () => {
    const t = await countyClerk.post('/api/v1/goods/transfers', {
      stockId: countyStock,
      toOrgId: street.id,
      quantity: 40,
      movedOn: today,
      handler: '李干事',
    });
    expect(t.status, t.text).toBe(201);
    expect(t.body.balance).toBe(80);
    streetStock = t.body.toStockId;
    const s = await streetClerk.get(`/api/v1/goods/stock?orgId=${street.id}`);
    expect(s.body.items).toEqual([
      expect.objectContaining({
        stockId: streetStock,
        itemName: '棉被',
        unit: '条',
        category: 'clothes',
        quantity: 40,
      }),
    ]);
    const c = await auditor.get(`/api/v1/goods/stock?orgId=${county.id}`);
    expect(c.body.items[0].quantity).toBe(80);
    expect(c.body.subtreeTotals).toEqual([expect.objectContaining({ itemName: '棉被', quantity: 120, nodes: 2 })]);
    const up = await streetClerk.post('/api/v1/goods/transfers', {
      stockId: streetStock,
      toOrgId: county.id,
      quantity: 1,
      movedOn: today,
      handler: 'x',
    });
    expect(up.status).toBe(404); // the county is above the street clerk: not in scope
    const self = await countyClerk.post('/api/v1/goods/transfers', {
      stockId: streetStock,
      toOrgId: county.id,
      quantity: 1,
      movedOn: today,
      handler: 'x',
    });
    expect(self.body.error.code).toBe('GOODS_TRANSFER_NOT_DOWNWARD');
  });

  it('hands out to the worker in person or a listed family member, never by proxy (不得代领)', async () => {
    const before = await env.ctx.db
      .selectFrom('household')
      .select('last_assisted_at')
      .where('id', '=', hh)
      .executeTakeFirstOrThrow();
    expect(before.last_assisted_at).toBeNull();
    const self = await streetClerk.post('/api/v1/goods/handouts', handout());
    expect(self.status, self.text).toBe(201);
    expect(self.body).toMatchObject({ balance: 38, signerRelation: 'self' });
    const spouse = await streetClerk.post('/api/v1/goods/handouts', handout({ signedName: '李 秀兰', quantity: 1 }));
    expect(spouse.body).toMatchObject({ balance: 37, signerRelation: 'spouse' });
    const proxy = await streetClerk.post('/api/v1/goods/handouts', handout({ signedName: '王代领' }));
    expect(proxy.status).toBe(409);
    expect(proxy.body.error).toMatchObject({ code: 'GOODS_PROXY_REFUSED' });
    expect(proxy.body.error.message).toContain('张建国');
    const after = await env.ctx.db
      .selectFrom('household')
      .select('last_assisted_at')
      .where('id', '=', hh)
      .executeTakeFirstOrThrow();
    expect(after.last_assisted_at).not.toBeNull();
    const queue = await streetClerk.get('/api/v1/households/queues/never_assisted');
    expect(queue.body.items.map((f: { id: number }) => f.id)).not.toContain(hh);
  });

  it('refuses files outside the archive, outside the giving node, a foreign photo, and out-of-scope records (404)', async () => {
    const d = await streetClerk.post('/api/v1/goods/handouts', handout({ householdId: draft }));
    expect(d.body.error.code).toBe('GOODS_HOUSEHOLD_NOT_ELIGIBLE');
    const above = await countyClerk.post(
      '/api/v1/goods/handouts',
      handout({ householdId: countyFile, signedName: '赵四' }),
    );
    expect(above.body.error.code).toBe('GOODS_HOUSEHOLD_OUTSIDE_NODE');
    const photo = await streetClerk.post('/api/v1/goods/handouts', handout({ photoAttachmentId: 99_999 }));
    expect(photo.body.error.code).toBe('ATTACHMENT_NOT_FOUND');
    const foreignFile = await countyClerk.post(
      '/api/v1/goods/handouts',
      handout({ householdId: siblingFile, signedName: '钱五' }),
    );
    expect(foreignFile.status).toBe(404);
    const foreignStock = await siblingClerk.post(
      '/api/v1/goods/handouts',
      handout({ householdId: siblingFile, signedName: '钱五' }),
    );
    expect(foreignStock.status).toBe(404);
    expect(foreignStock.body.error.code).toBe('GOODS_STOCK_NOT_FOUND');
    expect((await siblingClerk.get(`/api/v1/goods/stock?orgId=${county.id}`)).status).toBe(404);
    expect((await siblingClerk.get(`/api/v1/households/${hh}/goods`)).status).toBe(404);
    expect((await siblingClerk.get(`/api/v1/goods/movements?orgId=${county.id}`)).status).toBe(404);
    const stock = await streetClerk.get(`/api/v1/goods/stock?orgId=${street.id}`);
    expect(stock.body.items[0].quantity).toBe(37); // nothing moved
  });

  it('never lets the stock go negative: a clear error, and concurrent hand-outs cannot overdraw', async () => {
    const over = await streetClerk.post('/api/v1/goods/handouts', handout({ quantity: 38 }));
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe('GOODS_STOCK_INSUFFICIENT');
    expect(over.body.error.message).toBe('西河镇总工会的“棉被”库存不足：现有37条，需要38条');
    const tries = await Promise.all(
      Array.from({ length: 6 }, () => streetClerk.post('/api/v1/goods/handouts', handout({ quantity: 7 }))),
    );
    expect(tries.filter((r) => r.status === 201)).toHaveLength(5);
    expect(tries.filter((r) => r.status === 409).map((r) => r.body.error.code)).toEqual(['GOODS_STOCK_INSUFFICIENT']);
    const stock = await streetClerk.get(`/api/v1/goods/stock?orgId=${street.id}&includeEmpty=true`);
    expect(stock.body.items[0].quantity).toBe(2);
    const w = await streetClerk.post('/api/v1/goods/write-offs', {
      stockId: streetStock,
      quantity: 2,
      movedOn: today,
      reason: '受潮霉变',
      handler: '李干事',
    });
    expect(w.status, w.text).toBe(201);
    expect(w.body.balance).toBe(0);
    const none = await streetClerk.get(`/api/v1/goods/stock?orgId=${street.id}`);
    expect(none.body.items).toEqual([]);
  });

  it('the database refuses a negative stock and any change to the movements', async () => {
    await expect(sql`update goods_stock set quantity = -1`.execute(env.ctx.db)).rejects.toThrow();
    await expect(sql`update goods_movement set quantity = quantity + 1`.execute(env.ctx.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from goods_movement`.execute(env.ctx.db)).rejects.toThrow(/append-only/);
  });

  it('lists movements with filters and a household’s goods; the street sees what its households received', async () => {
    const all = await auditor.get(`/api/v1/goods/movements?orgId=${county.id}&limit=500`);
    const kinds = all.body.items.map((m: { kind: string }) => m.kind);
    expect(kinds.filter((k: string) => k === 'in')).toHaveLength(2);
    expect(kinds.filter((k: string) => k === 'out_household')).toHaveLength(7);
    expect(kinds).toEqual(expect.arrayContaining(['transfer_out', 'transfer_in', 'write_off']));
    const byHousehold = await streetClerk.get(`/api/v1/goods/movements?orgId=${street.id}&householdId=${hh}`);
    expect(byHousehold.body.total).toBe(7);
    expect(byHousehold.body.items[0]).toMatchObject({ household: { id: hh, name: '张建国' }, cadre: '王干部' });
    const writeOffs = await streetClerk.get(`/api/v1/goods/movements?orgId=${street.id}&kind=write_off`);
    expect(writeOffs.body.items).toEqual([expect.objectContaining({ reason: '受潮霉变', balanceAfter: 0 })]);
    const past = await auditor.get(`/api/v1/goods/movements?orgId=${county.id}&to=${addDays(today, -1)}`);
    expect(past.body.total).toBe(0);
    const item = await auditor.get(`/api/v1/goods/movements?orgId=${county.id}&item=${encodeURIComponent('大米')}`);
    expect(item.body.total).toBe(0);
    const mine = await streetClerk.get(`/api/v1/households/${hh}/goods`);
    expect(mine.status, mine.text).toBe(200);
    expect(mine.body.totals).toEqual([{ itemName: '棉被', unit: '条', quantity: 38 }]);
    expect(mine.body.items.find((m: { signerRelation: string }) => m.signerRelation === 'spouse')).toMatchObject({
      signedName: '李秀兰',
      signerRelationLabel: '配偶',
    });
  });

  it('exports the 物资发放签领表 with masked IDs and the signer of every row (audited)', async () => {
    const res = await env.app.inject({
      method: 'GET',
      url: `/api/v1/goods/handout-sheet.xlsx?orgId=${street.id}&from=${today}`,
      headers: { cookie: countyClerk.cookie ?? '' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('物资发放签领表');
    expect(ws?.getRow(3).values).toEqual([
      undefined,
      '序号',
      '姓名',
      '身份证号',
      '物品',
      '数量',
      '单位',
      '签领人',
      '本人签字',
      '日期',
      '经办干部',
      '干部签字',
    ]);
    expect(ws?.rowCount).toBe(3 + 7);
    expect(ws?.getRow(4).values).toEqual([
      undefined,
      1,
      '张建国',
      expect.stringMatching(/^\*{14}\d{3}[\dX]$/),
      '棉被',
      2,
      '条',
      '张建国',
      '',
      today,
      '王干部',
      '',
    ]);
    expect(ws?.getRow(5).getCell(7).value).toBe('李秀兰（配偶）');
    const logged = await env.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'goods.handout_sheet')
      .execute();
    expect(logged).toHaveLength(1);
  });
});
