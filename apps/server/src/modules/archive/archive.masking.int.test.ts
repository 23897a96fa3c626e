import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv } from '../../test-support/env.js';
import { household, IDS } from '../../test-support/households.js';

/** What a role without personal.reveal may see of a 身份证号: the last four characters, nothing else. */
const MASK = /^\*{14}[\dX]{4}$/;
const birthOf = (id: string) => `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
const MEMBER_BIRTH = '2015-03-04';

/**
 * Everything a response may leak of an ID beyond its last four: the region with the birth date (the first 14),
 * the region next to stars (the old mask), the birth date in any common form, a birth month.
 */
function assertNoIdBeyondMask(text: string) {
  for (const id of Object.values(IDS)) {
    const birth = birthOf(id);
    expect(text).not.toContain(id.slice(0, 10));
    expect(text).not.toContain(id.slice(6, 14));
    expect(text).not.toContain(birth);
    expect(text).not.toContain(birth.slice(0, 7));
  }
  expect(text).not.toContain(MEMBER_BIRTH.slice(0, 7));
  expect(text).not.toMatch(/\d{6}\*{5,}/);
}

/** Every idMasked is the short mask and no birthDate finer than the year is present, however deep. */
function assertShape(value: unknown) {
  if (Array.isArray(value)) for (const v of value) assertShape(v);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (k === 'idMasked' && v !== null) expect(v).toMatch(MASK);
      if (k === 'birthDate') expect(v).toBeNull();
      if (k === 'birthYear' && v !== null) expect(Number.isInteger(v)).toBe(true);
      assertShape(v);
    }
}

async function xlsxText(env: TestEnv, c: Client & { cookie?: string }, url: string) {
  const res = await env.app.inject({ method: 'GET', url, headers: { cookie: c.cookie ?? '' } });
  expect(res.statusCode, res.body).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const cells: string[] = [];
  wb.eachSheet((ws) => {
    ws.eachRow((r) => {
      r.eachCell((cell) => {
        cells.push(String(cell.value));
      });
    });
  });
  return { res, wb, text: cells.join('\n') };
}

describe.each(testDialects)('masks that rebuild no ID on %s', (dialect) => {
  let env: TestEnv;
  let streetA: { id: number };
  let streetB: { id: number };
  let clerkA: Client & { cookie?: string };
  let reviewer: Client & { cookie?: string };
  let noReveal: (Client & { cookie?: string })[];
  let first: number;
  let second: number;

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    const root = await env.root();
    const prov = await env.org(root.id, '广东省总工会', 'province', '440000');
    const city = await env.org(prov.id, '韶关市总工会', 'city', '440200');
    const county = await env.org(city.id, '武江区总工会', 'county', '440203');
    streetA = await env.org(county.id, '西河镇总工会', 'street');
    streetB = await env.org(county.id, '新华街道总工会', 'street');
    await env.user('clerk-a', streetA.id, ['intake_clerk']);
    await env.user('clerk-b', streetB.id, ['intake_clerk']);
    await env.user('reviewer', county.id, ['reviewer']);
    await env.user('hotline', county.id, ['hotline_operator']);
    await env.user('approver', county.id, ['approver']);
    clerkA = await env.login('clerk-a');
    const clerkB = await env.login('clerk-b');
    reviewer = await env.login('reviewer');
    noReveal = [await env.login('hotline'), await env.login('approver'), await env.loginAdmin()];
    const a = await clerkA.post(
      '/api/v1/households',
      household(streetA.id, {
        members: [
          ...household(streetA.id).members,
          { name: '张小红', relation: 'child', birthDate: MEMBER_BIRTH, monthlyIncomeFen: 0 },
        ],
      }),
    );
    expect(a.status, a.text).toBe(201);
    first = a.body.id;
    const b = await clerkB.post(
      '/api/v1/households',
      household(streetB.id, { name: '刘二', idNumber: IDS.other, phone: '13900001111', members: [] }),
    );
    expect(b.status, b.text).toBe(201);
    second = b.body.id;
    expect((await clerkB.post(`/api/v1/households/${second}/submit`, {})).status).toBe(200);
  });
  afterAll(() => env.close());

  it('gives a role without personal.reveal nothing beyond the last four and the birth year', async () => {
    for (const c of noReveal) {
      const responses = [
        await c.get('/api/v1/households'),
        await c.get('/api/v1/households?q=张'),
        await c.get('/api/v1/households?idNumber=002X'),
        await c.get(`/api/v1/households?idNumber=${IDS.worker}`),
        await c.get(`/api/v1/households/${first}`),
        await c.get(`/api/v1/households/${second}`),
        await c.get('/api/v1/households/queues/never_assisted'),
      ];
      for (const r of responses) {
        expect(r.status, r.text).toBe(200);
        assertNoIdBeyondMask(r.text);
        assertShape(r.body);
      }
      const list = responses[0]?.body.items as { name: string; idMasked: string; birthYear: number }[];
      expect(list.map((i) => [i.name, i.idMasked, i.birthYear]).sort()).toEqual([
        ['刘二', '**************0055', 1980],
        ['张建国', '**************002X', 1949],
      ]);
      const detail = responses[4]?.body;
      expect(
        detail.members.map((m: { idMasked: string | null; birthYear: number | null }) => [m.idMasked, m.birthYear]),
      ).toEqual([
        ['**************0015', 1980],
        ['**************0027', 2010],
        [null, 2015],
      ]);
      // The last four still find a file; the old prefix (region) no longer does.
      expect(responses[2]?.body.total).toBe(1);
      expect((await c.get('/api/v1/households?idNumber=110105')).body.total).toBe(0);
      // A whole-ID search answers whether a guess is right: audited, without the number.
      const searches = await env.ctx.db
        .selectFrom('audit_log')
        .select(['actor_name', 'after_json'])
        .where('action', '=', 'archive.search_exact')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(searches.after_json ?? '{}')).toEqual({ by: 'idNumber', hits: 1 });
      expect(searches.after_json).not.toContain(IDS.worker.slice(-4));
      const xlsx = await xlsxText(env, c, '/api/v1/households/export.xlsx');
      assertNoIdBeyondMask(xlsx.text);
      expect(xlsx.text).toContain('**************002X');
    }
  });

  it('shows the full birth date only on the audited reveal, with Cache-Control: no-store', async () => {
    const full = await reviewer.get(`/api/v1/households/${first}?reveal=true`);
    expect(full.status).toBe(200);
    expect(full.headers['cache-control']).toBe('no-store');
    expect(full.body).toMatchObject({ idNumber: IDS.worker, birthDate: '1949-12-31', birthYear: 1949 });
    expect(full.body.members.map((m: { birthDate: string | null }) => m.birthDate)).toEqual([
      '1980-01-01',
      '2010-05-05',
      MEMBER_BIRTH,
    ]);
    const version = await reviewer.get(`/api/v1/households/${first}/versions/1`);
    expect(version.status).toBe(200);
    expect(version.headers['cache-control']).toBe('no-store');
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_name', 'entity_id'])
      .where('action', 'in', ['archive.reveal', 'archive.reveal_version'])
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.action, a.actor_name, Number(a.entity_id)])).toEqual([
      ['archive.reveal', 'reviewer', first],
      ['archive.reveal_version', 'reviewer', first],
    ]);
  });

  it('stores no clear column that holds more than the mask and the birth year', async () => {
    const rows = [
      ...(await env.ctx.db.selectFrom('household').selectAll().execute()),
      ...(await env.ctx.db.selectFrom('household_member').selectAll().execute()),
    ];
    expect(rows.length).toBe(5);
    for (const r of rows) {
      expect(Object.keys(r)).not.toContain('birth_date');
      if (r.id_mask !== null) expect(r.id_mask).toMatch(MASK);
      expect(typeof r.birth_year === 'number' || (r.birth_year === null && !('file_no' in r))).toBe(true);
      const clear = Object.entries(r)
        .filter(([k]) => !k.endsWith('_enc') && !k.endsWith('_bidx'))
        .map(([, v]) => String(v))
        .join('\n');
      assertNoIdBeyondMask(clear);
    }
  });

  it('exports exactly the rows the list shows for the same filters, audited with the filters', async () => {
    const admin = noReveal[2] as Client & { cookie?: string };
    const rowsOf = (wb: ExcelJS.Workbook) =>
      (wb.getWorksheet('困难职工档案')?.getColumn(6).values.slice(2) ?? []).map(String);
    const submitted = await xlsxText(env, admin, '/api/v1/households/export.xlsx?status=submitted');
    expect(rowsOf(submitted.wb)).toEqual(['刘二']);
    const inA = await xlsxText(env, admin, `/api/v1/households/export.xlsx?orgId=${streetA.id}`);
    expect(rowsOf(inA.wb)).toEqual(['张建国']);
    const byPhone = await xlsxText(env, admin, '/api/v1/households/export.xlsx?phone=13900001111');
    expect(rowsOf(byPhone.wb)).toEqual(['刘二']);
    const full = await xlsxText(env, reviewer, `/api/v1/households/export.xlsx?orgId=${streetB.id}&reveal=true`);
    expect(full.res.headers['cache-control']).toBe('no-store');
    expect(rowsOf(full.wb)).toEqual(['刘二']);
    expect(full.text).toContain(IDS.other);
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select(['actor_name', 'after_json'])
      .where('action', '=', 'archive.export_reveal')
      .execute();
    expect(audit.map((a) => a.actor_name)).toEqual(['reviewer']);
    expect(JSON.parse(audit[0]?.after_json ?? '{}')).toMatchObject({ rows: 1, filter: { orgId: streetB.id } });
  });
});
