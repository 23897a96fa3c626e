import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv } from '../../test-support/env.js';
import { household, IDS } from '../../test-support/households.js';

describe.each(testDialects)('the household archive on %s', (dialect) => {
  let env: TestEnv;
  let streetA: { id: number };
  let streetB: { id: number };
  let clerkA: Client;
  let clerkB: Client;
  let reviewerA: Client;
  let hotlineA: Client;
  let fileId: number;

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    const root = await env.root();
    const prov = await env.org(root.id, '广东省总工会', 'province', '440000');
    const city = await env.org(prov.id, '韶关市总工会', 'city', '440200');
    const countyA = await env.org(city.id, '武江区总工会', 'county', '440203');
    const countyB = await env.org(city.id, '浈江区总工会', 'county', '440204');
    streetA = await env.org(countyA.id, '西河镇总工会', 'street');
    streetB = await env.org(countyB.id, '东河街道总工会', 'street');
    await env.user('clerk-a', streetA.id, ['intake_clerk']);
    await env.user('clerk-b', streetB.id, ['intake_clerk']);
    await env.user('reviewer-a', countyA.id, ['reviewer']);
    await env.user('hotline-a', countyA.id, ['hotline_operator']);
    clerkA = await env.login('clerk-a');
    clerkB = await env.login('clerk-b');
    reviewerA = await env.login('reviewer-a');
    hotlineA = await env.login('hotline-a');
  });
  afterAll(() => env.close());

  it('files a household of three as a draft with a stable file number', async () => {
    const r = await clerkA.post('/api/v1/households', household(streetA.id));
    expect(r.status, r.text).toBe(201);
    expect(r.body.fileNo).toMatch(/^44-\d{4}-\d{7}$/);
    fileId = r.body.id;
    const f = await clerkA.get(`/api/v1/households/${fileId}`);
    expect(f.body).toMatchObject({
      name: '张建国',
      status: 'draft',
      sex: 'female',
      birthYear: 1949,
      idMasked: '**************002X',
      idNumber: null,
      phoneMasked: '138****5678',
      householdSize: 3,
      mainCause: 'laid_off',
      secondaryCauses: ['major_illness', 'schooling'],
      bank: { masked: true },
    });
    expect(f.body.members.map((m: { name: string; idMasked: string }) => [m.name, m.idMasked])).toEqual([
      ['李秀兰', '**************0015'],
      ['张小明', '**************0027'],
    ]);
  });

  it('keeps personal data encrypted at rest', async () => {
    const raw = await env.ctx.db.selectFrom('household').selectAll().where('id', '=', fileId).executeTakeFirstOrThrow();
    for (const v of [raw.id_enc, raw.phone_enc, raw.bank_enc, raw.health_enc]) expect(v).toMatch(/^e1\./);
    const text = JSON.stringify(raw);
    for (const secret of [IDS.worker, '13812345678', '6222020200112233445']) expect(text).not.toContain(secret);
  });

  it('reveals full personal data only to roles holding personal.reveal, and audits it', async () => {
    const full = await reviewerA.get(`/api/v1/households/${fileId}?reveal=true`);
    expect(full.body).toMatchObject({ idNumber: IDS.worker, phone: '13812345678', health: 'chronic' });
    expect(full.body.bank.cardNumber).toBe('6222020200112233445');
    expect(full.body.members[0].idNumber).toBe(IDS.spouse);
    const denied = await hotlineA.get(`/api/v1/households/${fileId}?reveal=true`);
    expect(denied.status).toBe(403);
    const masked = await hotlineA.get(`/api/v1/households/${fileId}`);
    expect(masked.body.idNumber).toBeNull();
    const admin = await env.loginAdmin();
    const audit = await admin.get(`/api/v1/audit?action=archive.reveal&entityId=${fileId}`);
    expect(audit.body.items[0]).toMatchObject({ actorName: 'reviewer-a' });
  });

  it('refuses an invalid ID number with the reason', async () => {
    const r = await clerkA.post('/api/v1/households', household(streetA.id, { idNumber: '110105194912310021' }));
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('ARCHIVE_INVALID_ID');
    expect(r.body.error.details).toMatchObject({ field: 'idNumber' });
  });

  it('refuses a second filing anywhere in the country, naming only the holding organisation', async () => {
    const r = await clerkB.post('/api/v1/households', household(streetB.id, { name: '另一个名字' }));
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('ARCHIVE_DUPLICATE_PERSON');
    expect(r.body.error.message).toContain('西河镇总工会');
    expect(r.text).not.toContain('张建国');
    expect(r.text).not.toMatch(/44-\d{4}-/);
  });

  it('enforces one active file per person in the database itself', async () => {
    const raw = await env.ctx.db.selectFrom('household').selectAll().where('id', '=', fileId).executeTakeFirstOrThrow();
    const { id: _id, ...copy } = raw;
    await expect(
      env.ctx.db
        .insertInto('household')
        .values({ ...copy, file_no: 'dup-test' })
        .execute(),
    ).rejects.toThrow(/unique|UNIQUE/);
  });

  it('converts a legacy 15-digit ID and checks members’ IDs', async () => {
    const r = await clerkA.post(
      '/api/v1/households',
      household(streetA.id, { name: '曾宪梓', idNumber: '440204750202003', members: [] }),
    );
    expect(r.status, r.text).toBe(201);
    const f = await clerkA.get(`/api/v1/households/${r.body.id}`);
    expect(f.body.idMasked).toMatch(/^\*{14}\d{3}[\dX]$/);
    expect(f.body.birthYear).toBe(1975);
    const dupMember = await clerkA.post(
      '/api/v1/households',
      household(streetA.id, {
        name: '单田芳',
        idNumber: '440203196507070032',
        members: [
          { name: '甲', relation: 'child', idNumber: IDS.other, monthlyIncomeFen: 0 },
          { name: '乙', relation: 'child', idNumber: IDS.other, monthlyIncomeFen: 0 },
        ],
      }),
    );
    expect(dupMember.body.error.code).toBe('ARCHIVE_DUPLICATE_MEMBER');
  });

  it('searches by name, pinyin initials, full and partial ID, phone, file number and cause, in pinyin order', async () => {
    await clerkA.post(
      '/api/v1/households',
      household(streetA.id, { name: '安然', idNumber: '440203198803030026', phone: '13900001111', members: [] }),
    );
    const all = await clerkA.get('/api/v1/households');
    expect(all.body.items.map((i: { name: string }) => i.name)).toEqual(['安然', '曾宪梓', '张建国']);
    const byInitials = await clerkA.get('/api/v1/households?q=zjg');
    expect(byInitials.body.items.map((i: { name: string }) => i.name)).toEqual(['张建国']);
    expect((await clerkA.get(`/api/v1/households?idNumber=${IDS.worker}`)).body.total).toBe(1);
    expect((await clerkA.get(`/api/v1/households?idNumber=${IDS.worker.toLowerCase()}`)).body.total).toBe(1);
    expect((await clerkA.get('/api/v1/households?idNumber=002X')).body.items[0].name).toBe('张建国');
    expect((await clerkA.get('/api/v1/households?phone=13900001111')).body.items[0].name).toBe('安然');
    const fileNo = all.body.items[2].fileNo;
    expect((await clerkA.get(`/api/v1/households?fileNo=${fileNo}`)).body.total).toBe(1);
    expect((await clerkA.get('/api/v1/households?cause=schooling')).body.total).toBe(3);
    expect((await clerkA.get('/api/v1/households?status=filed')).body.total).toBe(0);
    expect((await clerkA.get('/api/v1/households?status=filed,draft')).body.total).toBe(3);
    const bad = await clerkA.get('/api/v1/households?status=filed,nonsense');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('shows nothing of another county’s files', async () => {
    expect((await clerkB.get('/api/v1/households')).body.total).toBe(0);
    expect((await clerkB.get(`/api/v1/households/${fileId}`)).status).toBe(404);
    expect((await clerkB.get(`/api/v1/households?idNumber=${IDS.worker}`)).body.total).toBe(0);
    expect((await clerkB.get(`/api/v1/households/${fileId}/history`)).status).toBe(404);
  });

  it('keeps every version of a file', async () => {
    const edit = await clerkA.put(
      `/api/v1/households/${fileId}?expectedVersion=1`,
      household(streetA.id, { address: '新地址1号' }),
    );
    expect(edit.body).toEqual({ id: fileId, version: 2 });
    const stale = await clerkA.put(`/api/v1/households/${fileId}?expectedVersion=1`, household(streetA.id));
    expect(stale.body.error.code).toBe('ARCHIVE_STALE_VERSION');
    const h = await clerkA.get(`/api/v1/households/${fileId}/history`);
    expect(h.body.versions.map((v: { version: number; reason: string }) => [v.version, v.reason])).toEqual([
      [2, 'edit'],
      [1, 'create'],
    ]);
    const v1 = await reviewerA.get(`/api/v1/households/${fileId}/versions/1`);
    expect(v1.body.content.address).toBe('武江区西河镇工业路12号');
    expect(
      (await env.ctx.db.selectFrom('household_version').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow())
        .n,
    ).toBeDefined();
  });

  it('answers an out-of-range id or version with 400/404 and a code, never 500', async () => {
    clerkA = await env.login('clerk-a');
    const admin = clerkA;
    for (const url of [
      `/api/v1/households/${fileId}/versions/2147483648`,
      `/api/v1/households/${fileId}/versions/99999999999999999999`,
      '/api/v1/households/2147483648',
      '/api/v1/households/9007199254740993/history',
      '/api/v1/households/imports/2147483648',
      '/api/v1/households/imports/1/rows/99999999999999999999/decision',
    ]) {
      const r = url.endsWith('/decision') ? await admin.post(url, { decision: 'accept' }) : await admin.get(url);
      expect([400, 404], `${url}: ${r.text}`).toContain(r.status);
      expect(r.body.error.code).toMatch(/^[A-Z_]+$/);
    }
  });
});
