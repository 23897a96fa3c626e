import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv } from '../../test-support/env.js';
import { household } from '../../test-support/households.js';

/** Each node adopts a policy, inheriting from its parent unless it overrides; the archive proposes the grade and says why. */
describe.each(testDialects)('eligibility policies on %s', (dialect) => {
  let env: TestEnv;
  let county: { id: number };
  let street: { id: number };
  let admin: Client;
  let clerk: Client;

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    ({ county, street } = await env.countyWithStreet());
    await env.user('county-admin', county.id, ['admin']);
    await env.user('clerk', street.id, ['intake_clerk']);
    admin = await env.login('county-admin');
    clerk = await env.login('clerk');
  });
  afterAll(() => env.close());

  it('refuses a current-vocabulary policy without a 低保 line', async () => {
    const r = await admin.post('/api/v1/policies/eligibility', { orgId: county.id, effectiveFrom: '2026-01-01' });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('a street inherits its county’s policy', async () => {
    const r = await admin.post('/api/v1/policies/eligibility', {
      orgId: county.id,
      effectiveFrom: '2026-01-01',
      dibaoLineFen: 78_000,
      source: '某区2026年城市低保标准',
    });
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({
      version: 1,
      dibaoLineFen: 78_000,
      relativeMultipleBp: 20_000,
      accidentThresholdFen: 2_400_000,
    });
    const at = await clerk.get(`/api/v1/policies/eligibility?orgId=${street.id}`);
    expect(at.body.resolved).toMatchObject({ ok: true, inherited: true, policy: { dibaoLineFen: 78_000 } });
  });

  it('proposes 深度困难 for 333.33 元 per head under a 780 元 line, and shows why', async () => {
    const f = await clerk.post('/api/v1/households', household(street.id));
    const file = (await clerk.get(`/api/v1/households/${f.body.id}`)).body;
    // (18,000 − 6,000 medical) ÷ 3 ÷ 12 = 333.33 元.
    expect(file).toMatchObject({ householdSize: 3, perCapitaMonthlyFen: 33_333, gradeProposed: 'deep' });
    const listed = await clerk.get('/api/v1/households?status=draft');
    expect(listed.body.items[0]).toMatchObject({ id: f.body.id, grade: null, gradeProposed: 'deep' });
    expect(file.gradeExplanation.explanation.policy).toMatchObject({ version: 1, effectiveFrom: '2026-01-01' });
    // The explanation names the union whose policy it is, not the policy's internal id.
    expect(file.gradeExplanation.explanation.policy.name).toBe('武江区总工会');
    expect(file.gradeExplanation.explanation.summary.zh).toBe(
      '建议认定为深度困难。依据武江区总工会认定政策第1版（2026-01-01起施行）',
    );
    const thresholds = file.gradeExplanation.explanation.thresholds as { name: string; crossed: boolean }[];
    expect(thresholds.find((t) => t.name === 'deep')?.crossed).toBe(true);
  });

  it('a street overriding its county changes the proposal from its effective date', async () => {
    const street2 = await admin.post('/api/v1/policies/eligibility', {
      orgId: street.id,
      effectiveFrom: '2026-01-01',
      dibaoLineFen: 30_000,
    });
    expect(street2.status).toBe(201);
    const f = await clerk.post(
      '/api/v1/households',
      household(street.id, { name: '钱小六', idNumber: '440203198803030026', members: [] }),
    );
    const file = (await clerk.get(`/api/v1/households/${f.body.id}`)).body;
    // 12,000 元 ÷ 1 ÷ 12 = 1,000 元: above 2 × 300 元 → no income grade.
    expect(file).toMatchObject({ perCapitaMonthlyFen: 100_000, gradeProposed: null });
    const at = await clerk.get(`/api/v1/policies/eligibility?orgId=${street.id}`);
    expect(at.body.resolved).toMatchObject({ ok: true, inherited: false, policy: { dibaoLineFen: 30_000 } });
  });
});
