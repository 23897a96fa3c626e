import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv } from '../../test-support/env.js';
import { fileHousehold, generatedId, household } from '../../test-support/households.js';
import { loserCodes, race, tally } from '../../test-support/race.js';

const N = 20;

/**
 * Certificates under 20 parallel requests (issue 8 item 1): one issue per household and kind, one revocation,
 * one renewal; the losers get a 409 with a stable code, no duplicate number, one audit entry per success.
 */
describe.each(testDialects)('certificates under 20 parallel requests on %s', (dialect) => {
  let env: TestEnv;
  let clerk: Client;
  let hh: number;

  const certs = (householdId: number) =>
    env.ctx.db
      .selectFrom('certificate')
      .select(['id', 'cert_no', 'status'])
      .where('household_id', '=', householdId)
      .orderBy('id')
      .execute();
  const audits = async (action: string) =>
    (await env.ctx.db.selectFrom('audit_log').select('id').where('action', '=', action).execute()).length;

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    const { county, street } = await env.countyWithStreet();
    await env.user('clerk', county.id, ['intake_clerk']);
    clerk = await env.login('clerk');
    hh = await fileHousehold(env, household(street.id, { idNumber: generatedId(1), members: [] }));
  });
  afterAll(() => env.close());

  it('issue, renew and revoke: one winner each', async () => {
    const issued = await race(N, () =>
      clerk.post('/api/v1/certificates', { householdId: hh, kind: 'tekun', benefits: '水电费减免' }),
    );
    expect(tally(issued)).toEqual({ 201: 1, 409: N - 1 });
    expect(loserCodes(issued)).toEqual({ CERTIFICATE_DUPLICATE: N - 1 });
    expect(await certs(hh)).toHaveLength(1);
    expect(await audits('certificate.issue')).toBe(1);
    const winner = issued.find((r) => r.status === 201)?.body;
    const first = winner.id as number;
    // Every loser is told which card the household already holds (not an empty number).
    const told = issued.filter((r) => r.status === 409).map((r) => r.body.error.details.number);
    expect(new Set(told)).toEqual(new Set([winner.number]));

    const renewed = await race(N, () => clerk.post(`/api/v1/certificates/${first}/renew`, {}));
    expect(tally(renewed)).toEqual({ 201: 1, 409: N - 1 });
    expect(loserCodes(renewed)).toEqual({ CERTIFICATE_BAD_STATUS: N - 1 });
    const after = await certs(hh);
    expect(after.map((c) => c.status)).toEqual(['superseded', 'active']);
    expect(new Set(after.map((c) => c.cert_no)).size).toBe(2);
    expect(await audits('certificate.renew')).toBe(1);
    const second = Number(after[1]?.id);

    const revoked = await race(N, () => clerk.post(`/api/v1/certificates/${second}/revoke`, { reason: '已脱困' }));
    expect(tally(revoked)).toEqual({ 200: 1, 409: N - 1 });
    expect(loserCodes(revoked)).toEqual({ CERTIFICATE_BAD_STATUS: N - 1 });
    expect(await audits('certificate.revoke')).toBe(1);
  });
});
