import { checkChar } from '@bangfu/policy';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv } from '../../test-support/env.js';
import { archiveWorkbook, fileHousehold, generatedId, household } from '../../test-support/households.js';

const upload = (_env: TestEnv, c: Client, orgId: number, buf: Buffer, name = 'archive.xlsx') =>
  c.upload(`/api/v1/households/imports?orgId=${orgId}`, name, buf);

async function until(c: Client, id: number, status: string) {
  for (let i = 0; i < 200; i++) {
    const b = (await c.get(`/api/v1/households/imports/${id}`)).body;
    if (b.status === status || b.status === 'failed') return b;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not finish');
}

const row = (n: number, over: Record<string, string> = {}) => ({
  姓名: `导入职工${n}`,
  身份证号: generatedId(n),
  婚姻状况: '已婚',
  工作状态: '下岗',
  主要致困原因: '下岗失业',
  次要致困原因: '重特大疾病、子女上学',
  '工资性收入（元/年）': '12,000.50',
  '医疗刚性支出（元/年）': '3000',
  低保情况: '低保边缘户',
  ...over,
});

describe.each(testDialects)('archive Excel import and export on %s', (dialect) => {
  let env: TestEnv;
  let street: { id: number };
  let clerk: Client & { cookie?: string };
  let approver: Client & { cookie?: string };

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    const tree = await env.countyWithStreet();
    const county = tree.county;
    street = tree.street;
    await env.user('clerk', street.id, ['intake_clerk']);
    await env.user('approver', county.id, ['approver', 'reviewer']);
    clerk = await env.login('clerk');
    approver = await env.login('approver');
  });
  afterAll(() => env.close());

  it('gives an empty template that, filled in, imports as it is', async () => {
    const t = await env.app.inject({
      method: 'GET',
      url: '/api/v1/households/import-template.xlsx',
      headers: { cookie: clerk.cookie ?? '' },
    });
    expect(t.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(t.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['困难职工档案', '家庭成员', '填写说明']);
    const sheet = wb.getWorksheet('困难职工档案') as ExcelJS.Worksheet;
    const headers = (sheet.getRow(1).values as string[]).slice(1);
    expect(headers).toContain('姓名*');
    const help = wb.getWorksheet('填写说明') as ExcelJS.Worksheet;
    expect(JSON.stringify(help.getColumn(2).values)).toContain('下岗失业');
    const filled = row(900);
    sheet.addRow(headers.map((h) => (filled as Record<string, string>)[h.replace(/\*$/, '')] ?? ''));
    const up = await upload(env, clerk, street.id, Buffer.from(await wb.xlsx.writeBuffer()), 'template.xlsx');
    expect(up.status, JSON.stringify(up.body)).toBe(202);
    const b = await until(clerk, up.body.id, 'ready');
    expect(b).toMatchObject({ total: 1, valid: 1, invalid: 0 });
  });

  it('reports exactly the 3 bad rows of a 50-row file, in Chinese, and commits the 47 good ones', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => row(i + 1));
    rows[9] = row(10, { 身份证号: '440203199001011234' });
    rows[19] = row(20, { 婚姻状况: '离婚了' });
    rows[29] = row(30, { '工资性收入（元/年）': '一万二' });
    const members = [{ 户主身份证号: generatedId(1), 姓名: '配偶甲', 与户主关系: '配偶', 身份证号: generatedId(101) }];
    const up = await upload(env, clerk, street.id, await archiveWorkbook(rows, members));
    expect(up.status).toBe(202);
    const b = await until(clerk, up.body.id, 'ready');
    expect(b).toMatchObject({ total: 50, processed: 50, valid: 47, invalid: 3, suspected: 0 });
    const bad = await clerk.get(`/api/v1/households/imports/${up.body.id}/rows?status=invalid`);
    expect(
      bad.body.items.map((r: { row: number; problems: { column: string }[] }) => [r.row, r.problems[0]?.column]),
    ).toEqual([
      [11, '身份证号'],
      [21, '婚姻状况'],
      [31, '工资性收入（元/年）'],
    ]);
    expect(bad.body.items[0].problems[0].problem).toMatch(/校验位/);
    const commit = await clerk.post(`/api/v1/households/imports/${up.body.id}/commit`, { asFiled: false });
    expect(commit.status).toBe(202);
    expect(await until(clerk, up.body.id, 'committed')).toMatchObject({ committed: 47 });
    const list = await clerk.get('/api/v1/households?limit=100');
    expect(list.body.total).toBe(47);
    const one = await clerk.get(`/api/v1/households?idNumber=${generatedId(1)}`);
    const f = await clerk.get(`/api/v1/households/${one.body.items[0].id}`);
    expect(f.body).toMatchObject({ householdSize: 2, status: 'draft', annualIncomeFen: 900050 });
    expect(f.body.members[0].name).toBe('配偶甲');
  });

  it('refuses people already filed and flags suspected duplicates for a person to decide', async () => {
    await fileHousehold(env, household(street.id, { name: '王小二', idNumber: generatedId(200), members: [] }));
    const body = `${generatedId(1).slice(0, 14)}999`;
    const rows = [
      row(201, { 姓名: '王小二', 身份证号: generatedId(200) }),
      // Same name and birth date as an existing file but another ID: maybe a mistyped ID.
      row(202, { 姓名: '导入职工1', 身份证号: body + checkChar(body) }),
      row(203),
    ];
    const up = await upload(env, clerk, street.id, await archiveWorkbook(rows));
    const b = await until(clerk, up.body.id, 'ready');
    expect(b).toMatchObject({ valid: 1, invalid: 1, suspected: 1 });
    const rowsRes = await clerk.get(`/api/v1/households/imports/${up.body.id}/rows`);
    const [held, suspected] = rowsRes.body.items;
    expect(held).toMatchObject({ row: 2, status: 'invalid' });
    expect(held.problems[0].problem).toBe('此人已在“西河镇总工会”建档');
    expect(suspected).toMatchObject({ row: 3, status: 'suspected' });
    expect(suspected.problems[0].problem).toMatch(/疑似重复/);
    const d = await clerk.post(`/api/v1/households/imports/${up.body.id}/rows/${suspected.id}/decision`, {
      decision: 'accept',
    });
    expect(d.body.status).toBe('accepted');
    await clerk.post(`/api/v1/households/imports/${up.body.id}/commit`, { asFiled: false });
    expect(await until(clerk, up.body.id, 'committed')).toMatchObject({ committed: 2 });
  });

  it('exports the filtered list in the import layout, masked unless revealed', async () => {
    const res = await env.app.inject({
      method: 'GET',
      url: '/api/v1/households/export.xlsx?status=draft',
      headers: { cookie: clerk.cookie ?? '' },
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('困难职工档案');
    expect(ws?.getRow(1).getCell(6).value).toBe('姓名');
    expect(ws?.rowCount).toBe(1 + 49);
    const ids = ws?.getColumn(7).values.slice(2).map(String) ?? [];
    expect(ids.every((v) => /^\*{14}\d{3}[\dX]$/.test(v))).toBe(true);
    // A reviewer holds personal.reveal: full IDs, audited. An approver alone does not.
    const revealed = await env.app.inject({
      method: 'GET',
      url: '/api/v1/households/export.xlsx?status=draft&reveal=true',
      headers: { cookie: approver.cookie ?? '' },
    });
    expect(revealed.headers['cache-control']).toBe('no-store');
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(revealed.rawPayload as unknown as ArrayBuffer);
    const full = wb2.getWorksheet('困难职工档案')?.getColumn(7).values.slice(2).map(String);
    expect(full).toContain(generatedId(1));
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select('actor_name')
      .where('action', '=', 'archive.export_reveal')
      .execute();
    expect(audit.map((a) => a.actor_name)).toEqual(['approver']);
    await env.user('only-approver', street.id, ['approver']);
    const onlyApprover = await env.login('only-approver');
    const denied = await onlyApprover.get('/api/v1/households/export.xlsx?reveal=true');
    expect(denied.status).toBe(403);
  });
});
