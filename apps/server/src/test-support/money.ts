import type { Client, TestEnv } from './env.js';
import { fileHousehold, generatedId, household } from './households.js';

/**
 * A county with a 780 元 低保 line and the seed 004 篇一 living template adopted (from 2027-01-01), and n files
 * in the archive under its street: even ones 深度困难 (household of 3), odd ones 相对困难 (1 person).
 */
export async function moneyCounty(env: TestEnv, n: number) {
  const c = await env.countyWithStreet();
  await env.user('county-admin', c.county.id, ['admin']);
  const admin = await env.login('county-admin');
  const p = await admin.post('/api/v1/policies/eligibility', {
    orgId: c.county.id,
    effectiveFrom: '2020-01-01',
    dibaoLineFen: 78_000,
  });
  if (p.status !== 201) throw new Error(`policy: ${p.text}`);
  const r = await admin.post('/api/v1/programmes/rules', {
    orgId: c.county.id,
    templateId: 'seed004.p1.living',
    effectiveFrom: '2027-01-01',
    params: {},
  });
  if (r.status !== 201) throw new Error(`rule: ${r.text}`);
  const ids: number[] = [];
  for (let i = 0; i < n; i++) ids.push(await fileMoneyHousehold(env, c.street.id, i));
  return { ...c, ids, admin: admin as Client };
}

export function fileMoneyHousehold(env: TestEnv, orgId: number, i: number) {
  const deep = i % 2 === 0;
  const body = household(orgId, {
    name: `测试${String.fromCharCode(0x4e00 + i)}`,
    idNumber: generatedId(1000 + i),
    members: deep
      ? [
          { name: `配偶${i}`, relation: 'spouse', maritalStatus: 'married', monthlyIncomeFen: 0 },
          { name: `子女${i}`, relation: 'child', maritalStatus: 'unmarried', monthlyIncomeFen: 0 },
        ]
      : [],
  });
  return fileHousehold(env, body, deep ? 'deep' : 'relative');
}

/** Poll a batch until its background computation is over. */
export async function waitComputed(c: Client, id: number) {
  for (let i = 0; i < 200; i++) {
    const b = await c.get(`/api/v1/batches/${id}`);
    if (b.body.status !== 'computing') return b.body;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('batch did not finish computing');
}

/** The county's clerk, approver and finance, signed in, and a living-relief fund (专款) holding `amountFen`. */
export async function moneyDesk(
  env: TestEnv,
  countyId: number,
  fund: { name: string; source: 'government' | 'union' | 'donation'; amountFen: number; memo: string },
) {
  await env.user('clerk', countyId, ['intake_clerk']);
  await env.user('approver', countyId, ['approver']);
  await env.user('fin', countyId, ['finance']);
  const [clerk, approver, finance] = [await env.login('clerk'), await env.login('approver'), await env.login('fin')];
  const f = await finance.post('/api/v1/funds', {
    orgId: countyId,
    name: fund.name,
    source: fund.source,
    restrictedProgramme: 'living',
    year: 2027,
  });
  if (f.status !== 201) throw new Error(`fund: ${f.text}`);
  await finance.post(`/api/v1/funds/${f.body.id}/receipts`, { amountFen: fund.amountFen, memo: fund.memo });
  return { clerk, approver, finance, fundId: f.body.id as number };
}
