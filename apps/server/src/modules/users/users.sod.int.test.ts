import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv, USER_PASSWORD } from '../../test-support/env.js';

/**
 * Issue 8, item 6 (accounts): nobody changes their own roles, node or status; sensitive roles at a node
 * (review, approval, finance, personal data, admin) are granted and managed only from a node above.
 */
describe.each(testDialects)('separation of duties for accounts on %s', (dialect) => {
  let env: TestEnv;
  let province: { id: number };
  let county: { id: number };
  let street: { id: number };
  let countyAdmin: Client;
  let provinceAdmin: Client;
  let countyAdminId: number;
  const user = (username: string, orgId: number, roles: string[]) => ({
    username,
    displayName: username,
    orgId,
    roles,
    password: USER_PASSWORD,
  });

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    const root = await env.root();
    province = await env.org(root.id, '广东省总工会', 'province', '440000');
    county = await env.org(province.id, '武江区总工会', 'county', '440203');
    street = await env.org(county.id, '西河镇总工会', 'street');
    countyAdminId = (await env.user('county-admin', county.id, ['admin'])).id;
    await env.user('province-admin', province.id, ['admin']);
    countyAdmin = await env.login('county-admin');
    provinceAdmin = await env.login('province-admin');
  });
  afterAll(() => env.close());

  it('an administrator cannot grant itself approver, finance or reveal rights, nor move or re-enable itself', async () => {
    for (const roles of [
      ['admin', 'approver'],
      ['admin', 'finance'],
      ['admin', 'intake_clerk'],
    ]) {
      const r = await countyAdmin.patch(`/api/v1/users/${countyAdminId}`, { roles });
      expect(r.status, JSON.stringify(roles)).toBe(403);
      expect(r.body.error.code).toBe('USER_SELF_CHANGE');
    }
    expect((await countyAdmin.patch(`/api/v1/users/${countyAdminId}`, { orgId: street.id })).body.error.code).toBe(
      'USER_SELF_CHANGE',
    );
    expect((await countyAdmin.patch(`/api/v1/users/${countyAdminId}`, { status: 'active' })).body.error.code).toBe(
      'USER_SELF_CHANGE',
    );
    expect(
      (await countyAdmin.post(`/api/v1/users/${countyAdminId}/reset-password`, { newPassword: 'Another-pass-2026' }))
        .body.error.code,
    ).toBe('USER_SELF_CHANGE');
    // Name and phone stay one's own to edit.
    expect((await countyAdmin.patch(`/api/v1/users/${countyAdminId}`, { displayName: '区管理员' })).status).toBe(200);
    const roles = await env.ctx.db
      .selectFrom('user_role')
      .select('role')
      .where('user_id', '=', countyAdminId)
      .execute();
    expect(roles.map((r) => r.role)).toEqual(['admin']);
  });

  it('sensitive roles at the admin’s own node come from above; below it, the admin grants them', async () => {
    for (const roles of [['approver'], ['finance'], ['intake_clerk'], ['reviewer'], ['admin'], ['auditor']]) {
      const r = await countyAdmin.post('/api/v1/users', user(`own-${roles[0]}`, county.id, roles));
      expect(r.status, JSON.stringify(roles)).toBe(403);
      expect(r.body.error.code).toBe('USER_GRANT_NOT_ALLOWED');
    }
    // The auditor sees confidential complainants in full: the county's auditor comes from the province admin.
    expect((await countyAdmin.post('/api/v1/users', user('own-hotline', county.id, ['hotline_operator']))).status).toBe(
      201,
    );
    expect((await provinceAdmin.post('/api/v1/users', user('own-auditor', county.id, ['auditor']))).status).toBe(201);
    expect((await countyAdmin.post('/api/v1/users', user('street-auditor', street.id, ['auditor']))).status).toBe(201);
    expect((await countyAdmin.post('/api/v1/users', user('street-clerk', street.id, ['intake_clerk']))).status).toBe(
      201,
    );
    const approver = await provinceAdmin.post('/api/v1/users', user('county-approver', county.id, ['approver']));
    expect(approver.status).toBe(201);
    // The county admin cannot take over the county's approver: no reset, no disable, no role change.
    const id = approver.body.id;
    expect(
      (await countyAdmin.post(`/api/v1/users/${id}/reset-password`, { newPassword: 'Hijack-pass-2026' })).body.error
        .code,
    ).toBe('USER_GRANT_NOT_ALLOWED');
    expect((await countyAdmin.patch(`/api/v1/users/${id}`, { status: 'disabled' })).body.error.code).toBe(
      'USER_GRANT_NOT_ALLOWED',
    );
    // Nor take over the auditor the province gave it, nor turn a hotline operator at its own node into an auditor
    // or a finance officer, nor pull a street clerk up to its own node.
    const auditor = (await countyAdmin.get('/api/v1/users?q=own-auditor')).body.items[0];
    expect((await countyAdmin.patch(`/api/v1/users/${auditor.id}`, { status: 'disabled' })).body.error.code).toBe(
      'USER_GRANT_NOT_ALLOWED',
    );
    const hotline = (await countyAdmin.get('/api/v1/users?q=own-hotline')).body.items[0];
    for (const roles of [['auditor'], ['finance']])
      expect((await countyAdmin.patch(`/api/v1/users/${hotline.id}`, { roles })).body.error.code).toBe(
        'USER_GRANT_NOT_ALLOWED',
      );
    const clerk = (await countyAdmin.get('/api/v1/users?q=street-clerk')).body.items[0];
    expect((await countyAdmin.patch(`/api/v1/users/${clerk.id}`, { orgId: county.id })).body.error.code).toBe(
      'USER_GRANT_NOT_ALLOWED',
    );
    // The province admin manages the county admin.
    expect((await provinceAdmin.patch(`/api/v1/users/${countyAdminId}`, { displayName: '武江管理员' })).status).toBe(
      200,
    );
  });
});
