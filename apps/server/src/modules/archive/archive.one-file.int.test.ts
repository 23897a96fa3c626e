import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv, USER_PASSWORD } from '../../test-support/env.js';
import { archiveWorkbook, fileHousehold, generatedId, household, IDS } from '../../test-support/households.js';
import { loserCodes, race, tally } from '../../test-support/race.js';
import { listClashes } from './archive.clashes.js';
import { cancelFile, exitFile } from './archive.manage.js';

/** 一人一档 (issue 9 item 4): a person is the worker or a member of one active household file nationally. */

const bin = path.resolve(import.meta.dirname, '../../../bin/bangfu.mjs');

async function upload(_env: TestEnv, c: Client, orgId: number, buf: Buffer) {
  return (await c.upload(`/api/v1/households/imports?orgId=${orgId}`, 'a.xlsx', buf)).body as { id: number };
}

async function until(c: Client, id: number, status: string) {
  for (let i = 0; i < 200; i++) {
    const b = (await c.get(`/api/v1/households/imports/${id}`)).body;
    if (b.status === status || b.status === 'failed') return b;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not finish');
}

const member = (name: string, idNumber: string, relation = 'spouse') => ({
  name,
  relation,
  idNumber,
  maritalStatus: 'married',
  health: 'healthy',
  monthlyIncomeFen: 0,
});

describe.each(testDialects)('one household, one file (一人一档) on %s', (dialect) => {
  let env: TestEnv;
  let streetA: { id: number };
  let streetB: { id: number };
  let clerkB: Client & { cookie?: string };
  let fileA: number;
  let draftB: number;

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    const root = await env.root();
    const prov = await env.org(root.id, '广东省总工会', 'province', '440000');
    const city = await env.org(prov.id, '韶关市总工会', 'city', '440200');
    const countyA = await env.org(city.id, '武江区总工会', 'county', '440203');
    const countyB = await env.org(city.id, '浈江区总工会', 'county', '440204');
    streetA = await env.org(countyA.id, '西河镇总工会', 'street');
    streetB = await env.org(countyB.id, '东河街道总工会', 'street');
    await env.user('clerk-b', streetB.id, ['intake_clerk']);
    clerkB = await env.login('clerk-b');
    // 张建国's household is 在档 at 西河镇: the worker, the spouse 李秀兰 and the child are its people.
    fileA = await fileHousehold(env, household(streetA.id));
  });
  afterAll(() => env.close());

  it('refuses the spouse of a filed household as the worker of a new file elsewhere, naming only the holder', async () => {
    const r = await clerkB.post(
      '/api/v1/households',
      household(streetB.id, { name: '李秀兰', idNumber: IDS.spouse, members: [] }),
    );
    expect(r.status, r.text).toBe(409);
    expect(r.body.error.code).toBe('ARCHIVE_PERSON_IN_OTHER_FILE');
    expect(r.body.error.message).toContain('西河镇总工会');
    expect(r.body.error.details).toEqual({ holder: '西河镇总工会', field: 'idNumber' });
    const a = await env.ctx.db
      .selectFrom('household')
      .select('file_no')
      .where('id', '=', fileA)
      .executeTakeFirstOrThrow();
    expect(r.text).not.toContain(a.file_no);
    expect(r.text).not.toContain('张建国');
    expect((await clerkB.get('/api/v1/households')).body.total).toBe(0);
  });

  it('refuses the worker of an active file as a member of another, at intake and at update of a draft', async () => {
    const asMember = await clerkB.post(
      '/api/v1/households',
      household(streetB.id, { name: '王五', idNumber: IDS.other, members: [member('张建国', IDS.worker)] }),
    );
    expect(asMember.status, asMember.text).toBe(409);
    expect(asMember.body.error).toMatchObject({
      code: 'ARCHIVE_PERSON_IN_OTHER_FILE',
      details: { holder: '西河镇总工会', field: 'members.0.idNumber' },
    });
    const draft = await clerkB.post(
      '/api/v1/households',
      household(streetB.id, { name: '王五', idNumber: IDS.other, members: [] }),
    );
    expect(draft.status, draft.text).toBe(201);
    draftB = draft.body.id;
    const edit = await clerkB.put(
      `/api/v1/households/${draftB}`,
      household(streetB.id, { name: '王五', idNumber: IDS.other, members: [member('张小明', IDS.child, 'child')] }),
    );
    expect(edit.status, edit.text).toBe(409);
    expect(edit.body.error).toMatchObject({
      code: 'ARCHIVE_PERSON_IN_OTHER_FILE',
      details: { holder: '西河镇总工会' },
    });
    // The draft itself may be edited freely: its own people are not a clash with itself.
    const ok = await clerkB.put(
      `/api/v1/households/${draftB}`,
      household(streetB.id, { name: '王五', idNumber: IDS.other, members: [member('王妻', generatedId(501))] }),
    );
    expect(ok.status, ok.text).toBe(200);
  });

  it('refuses at import a row whose member is in another active file', async () => {
    const rows = [
      {
        姓名: '导入职工',
        身份证号: generatedId(601),
        婚姻状况: '已婚',
        工作状态: '下岗',
        主要致困原因: '下岗失业',
        低保情况: '低保边缘户',
      },
    ];
    const members = [{ 户主身份证号: generatedId(601), 姓名: '李秀兰', 与户主关系: '配偶', 身份证号: IDS.spouse }];
    const up = await upload(env, clerkB, streetB.id, await archiveWorkbook(rows, members));
    const b = await until(clerkB, up.id, 'ready');
    expect(b).toMatchObject({ total: 1, valid: 0, invalid: 1 });
    const bad = await clerkB.get(`/api/v1/households/imports/${up.id}/rows?status=invalid`);
    expect(bad.body.items[0].problems).toContainEqual({
      column: '家庭成员·身份证号',
      problem: '此人已在“西河镇总工会”的有效档案中',
    });
  });

  it('refuses at commit a row whose member was filed elsewhere after validation, naming the holder', async () => {
    const rows = [
      {
        姓名: '后来职工',
        身份证号: generatedId(801),
        婚姻状况: '已婚',
        工作状态: '下岗',
        主要致困原因: '下岗失业',
        低保情况: '低保边缘户',
      },
    ];
    const members = [
      { 户主身份证号: generatedId(801), 姓名: '后来配偶', 与户主关系: '配偶', 身份证号: generatedId(802) },
    ];
    const up = await upload(env, clerkB, streetB.id, await archiveWorkbook(rows, members));
    expect(await until(clerkB, up.id, 'ready')).toMatchObject({ valid: 1, invalid: 0 });
    await fileHousehold(env, household(streetA.id, { name: '后来配偶', idNumber: generatedId(802), members: [] }));
    await clerkB.post(`/api/v1/households/imports/${up.id}/commit`, { asFiled: false });
    expect(await until(clerkB, up.id, 'committed')).toMatchObject({ committed: 0 });
    const bad = await clerkB.get(`/api/v1/households/imports/${up.id}/rows?status=invalid`);
    expect(bad.body.items[0].problems[0]).toMatchObject({ column: '家庭成员·身份证号' });
    expect(bad.body.items[0].problems[0].problem).toContain('“西河镇总工会”');
  });

  it('of 10 parallel intakes naming the same new member, exactly one is accepted', async () => {
    const shared = generatedId(901);
    const results = await race(10, (i) =>
      clerkB.post(
        '/api/v1/households',
        household(streetB.id, {
          name: `并发职工${i}`,
          idNumber: generatedId(910 + i),
          members: [member('共同成员', shared)],
        }),
      ),
    );
    expect(tally(results)).toEqual({ 201: 1, 409: 9 });
    expect(loserCodes(results)).toEqual({ ARCHIVE_PERSON_IN_OTHER_FILE: 9 });
  });

  it('refuses a worker applying in self-service while a member of another file, naming no holder', async () => {
    const admin = await env.loginAdmin();
    const u = await admin.post('/api/v1/users', {
      username: 'li.xiulan',
      displayName: '李秀兰',
      orgId: streetB.id,
      roles: ['worker'],
      password: USER_PASSWORD,
    });
    expect(u.status, u.text).toBe(201);
    await env.ctx.db.updateTable('app_user').set({ must_change_password: 0 }).where('id', '=', u.body.id).execute();
    const worker = await env.login('li.xiulan');
    const { orgId: _o, ...body } = household(streetB.id, { name: '李秀兰', idNumber: IDS.spouse, members: [] });
    const r = await worker.post('/api/v1/self/application', body);
    expect(r.status, r.text).toBe(409);
    expect(r.body.error.code).toBe('SELF_APPLY_REFUSED');
    expect(r.text).not.toContain('西河镇');
  });

  it('lists a clash planted in the database, filling a missing member blind index first (CLI)', async () => {
    expect(await listClashes(env.ctx, await env.system())).toEqual([]);
    const draft = await env.ctx.db
      .selectFrom('household_member')
      .selectAll()
      .where('household_id', '=', draftB)
      .executeTakeFirstOrThrow();
    const { id: _id, ...copy } = draft;
    // The spouse of 张建国 planted as a member of 王五's draft, written without its blind index (as old rows were).
    await env.ctx.db
      .insertInto('household_member')
      .values({ ...copy, seq: 2, name: '李秀兰', id_enc: env.ctx.crypto.encrypt(IDS.spouse), id_bidx: null })
      .execute();
    const cfg = env.ctx.config;
    const out = spawnSync(process.execPath, [bin, 'archive', 'clashes'], {
      env: {
        ...process.env,
        DATABASE_URL: cfg.database.url,
        BANGFU_SECRET: cfg.secret as string,
        BANGFU_ADMIN_PASSWORD: 'Admin-pass-2026',
        LOG_LEVEL: 'silent',
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(out.status, out.stderr).toBe(0);
    const files = await env.ctx.db.selectFrom('household').select(['id', 'file_no']).execute();
    const no = (id: number) => files.find((f) => Number(f.id) === id)?.file_no as string;
    expect(out.stdout).toContain('filled 1 missing member blind indexes');
    expect(out.stdout).toContain('1 persons in more than one active file');
    expect(out.stdout).toContain(no(fileA));
    expect(out.stdout).toContain(no(draftB));
    expect(out.stdout).toContain('东河街道总工会');
    expect(out.stdout).not.toContain(IDS.spouse);
    const clashes = await listClashes(env.ctx, await env.system());
    expect(clashes).toHaveLength(1);
    expect(clashes[0]?.files.map((f) => [f.fileNo, f.org, f.as]).sort()).toEqual(
      [
        [no(fileA), '西河镇总工会', 'member'],
        [no(draftB), '东河街道总工会', 'member'],
      ].sort(),
    );
    expect(clashes[0]?.idMasked).toMatch(/0015$/);
    // Clean up the plant so the following steps see only real data.
    await env.ctx.db.deleteFrom('household_member').where('household_id', '=', draftB).where('seq', '=', 2).execute();
  });

  it('files the person again once the first file is 脱困 or 注销', async () => {
    const sys = await env.system();
    await exitFile(env.ctx, sys, fileA, '连续6个月人均收入高于低保线');
    const spouse = await clerkB.post(
      '/api/v1/households',
      household(streetB.id, { name: '李秀兰', idNumber: IDS.spouse, members: [] }),
    );
    expect(spouse.status, spouse.text).toBe(201);

    const other = await fileHousehold(
      env,
      household(streetA.id, { name: '赵六', idNumber: generatedId(701), members: [member('赵妻', generatedId(702))] }),
    );
    const refused = await clerkB.post(
      '/api/v1/households',
      household(streetB.id, { name: '赵妻', idNumber: generatedId(702), members: [] }),
    );
    expect(refused.status).toBe(409);
    await cancelFile(env.ctx, sys, other, { cause: 'death', reason: '本人病故' });
    const again = await clerkB.post(
      '/api/v1/households',
      household(streetB.id, { name: '赵妻', idNumber: generatedId(702), members: [] }),
    );
    expect(again.status, again.text).toBe(201);
  });
});
