import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv, USER_PASSWORD } from '../../test-support/env.js';
import { fileHousehold, generatedId, household } from '../../test-support/households.js';
import { race, tally } from '../../test-support/race.js';

/**
 * Issue 8, item 4: a worker account reads a file only through a verified link — opened from the file by the
 * union holding it, or bound with a one-time code that union issued plus the worker's own ID number.
 */
describe.each(testDialects)('identity binding on %s', (dialect) => {
  let env: TestEnv;
  let countyA: { id: number };
  let streetA: { id: number };
  let streetB: { id: number };
  let adminA: Client;
  let adminB: Client;
  let fileB: number;
  let fileA: number;
  const idB = generatedId(801);
  const idA = generatedId(802);

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    const root = await env.root();
    const city = await env.org(root.id, '示范市总工会', 'city', '440200');
    countyA = await env.org(city.id, '甲县总工会', 'county', '440221');
    const countyB = await env.org(city.id, '乙县总工会', 'county', '440222');
    streetA = await env.org(countyA.id, '甲县城关街道工会', 'street');
    streetB = await env.org(countyB.id, '乙县城关街道工会', 'street');
    await env.user('admin-a', countyA.id, ['admin']);
    await env.user('admin-b', countyB.id, ['admin']);
    adminA = await env.login('admin-a');
    adminB = await env.login('admin-b');
    fileB = await fileHousehold(env, household(streetB.id, { name: '乙县职工', idNumber: idB, members: [] }));
    fileA = await fileHousehold(env, household(streetA.id, { name: '甲县职工', idNumber: idA, members: [] }));
  });
  afterAll(() => env.close());

  const ready = async (username: string) => {
    await env.ctx.db
      .updateTable('app_user')
      .set({ must_change_password: 0 })
      .where('username', '=', username)
      .execute();
    return env.login(username);
  };
  const newWorker = async (username: string, idNumber?: string) => {
    const r = await adminA.post('/api/v1/users', {
      username,
      displayName: '职工',
      orgId: countyA.id,
      roles: ['worker'],
      password: USER_PASSWORD,
      ...(idNumber ? { idNumber } : {}),
    });
    expect(r.status, r.text).toBe(201);
    return { res: r, client: await ready(username) };
  };

  it('a county admin cannot read a sibling county’s file through a worker account carrying its ID', async () => {
    const probe = await newWorker('probe-b', idB);
    const nobody = await newWorker('probe-none', generatedId(899));
    // The same answer whether or not the ID holds a file anywhere.
    const strip = (b: Record<string, unknown>) => ({ ...b, id: 0, username: '', createdAt: '' });
    expect(strip(probe.res.body)).toEqual(strip(nobody.res.body));
    const r = await probe.client.get('/api/v1/self/file');
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('SELF_NO_FILE');
    expect(r.text).not.toContain('乙县');
  });

  it('the union holding the file opens the worker’s account from it; nobody outside can', async () => {
    const body = { username: 'worker-b', password: USER_PASSWORD };
    const outside = await adminA.post(`/api/v1/households/${fileB}/worker-account`, body);
    expect(outside.status).toBe(404);
    expect(outside.body.error.code).toBe('ARCHIVE_NOT_FOUND');
    const ok = await adminB.post(`/api/v1/households/${fileB}/worker-account`, body);
    expect(ok.status, ok.text).toBe(201);
    expect(ok.body).toMatchObject({ roles: ['worker'], orgId: streetB.id, displayName: '乙县职工' });
    const worker = await ready('worker-b');
    const mine = await worker.get('/api/v1/self/file');
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ name: '乙县职工', orgName: '乙县城关街道工会' });
    expect((await worker.get(`/api/v1/households/${fileA}`)).status).toBe(403);
  });

  it('a binding code works once, for the right ID only, and not after it expires', async () => {
    expect((await adminB.post(`/api/v1/households/${fileA}/bind-code`)).status).toBe(404);
    const issued = await adminA.post(`/api/v1/households/${fileA}/bind-code`);
    expect(issued.status, issued.text).toBe(201);
    const { code } = issued.body;
    expect(code).toMatch(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/);
    // Only the hash is stored.
    const stored = await env.ctx.db.selectFrom('worker_bind_code').select('code_hash').execute();
    expect(JSON.stringify(stored)).not.toContain(code.replace('-', ''));

    const w1 = (await newWorker('worker-a1')).client;
    const w2 = (await newWorker('worker-a2')).client;
    const wrongId = await w1.post('/api/v1/self/bind', { code, idNumber: idB });
    expect(wrongId.status).toBe(400);
    expect(wrongId.body.error.code).toBe('SELF_BIND_CODE_INVALID');
    const unknown = await w1.post('/api/v1/self/bind', { code: 'ABCDE-FGHJK', idNumber: idA });
    expect(unknown.text).toBe(wrongId.text);
    // Two workers race with the right code and ID: one wins.
    const results = await race(2, (i) =>
      (i ? w2 : w1).post('/api/v1/self/bind', { code: code.toLowerCase(), idNumber: idA }),
    );
    expect(tally(results)).toEqual({ 200: 1, 400: 1 });
    const winner = results[0]?.status === 200 ? w1 : w2;
    const loser = winner === w1 ? w2 : w1;
    expect((await winner.get('/api/v1/self/file')).body.name).toBe('甲县职工');
    expect((await loser.get('/api/v1/self/file')).body.error.code).toBe('SELF_NO_FILE');
    expect((await loser.post('/api/v1/self/bind', { code, idNumber: idA })).body.error.code).toBe(
      'SELF_BIND_CODE_INVALID',
    );

    // Expiry: a fresh code is refused after 7 days.
    const later = (await adminA.post(`/api/v1/households/${fileA}/bind-code`)).body.code;
    env.ctx.clock.advance(8 * 86_400_000);
    const again = await env.login(winner === w1 ? 'worker-a2' : 'worker-a1');
    const expired = await again.post('/api/v1/self/bind', { code: later, idNumber: idA });
    env.ctx.clock.reset();
    expect(expired.body.error.code).toBe('SELF_BIND_CODE_INVALID');
    const audit = await adminA.get('/api/v1/audit?action=self.link');
    expect(audit.body.total).toBe(1);
  });

  it('five wrong ID numbers end a code', async () => {
    const { code } = (await adminA.post(`/api/v1/households/${fileA}/bind-code`)).body;
    const w = (await newWorker('worker-a3')).client;
    for (let i = 0; i < 5; i++) await w.post('/api/v1/self/bind', { code, idNumber: generatedId(900 + i) });
    expect((await w.post('/api/v1/self/bind', { code, idNumber: idA })).body.error.code).toBe('SELF_BIND_CODE_INVALID');
  });
});
