import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv } from '../../test-support/env.js';
import { fileHousehold, generatedId, household, IDS } from '../../test-support/households.js';
import { exitFile } from './archive.manage.js';

/**
 * The clash list for staff (一人一档 over existing data, `GET /households/clashes`): a person held by two active
 * files shows to whoever sees one of them; of a file outside their scope only the holding union is named.
 */
describe.each(testDialects)('the clash list (一人一档) on %s', (dialect) => {
  let env: TestEnv;
  let city: { id: number };
  let streetA: { id: number };
  let streetB: { id: number };
  let clerkA: Client;
  let clerkB: Client;
  let cityAuditor: Client;
  let idle: Client;
  let fileA: number;
  let draftB: number;
  const WANG = generatedId(501);
  const fileNo = async (id: number) =>
    (await env.ctx.db.selectFrom('household').select('file_no').where('id', '=', id).executeTakeFirstOrThrow()).file_no;

  /** Plant a member into a file, as legacy data did before the refusal existed (the database cannot refuse it). */
  async function plant(householdId: number, seq: number, name: string, idNumber: string) {
    const file = await env.ctx.db
      .selectFrom('household')
      .select(['org_id', 'org_path', 'province_code'])
      .where('id', '=', householdId)
      .executeTakeFirstOrThrow();
    await env.ctx.db
      .insertInto('household_member')
      .values({
        household_id: householdId,
        org_id: file.org_id,
        org_path: file.org_path,
        province_code: file.province_code,
        seq,
        name,
        relation: 'other',
        sex: null,
        birth_year: null,
        id_enc: env.ctx.crypto.encrypt(idNumber),
        id_bidx: env.ctx.crypto.blindIndex(idNumber, 'id'),
        id_mask: `**************${idNumber.slice(-4)}`,
        health_enc: null,
        disability: null,
        schooling: null,
        marital_status: null,
        monthly_income_fen: 0,
        details_json: '{}',
      })
      .execute();
  }

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    const root = await env.root();
    const prov = await env.org(root.id, '广东省总工会', 'province', '440000');
    city = await env.org(prov.id, '韶关市总工会', 'city', '440200');
    const countyA = await env.org(city.id, '武江区总工会', 'county', '440203');
    const countyB = await env.org(city.id, '浈江区总工会', 'county', '440204');
    streetA = await env.org(countyA.id, '西河镇总工会', 'street');
    streetB = await env.org(countyB.id, '东河街道总工会', 'street');
    const streetA2 = await env.org(countyA.id, '龙归镇总工会', 'street');
    await env.user('clerk-a', streetA.id, ['intake_clerk']);
    await env.user('clerk-b', streetB.id, ['intake_clerk']);
    await env.user('city-auditor', city.id, ['auditor']);
    await env.user('clerk-a2', streetA2.id, ['intake_clerk']);
    clerkA = await env.login('clerk-a');
    clerkB = await env.login('clerk-b');
    cityAuditor = await env.login('city-auditor');
    idle = await env.login('clerk-a2');
    // 张建国's household is 在档 at 西河镇 with his wife 李秀兰; 王五 has a draft at 东河街道.
    fileA = await fileHousehold(env, household(streetA.id));
    const b = await clerkB.post(
      '/api/v1/households',
      household(streetB.id, { name: '王五', idNumber: WANG, members: [] }),
    );
    expect(b.status, b.text).toBe(201);
    draftB = b.body.id;
    // Legacy data: 李秀兰 also a member of 王五's draft; 王五 (written 王武 there) a member of 张建国's file.
    await plant(draftB, 1, '李秀兰', IDS.spouse);
    await plant(fileA, 3, '王武', WANG);
  });
  afterAll(() => env.close());

  it('a clerk sees the clashes touching their files; the other file names only its union', async () => {
    const r = await clerkA.get('/api/v1/households/clashes');
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ total: 2, limit: 50, offset: 0 });
    const a = await fileNo(fileA);
    const inA = { inScope: true, householdId: fileA, fileNo: a, householdName: '张建国', org: '西河镇总工会' };
    expect(r.body.items).toEqual(
      expect.arrayContaining([
        {
          name: '李秀兰',
          idMasked: expect.stringMatching(/\*0015$/),
          files: [
            { ...inA, status: 'filed', as: 'member' },
            { inScope: false, org: '东河街道总工会' },
          ],
        },
        {
          name: '王武',
          idMasked: expect.stringMatching(new RegExp(`\\*${WANG.slice(-4)}$`)),
          files: [
            { ...inA, status: 'filed', as: 'member' },
            { inScope: false, org: '东河街道总工会' },
          ],
        },
      ]),
    );
    // Nothing of the other file: not its number, its worker's name, its status, nor anyone's whole ID.
    for (const secret of [await fileNo(draftB), '王五', 'draft', IDS.spouse, WANG])
      expect(r.text).not.toContain(secret);
  });

  it('the other side sees the same persons from its file', async () => {
    const r = await clerkB.get('/api/v1/households/clashes');
    expect(r.body.total).toBe(2);
    const wang = r.body.items.find((c: { name: string }) => c.name === '王五');
    expect(wang.files).toEqual([
      {
        inScope: true,
        householdId: draftB,
        fileNo: await fileNo(draftB),
        householdName: '王五',
        org: '东河街道总工会',
        status: 'draft',
        as: 'worker',
      },
      { inScope: false, org: '西河镇总工会' },
    ]);
    expect(r.text).not.toContain('张建国');
    expect(r.text).not.toContain(await fileNo(fileA));
  });

  it('the city sees both files of each clash; a street without files sees none', async () => {
    const r = await cityAuditor.get('/api/v1/households/clashes');
    expect(r.body.total).toBe(2);
    for (const c of r.body.items) {
      expect(c.files.map((f: { inScope: boolean; householdId: number }) => [f.inScope, f.householdId]).sort()).toEqual(
        [
          [true, fileA],
          [true, draftB],
        ].sort(),
      );
    }
    expect((await idle.get('/api/v1/households/clashes')).body).toMatchObject({ total: 0, items: [] });
  });

  it('narrows to a node in scope, pages, and answers 404 for a node outside', async () => {
    const narrowed = await cityAuditor.get(`/api/v1/households/clashes?orgId=${streetA.id}&limit=1`);
    expect(narrowed.body).toMatchObject({ total: 2, limit: 1 });
    expect(narrowed.body.items).toHaveLength(1);
    const second = await cityAuditor.get(`/api/v1/households/clashes?orgId=${streetA.id}&limit=1&offset=1`);
    expect(second.body.items[0].name).not.toBe(narrowed.body.items[0].name);
    const outside = await clerkA.get(`/api/v1/households/clashes?orgId=${streetB.id}`);
    expect(outside.status).toBe(404);
    expect((await clerkA.get(`/api/v1/households/clashes?orgId=${city.id}`)).status).toBe(404);
  });

  it('a file that leaves the archive (脱困) no longer clashes', async () => {
    await exitFile(env.ctx, await env.system(), fileA, '连续6个月人均收入高于低保线');
    for (const c of [clerkA, clerkB, cityAuditor]) {
      expect((await c.get('/api/v1/households/clashes')).body).toMatchObject({ total: 0, items: [] });
    }
  });
});
