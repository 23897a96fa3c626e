import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv } from '../../test-support/env.js';

async function upload(env: TestEnv, c: Client & { cookie?: string }, name: string, content: Buffer, query = '') {
  const boundary = '----bangfu';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await env.app.inject({
    method: 'POST',
    url: `/api/v1/orgs/import${query}`,
    headers: { cookie: c.cookie ?? '', 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
  return { status: res.statusCode, body: res.json() };
}

describe.each(testDialects)('organisation tree on %s', (dialect) => {
  let env: TestEnv;
  let admin: Awaited<ReturnType<TestEnv['loginAdmin']>>;
  let rootId: number;
  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    admin = await env.loginAdmin();
    rootId = (await env.root()).id;
  });
  afterAll(() => env.close());

  it('creates nodes down the tree with paths, depth and the province code', async () => {
    const prov = await admin.post('/api/v1/orgs', {
      parentId: rootId,
      name: '广东省总工会',
      type: 'province',
      divisionCode: '440000',
    });
    expect(prov.status).toBe(201);
    expect(prov.body).toMatchObject({ depth: 1, provinceCode: '44', path: `/${rootId}/${prov.body.id}/` });
    const city = await admin.post('/api/v1/orgs', {
      parentId: prov.body.id,
      name: '韶关市总工会',
      type: 'city',
      divisionCode: '440200',
    });
    expect(city.body).toMatchObject({ depth: 2, provinceCode: '44', parentId: prov.body.id });
    const children = await admin.get(`/api/v1/orgs?parentId=${prov.body.id}`);
    expect(children.body.items.map((o: { name: string }) => o.name)).toEqual(['韶关市总工会']);
    const again = await admin.get(`/api/v1/orgs/${prov.body.id}`);
    expect(again.body.childCount).toBe(1);
  });

  it('refuses a child type that cannot sit under its parent, a duplicate sibling name and a taken code', async () => {
    const county = await env.org(rootId, '某县总工会', 'county');
    const bad = await admin.post('/api/v1/orgs', { parentId: county.id, name: '某市', type: 'city' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('ORG_INVALID_PARENT_TYPE');
    const dupName = await admin.post('/api/v1/orgs', { parentId: rootId, name: '某县总工会', type: 'county' });
    expect(dupName.body.error.code).toBe('ORG_DUPLICATE_NAME');
    const dupCode = await admin.post('/api/v1/orgs', {
      parentId: rootId,
      name: '另一省',
      type: 'province',
      divisionCode: '440000',
    });
    expect(dupCode.status).toBe(409);
    expect(dupCode.body.error).toMatchObject({
      code: 'ORG_DUPLICATE_CODE',
      message: expect.stringContaining('行政区划代码'),
    });
  });

  it('renames with a new pinyin sort key and audits before and after', async () => {
    const n = await env.org(rootId, '旧名称县', 'county');
    const res = await admin.patch(`/api/v1/orgs/${n.id}`, { name: '新名称县' });
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('新名称县');
    const audit = await admin.get(`/api/v1/audit?entityType=org&entityId=${n.id}&action=org.update`);
    expect(audit.body.items[0]).toMatchObject({ before: { name: '旧名称县' }, after: { name: '新名称县' } });
  });

  it('moves a subtree: every descendant path and depth, and its users, follow', async () => {
    const cityA = await env.org(rootId, '甲市', 'city');
    const cityB = await env.org(rootId, '乙市', 'city');
    const county = await env.org(cityA.id, '丙县', 'county');
    const street = await env.org(county.id, '丁街道', 'street');
    const ent = await env.org(street.id, '戊企业工会', 'enterprise');
    const clerk = await env.user('move-clerk', ent.id, ['intake_clerk']);
    const res = await admin.post(`/api/v1/orgs/${county.id}/move`, { newParentId: cityB.id });
    expect(res.status).toBe(200);
    expect(res.body.path).toBe(`${cityB.path}${county.id}/`);
    const e = await admin.get(`/api/v1/orgs/${ent.id}`);
    expect(e.body).toMatchObject({ path: `${cityB.path}${county.id}/${street.id}/${ent.id}/`, depth: 4 });
    const underA = await admin.get(`/api/v1/orgs?parentId=${cityA.id}`);
    expect(underA.body.total).toBe(0);
    // The clerk's scope moved with the node: they still see their enterprise.
    const c = await env.login(clerk.username);
    const mine = await c.get('/api/v1/orgs/root');
    expect(mine.body.path).toBe(e.body.path);
    const intoSelf = await admin.post(`/api/v1/orgs/${county.id}/move`, { newParentId: street.id });
    expect(intoSelf.body.error.code).toBe('ORG_MOVE_INTO_SELF');
  });

  it('deactivates a subtree only when no active user remains in it', async () => {
    const county = await env.org(rootId, '停用县', 'county');
    const street = await env.org(county.id, '停用街道', 'street');
    const u = await env.user('deact-user', street.id, ['reviewer']);
    const refused = await admin.post(`/api/v1/orgs/${county.id}/deactivate`);
    expect(refused.body.error.code).toBe('ORG_HAS_ACTIVE_USERS');
    await admin.patch(`/api/v1/users/${u.id}`, { status: 'disabled' });
    const ok = await admin.post(`/api/v1/orgs/${county.id}/deactivate`);
    expect(ok.body.status).toBe('inactive');
    const s = await admin.get(`/api/v1/orgs/${street.id}`);
    expect(s.body.status).toBe('inactive');
    const under = await admin.post('/api/v1/orgs', { parentId: street.id, name: 'x', type: 'enterprise' });
    expect(under.body.error.code).toBe('ORG_INACTIVE');
  });

  it('imports a CSV tree all-or-nothing, reporting each bad row in Chinese', async () => {
    const bad = Buffer.from(
      '单位名称,类型,行政区划代码,上级单位\n导入市总工会,市,,\n导入县总工会,县区,,导入市总工会\n,县区,,\n坏县,火星,,\n孤儿街道,街道,,不存在的单位\n',
    );
    const r1 = await upload(env, admin, 'tree.csv', bad);
    expect(r1.status).toBe(400);
    expect(r1.body.error.code).toBe('ORG_IMPORT_INVALID');
    expect(r1.body.error.details.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [4, '单位名称'],
      [5, '类型'],
      [6, '上级单位'],
    ]);
    expect((await admin.get('/api/v1/orgs?q=导入市')).body.total).toBe(0);
    const good = Buffer.from(
      '\ufeff单位名称,类型,行政区划代码,上级单位\r\n导入市总工会,市,,\r\n导入县总工会,县区,,导入市总工会\r\n"导入街道,一",乡镇街道,,导入县总工会\r\n',
    );
    const r2 = await upload(env, admin, 'tree.csv', good);
    expect(r2.body).toEqual({ created: 3, errors: [] });
    const street = await admin.get('/api/v1/orgs?q=导入街道');
    expect(street.body.items[0]).toMatchObject({ name: '导入街道,一', depth: 3, type: 'street' });
  });

  it('imports .xlsx and exports the subtree as CSV', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('组织');
    ws.addRow(['单位名称', '类型', '行政区划代码', '上级单位']);
    ws.addRow(['表格省总工会', '省', '450000', '']);
    ws.addRow(['表格市总工会', '市', '450100', '450000']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await upload(env, admin, 'tree.xlsx', buf);
    expect(r.body.created).toBe(2);
    const city = await admin.get('/api/v1/orgs?q=450100');
    expect(city.body.items[0]).toMatchObject({ name: '表格市总工会', provinceCode: '45' });
    const csv = await admin.get('/api/v1/orgs/export.csv');
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('表格市总工会,市级工会,450100,450000');
  });

  it('refuses an unreadable import file with a clear error', async () => {
    const r = await upload(env, admin, 'x.pdf', Buffer.from([0, 1, 2, 3, 0]));
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('ORG_IMPORT_FORMAT');
  });
});
