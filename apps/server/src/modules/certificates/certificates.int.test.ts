import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv } from '../../test-support/env.js';
import { fileHousehold, generatedId, household } from '../../test-support/households.js';
import { exitFile } from '../archive/archive.manage.js';
import { addDays, oneYearFrom } from '../goods/goods.rules.js';

const DAY = 86_400_000;

/** 特困证 / 优待证: one active of a kind per household (enforced by the database), revoke, renew, verify, expiry. */
describe.each(testDialects)('certificates on %s', (dialect) => {
  let env: TestEnv;
  let county: { id: number };
  let street: { id: number };
  let sibling: { id: number };
  let clerk: Client;
  let streetClerk: Client;
  let siblingClerk: Client;
  let hh: number;
  let leaver: number;
  let countyFile: number;
  let draft: number;
  let siblingFile: number;
  let tekun: { id: number; number: string };
  let youdai: { id: number; number: string };
  let start: string;

  const issue = (over: Record<string, unknown> = {}) =>
    clerk.post('/api/v1/certificates', {
      householdId: hh,
      kind: 'tekun',
      benefits: '凭证减免水费、电费各50%；子女学杂费减免',
      ...over,
    });
  const relogin = async () => {
    clerk = await env.login('county-clerk');
    streetClerk = await env.login('street-clerk');
  };

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    start = env.ctx.clock.today();
    const c = await env.countyWithStreet();
    county = c.county;
    street = c.street;
    sibling = await env.org(c.province.id, '浈江区总工会', 'county', '440204');
    await env.user('county-clerk', county.id, ['intake_clerk']);
    await env.user('street-clerk', street.id, ['intake_clerk']);
    await env.user('sib-clerk', sibling.id, ['intake_clerk']);
    await relogin();
    siblingClerk = await env.login('sib-clerk');
    hh = await fileHousehold(env, household(street.id));
    leaver = await fileHousehold(env, household(street.id, { name: '孙六', idNumber: generatedId(5), members: [] }));
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
    draft = d.body.id;
  });
  afterAll(() => env.close());

  it('issues a numbered certificate valid for one year by default; one active of a kind per household', async () => {
    const r = await issue();
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({
      kind: 'tekun',
      kindLabel: '特困证',
      state: 'valid',
      validFrom: start,
      validUntil: oneYearFrom(start),
      issuer: { id: county.id, name: '武江区总工会' },
      household: { id: hh, name: '张建国', inArchive: true },
    });
    expect(r.body.number).toMatch(new RegExp(`^TK44-${start.slice(0, 4)}-\\d{7}$`));
    tekun = r.body;
    const y = await issue({ kind: 'youdai' });
    expect(y.status, y.text).toBe(201);
    expect(y.body.number).toMatch(/^YD44-/);
    youdai = y.body;
    const again = await issue();
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CERTIFICATE_DUPLICATE');
    expect(again.body.error.message).toContain(tekun.number);
    const other = await issue({ householdId: leaver });
    expect(other.status).toBe(201);
    expect(other.body.number).not.toBe(tekun.number);
  });

  it('refuses files outside the archive, bad validity, a wrong issuer and out-of-scope records', async () => {
    const d = await issue({ householdId: draft });
    expect(d.status).toBe(409);
    expect(d.body.error.code).toBe('CERTIFICATE_NOT_ELIGIBLE');
    expect(d.body.error.message).toContain('草稿');
    const v = await issue({ householdId: countyFile, validFrom: start, validUntil: start });
    expect(v.body.error.code).toBe('CERTIFICATE_BAD_VALIDITY');
    const below = await issue({ householdId: countyFile, issuerOrgId: street.id });
    expect(below.body.error.code).toBe('CERTIFICATE_ISSUER_NOT_ABOVE');
    expect((await issue({ householdId: siblingFile })).status).toBe(404);
    expect((await issue({ householdId: countyFile, issuerOrgId: sibling.id })).status).toBe(404);
    expect((await siblingClerk.get(`/api/v1/certificates/${tekun.id}`)).status).toBe(404);
    expect((await siblingClerk.get(`/api/v1/certificates/verify/${tekun.number}`)).status).toBe(404);
    expect((await siblingClerk.post(`/api/v1/certificates/${tekun.id}/revoke`, { reason: 'x' })).status).toBe(404);
  });

  it('the database itself refuses a second active certificate of a kind (partial unique index)', async () => {
    const copy = (status: string, no: string) =>
      sql`insert into certificate (org_id, org_path, province_code, household_id, kind, cert_no, status, holder_name,
          valid_from, valid_until, benefits, issuer_org_id, issuer_org_name, issued_by_name, issued_at, updated_at)
        select org_id, org_path, province_code, household_id, kind, ${no}, ${status}, holder_name, valid_from,
          valid_until, benefits, issuer_org_id, issuer_org_name, issued_by_name, issued_at, updated_at
        from certificate where id = ${tekun.id}`.execute(env.ctx.db);
    await expect(copy('active', 'TK44-1999-0000001')).rejects.toThrow();
    await copy('revoked', 'TK44-1999-0000002'); // history may hold any number of revoked ones
    await expect(copy('revoked', tekun.number)).rejects.toThrow(); // numbers are unique
  });

  it('verifies by number: the state, the holder masked to the first character, the issuing union', async () => {
    const v = await streetClerk.get(`/api/v1/certificates/verify/${tekun.number.toLowerCase()}`);
    expect(v.status, v.text).toBe(200);
    expect(v.body).toEqual({
      number: tekun.number,
      kind: 'tekun',
      kindLabel: '特困证',
      state: 'valid',
      stateLabel: '有效',
      valid: true,
      holder: '张*',
      issuer: '武江区总工会',
      validFrom: start,
      validUntil: oneYearFrom(start),
      benefits: expect.stringContaining('水费'),
    });
    expect((await clerk.get('/api/v1/certificates/verify/TK44-2026-9999999')).body.error.code).toBe(
      'CERTIFICATE_NOT_FOUND',
    );
    expect((await clerk.get('/api/v1/certificates/verify/not-a-number')).status).toBe(400);
  });

  it('lists per node with filters, a household’s certificates and the print data', async () => {
    const all = await clerk.get(`/api/v1/certificates?orgId=${county.id}`);
    expect(all.body.total).toBe(4); // three issued and the revoked copy inserted above
    const mine = await streetClerk.get(`/api/v1/households/${hh}/certificates`);
    const held = mine.body.items.map((c: { kind: string; state: string }) => `${c.kind}:${c.state}`);
    expect(held.sort()).toEqual(['tekun:revoked', 'tekun:valid', 'youdai:valid']);
    const kind = await clerk.get(`/api/v1/certificates?orgId=${street.id}&kind=youdai`);
    expect(kind.body.items.map((c: { id: number }) => c.id)).toEqual([youdai.id]);
    expect((await clerk.get(`/api/v1/certificates?orgId=${county.id}&expiringWithinDays=30`)).body.total).toBe(0);
    const p = await streetClerk.get(`/api/v1/certificates/${youdai.id}/print`);
    expect(p.body).toMatchObject({
      title: '特困职工家庭优待证',
      number: youdai.number,
      holderName: '张建国',
      issuer: '武江区总工会',
      printable: true,
    });
    expect(p.body.idMasked).toMatch(/^\*{14}\d{3}[\dX]$/);
  });

  it('revokes with a reason; a revoked card verifies as revoked and frees the slot', async () => {
    const r = await clerk.post(`/api/v1/certificates/${youdai.id}/revoke`, { reason: '骗取优待' });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ state: 'revoked', revokeReason: '骗取优待', revokedBy: 'county-clerk' });
    expect((await clerk.get(`/api/v1/certificates/verify/${youdai.number}`)).body).toMatchObject({
      state: 'revoked',
      valid: false,
    });
    expect((await clerk.post(`/api/v1/certificates/${youdai.id}/revoke`, { reason: 'x' })).body.error.code).toBe(
      'CERTIFICATE_BAD_STATUS',
    );
    expect((await clerk.post(`/api/v1/certificates/${youdai.id}/renew`, {})).body.error.code).toBe(
      'CERTIFICATE_BAD_STATUS',
    );
    const revoked = await clerk.get(`/api/v1/certificates?orgId=${county.id}&state=revoked`);
    expect(revoked.body.items.map((c: { number: string }) => c.number).sort()).toEqual(
      ['TK44-1999-0000002', youdai.number].sort(),
    );
    const again = await issue({ kind: 'youdai' });
    expect(again.status, again.text).toBe(201);
    youdai = again.body;
  });

  it('lists certificates whose file has left the archive, for revocation', async () => {
    expect((await clerk.get(`/api/v1/certificates/to-revoke?orgId=${county.id}`)).body.items).toEqual([]);
    await exitFile(env.ctx, await env.system(), leaver, '连续6个月收入高于低保线');
    const list = await streetClerk.get(`/api/v1/certificates/to-revoke?orgId=${street.id}`);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        household: expect.objectContaining({ id: leaver, status: 'exited', inArchive: false }),
      }),
    ]);
    const id = list.body.items[0].id;
    expect((await clerk.post(`/api/v1/certificates/${id}/renew`, {})).body.error.code).toBe('CERTIFICATE_NOT_ELIGIBLE');
    await clerk.post(`/api/v1/certificates/${id}/revoke`, { reason: '已脱困' });
    expect((await clerk.get(`/api/v1/certificates/to-revoke?orgId=${county.id}`)).body.items).toEqual([]);
  });

  it('expires after its last day; expiring cards are listed 30 days ahead; renewal supersedes the old card', async () => {
    env.ctx.clock.advance(345 * DAY);
    await relogin(); // the sessions idled out
    const soon = await clerk.get(`/api/v1/certificates?orgId=${county.id}&expiringWithinDays=30`);
    expect(soon.body.items.map((c: { id: number }) => c.id)).toEqual([tekun.id, youdai.id]);
    env.ctx.clock.advance(30 * DAY);
    await relogin();
    const today = env.ctx.clock.today();
    expect(today > oneYearFrom(start)).toBe(true);
    const v = await clerk.get(`/api/v1/certificates/verify/${tekun.number}`);
    expect(v.body).toMatchObject({ state: 'expired', stateLabel: '已过期', valid: false });
    expect((await clerk.get(`/api/v1/certificates?orgId=${county.id}&state=expired`)).body.total).toBe(2);
    // An expired card still holds the slot: a new one is a renewal.
    expect((await issue()).body.error.code).toBe('CERTIFICATE_DUPLICATE');
    const n = await streetClerk.post(`/api/v1/certificates/${tekun.id}/renew`, {
      validUntil: addDays(today, 730),
    });
    expect(n.status, n.text).toBe(201);
    expect(n.body).toMatchObject({
      state: 'valid',
      validFrom: today,
      validUntil: addDays(today, 730),
      renewedFrom: tekun.id,
      // The street cannot see the county: the renewing node becomes the issuer.
      issuer: { id: street.id, name: '西河镇总工会' },
      benefits: expect.stringContaining('水费'),
    });
    expect(n.body.number).toMatch(new RegExp(`^TK44-${today.slice(0, 4)}-`));
    const old = await clerk.get(`/api/v1/certificates/${tekun.id}`);
    expect(old.body).toMatchObject({ status: 'superseded', state: 'superseded', supersededBy: n.body.id });
    expect((await clerk.get(`/api/v1/certificates/verify/${tekun.number}`)).body.valid).toBe(false);
    expect((await clerk.get(`/api/v1/certificates/verify/${n.body.number}`)).body.valid).toBe(true);
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'certificate.%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'certificate.issue',
      'certificate.issue',
      'certificate.issue',
      'certificate.revoke',
      'certificate.issue',
      'certificate.revoke',
      'certificate.renew',
    ]);
  });
});
