import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv } from '../../test-support/env.js';

/**
 * A user reads and writes only their node's subtree — never a sibling's or a parent's — on every path:
 * list, get by id, search, export, and writes. Two sibling counties A and B under one city.
 */
describe.each(testDialects)('scoped data access on %s', (dialect) => {
  let env: TestEnv;
  let city: { id: number };
  let countyA: { id: number };
  let countyB: { id: number };
  let streetA: { id: number };
  let streetB: { id: number };
  let adminA: Client;
  let userB: { id: number };
  let userCity: { id: number };
  let userA: { id: number };

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    const root = await env.root();
    city = await env.org(root.id, '示范市总工会', 'city', '440200');
    countyA = await env.org(city.id, '甲县总工会', 'county', '440221');
    countyB = await env.org(city.id, '乙县总工会', 'county', '440222');
    streetA = await env.org(countyA.id, '甲县城关街道工会', 'street');
    streetB = await env.org(countyB.id, '乙县城关街道工会', 'street');
    await env.user('admin-a', countyA.id, ['admin']);
    userA = await env.user('clerk-a', streetA.id, ['intake_clerk'], { phone: '13800001111' });
    userB = await env.user('clerk-b', streetB.id, ['intake_clerk'], { phone: '13900002222' });
    userCity = await env.user('city-reviewer', city.id, ['reviewer']);
    adminA = await env.login('admin-a');
    // Produce audit entries in both counties.
    const adminB = await env.user('admin-b', countyB.id, ['admin']);
    const b = await env.login('admin-b');
    await b.patch(`/api/v1/orgs/${streetB.id}`, { name: '乙县城关街道总工会' });
    await adminA.patch(`/api/v1/orgs/${streetA.id}`, { name: '甲县城关街道总工会' });
    expect(adminB.id).toBeGreaterThan(0);
  });
  afterAll(() => env.close());

  it('orgs: the tree starts at the caller’s node; siblings and parents are invisible', async () => {
    expect((await adminA.get('/api/v1/orgs/root')).body.id).toBe(countyA.id);
    const all = await adminA.get('/api/v1/orgs?limit=500');
    const ids = all.body.items.map((o: { id: number }) => o.id).sort();
    expect(ids).toEqual([countyA.id, streetA.id].sort());
    expect((await adminA.get(`/api/v1/orgs/${countyB.id}`)).status).toBe(404);
    expect((await adminA.get(`/api/v1/orgs/${city.id}`)).status).toBe(404);
    // Listing the parent's children yields the caller's own node only, never the sibling.
    const kids = await adminA.get(`/api/v1/orgs?parentId=${city.id}`);
    expect(kids.body.items.map((o: { id: number }) => o.id)).toEqual([countyA.id]);
  });

  it('orgs: search finds nothing outside the subtree', async () => {
    const r = await adminA.get(`/api/v1/orgs?q=${encodeURIComponent('县')}`);
    expect(r.body.items.map((o: { name: string }) => o.name).sort()).toEqual(['甲县城关街道总工会', '甲县总工会']);
    expect((await adminA.get(`/api/v1/orgs?q=${encodeURIComponent('乙')}`)).body.total).toBe(0);
    expect((await adminA.get('/api/v1/orgs?q=440222')).body.total).toBe(0);
  });

  it('orgs: export holds only the subtree', async () => {
    const csv = (await adminA.get('/api/v1/orgs/export.csv')).text;
    expect(csv).toContain('甲县城关街道总工会');
    expect(csv).not.toContain('乙县');
    expect(csv).not.toContain('示范市');
  });

  it('orgs: writes outside the subtree are refused as not found', async () => {
    expect((await adminA.patch(`/api/v1/orgs/${streetB.id}`, { name: '偷改' })).status).toBe(404);
    expect((await adminA.post('/api/v1/orgs', { parentId: countyB.id, name: '偷建', type: 'street' })).status).toBe(
      404,
    );
    expect((await adminA.post(`/api/v1/orgs/${streetA.id}/move`, { newParentId: countyB.id })).status).toBe(404);
    expect((await adminA.post(`/api/v1/orgs/${streetB.id}/deactivate`)).status).toBe(404);
    expect((await adminA.post(`/api/v1/orgs/${countyA.id}/deactivate`)).body.error.code).toBe('ORG_ROOT_IMMUTABLE');
  });

  it('users: list, get, search and export see only the subtree', async () => {
    const list = await adminA.get('/api/v1/users?limit=500');
    expect(list.body.items.map((u: { username: string }) => u.username).sort()).toEqual(['admin-a', 'clerk-a']);
    expect((await adminA.get(`/api/v1/users/${userB.id}`)).status).toBe(404);
    expect((await adminA.get(`/api/v1/users/${userCity.id}`)).status).toBe(404);
    expect((await adminA.get('/api/v1/users?q=clerk-b')).body.total).toBe(0);
    expect((await adminA.get(`/api/v1/users?orgId=${streetB.id}`)).body.total).toBe(0);
    const csv = (await adminA.get('/api/v1/users/export.csv')).text;
    expect(csv).toContain('clerk-a');
    expect(csv).not.toContain('clerk-b');
    expect(csv).not.toContain('city-reviewer');
  });

  it('users: cannot be created, changed or reset outside the subtree', async () => {
    const create = await adminA.post('/api/v1/users', {
      username: 'sneaky',
      displayName: 'x',
      orgId: streetB.id,
      roles: ['reviewer'],
      password: 'Quiet-pass-77',
    });
    expect(create.status).toBe(404);
    expect((await adminA.patch(`/api/v1/users/${userB.id}`, { status: 'disabled' })).status).toBe(404);
    expect((await adminA.patch(`/api/v1/users/${userA.id}`, { orgId: streetB.id })).status).toBe(404);
    expect(
      (await adminA.post(`/api/v1/users/${userB.id}/reset-password`, { newPassword: 'Hijack-pass-1' })).status,
    ).toBe(404);
  });

  it('users: phones are masked in lists and exports, full only on the audited detail read', async () => {
    const list = await adminA.get('/api/v1/users?q=clerk-a');
    expect(list.body.items[0].phone).toBe('138****1111');
    expect((await adminA.get('/api/v1/users/export.csv')).text).not.toContain('13800001111');
    const one = await adminA.get(`/api/v1/users/${userA.id}`);
    expect(one.body.phone).toBe('13800001111');
    // At rest the phone is encrypted.
    const raw = await env.ctx.db
      .selectFrom('app_user')
      .select('phone')
      .where('id', '=', userA.id)
      .executeTakeFirstOrThrow();
    expect(raw.phone).toMatch(/^e1\./);
    expect(raw.phone).not.toContain('1111');
    const audit = await adminA.get(`/api/v1/audit?action=user.read_personal&entityId=${userA.id}`);
    expect(audit.body.total).toBe(1);
  });

  it('audit: entries of sibling and parent nodes are invisible', async () => {
    const all = await adminA.get('/api/v1/audit?limit=500');
    const paths: string[] = all.body.items.map((e: { orgPath: string }) => e.orgPath);
    expect(paths.length).toBeGreaterThan(0);
    const prefix = (await adminA.get('/api/v1/orgs/root')).body.path;
    for (const p of paths) expect(p.startsWith(prefix)).toBe(true);
    expect((await adminA.get(`/api/v1/audit?entityId=${streetB.id}`)).body.total).toBe(0);
    expect((await adminA.get('/api/v1/audit/verify')).status).toBe(403);
  });

  it('a user in the parent node sees both children', async () => {
    const c = await env.login('city-reviewer');
    const r = await c.get(`/api/v1/orgs?parentId=${city.id}`);
    expect(r.body.items.map((o: { id: number }) => o.id).sort()).toEqual([countyA.id, countyB.id].sort());
  });
});
