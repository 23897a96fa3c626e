import { checkChar } from '@bangfu/policy';
import { Api } from './api.js';
import { generatedId } from './money.js';

/**
 * The setup of the change-request walk (e2e/changes.e2e.ts), through the API because it is not the walk's point:
 * a county with a street, its people, a 780 元 低保 line, the seed 004 篇一 living template, a funded living-relief
 * fund, one 相对困难 household filed at the street with a bank card, the worker's own account, and Q1 2027 paid.
 *
 * The household (apps/server self.changes.int.test.ts): 王师傅 earns 32,400 元 a year for three people, 900 元 a
 * head a month, above the 780 元 line (相对困难); a fourth person — a newborn — brings it to 675 元 (深度困难).
 */
export const PASSWORD = 'Change2026pass';
export const COUNTY = '武江区总工会';
export const STREET = '西河镇总工会';
export const PEOPLE = {
  admin: { username: 'wj.admin', name: '周主任' },
  streetClerk: { username: 'xh.clerk', name: '赵红梅' },
  streetReviewer: { username: 'xh.reviewer', name: '孙审核' },
  countyClerk: { username: 'wj.clerk', name: '陈经办' },
  approver: { username: 'wj.approver', name: '王审批' },
  finance: { username: 'wj.finance', name: '刘会计' },
  worker: { username: 'wang.shifu', name: '王师傅' },
};
export const FUND = '2027年生活救助专项资金';
export const OLD_CARD = '6222020200112233445';
export const NEW_BANK = { bankName: '中国农业银行', branch: '武江支行', cardNumber: '6228480000111122229' };
export const WORKER_ID = generatedId(7001);
const DAY = 86_400_000;

/** A valid ID of a child born on the given date ('YYYY-MM-DD') in 武江区 (440203). */
export function babyId(birth: string, seq = 123): string {
  const body = `440203${birth.replace(/-/g, '')}${seq}`;
  return body + checkChar(body);
}

export const household = (orgId: number) => ({
  orgId,
  name: PEOPLE.worker.name,
  idNumber: WORKER_ID,
  phone: '13812345678',
  address: '武江区西河镇工业路12号',
  maritalStatus: 'married',
  health: 'chronic',
  workStatus: 'laid_off',
  education: 'junior_or_below',
  mainCause: 'laid_off',
  secondaryCauses: ['major_illness'],
  dibaoStatus: 'edge',
  incomes: { wagesFen: 3_240_000 },
  bank: { bankName: '中国工商银行', branch: '韶关西河支行', cardNumber: OLD_CARD },
  needs: '生活救助',
  members: [
    { name: '刘女士', relation: 'spouse', idNumber: generatedId(7002), maritalStatus: 'married', monthlyIncomeFen: 0 },
    { name: '王小妹', relation: 'child', maritalStatus: 'unmarried', monthlyIncomeFen: 0 },
  ],
});

/** Sign in as one of the walk's people (a fresh API session). */
export async function apiAs(baseUrl: string, user: { username: string }) {
  const api = new Api(baseUrl);
  await api.login(user.username, PASSWORD);
  return api;
}

/** Poll a batch until its background computation is over. */
export async function computed(api: Api, id: number) {
  for (let i = 0; i < 400; i++) {
    const b = await api.call<{ status: string }>('GET', `/v1/batches/${id}`);
    if (b.status !== 'computing') return b;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`batch ${id} did not finish computing`);
}

/** Everything before the walk; returns the ids the walk needs. */
export async function setUpChangesWalk(baseUrl: string, adminPassword: string) {
  const root = new Api(baseUrl);
  const me = await root.login('admin', adminPassword);
  const province = await root.org(me.orgId, '广东省总工会', 'province', '440000');
  const countyId = await root.org(province, COUNTY, 'county', '440203');
  const streetId = await root.org(countyId, STREET, 'street');
  const user = (u: { username: string; name: string }, orgId: number, roles: string[]) =>
    root.user({ ...u, orgId, roles, password: PASSWORD });
  await user(PEOPLE.admin, countyId, ['admin']);
  await user(PEOPLE.streetClerk, streetId, ['intake_clerk']);
  await user(PEOPLE.streetReviewer, streetId, ['reviewer']);
  await user(PEOPLE.countyClerk, countyId, ['intake_clerk']);
  await user(PEOPLE.approver, countyId, ['approver']);
  await user(PEOPLE.finance, countyId, ['finance']);

  const admin = await apiAs(baseUrl, PEOPLE.admin);
  await admin.call('POST', '/v1/policies/eligibility', {
    orgId: countyId,
    effectiveFrom: '2020-01-01',
    dibaoLineFen: 78_000,
  });
  await admin.call('POST', '/v1/programmes/rules', {
    orgId: countyId,
    templateId: 'seed004.p1.living',
    effectiveFrom: '2027-01-01',
    params: {},
  });

  // The filing workflow at the street: filed, reviewed, noticed (the clock moves past it), approved by the county.
  const clerk = await apiAs(baseUrl, PEOPLE.streetClerk);
  const { id: fileId } = await clerk.call<{ id: number }>('POST', '/v1/households', household(streetId));
  await clerk.call('POST', `/v1/households/${fileId}/submit`);
  let reviewer = await apiAs(baseUrl, PEOPLE.streetReviewer);
  await reviewer.call('POST', `/v1/households/${fileId}/review`, {
    decision: 'pass',
    visit: { visitedOn: '2026-11-20', visitors: '孙审核、赵红梅', findings: '入户核实，情况属实' },
    opinion: '同意公示',
  });
  await root.advanceClock(8 * DAY);
  reviewer = await apiAs(baseUrl, PEOPLE.streetReviewer);
  await reviewer.call('POST', `/v1/households/${fileId}/finish-notice`);
  const approver = await apiAs(baseUrl, PEOPLE.approver);
  await approver.call('POST', `/v1/households/${fileId}/approve`, {
    decision: 'approve',
    grade: 'relative',
    opinion: '同意纳入帮扶',
  });

  // The worker's own account, opened from the file (its first password replaced: not this walk's point).
  const opener = await apiAs(baseUrl, PEOPLE.admin);
  await opener.call('POST', `/v1/households/${fileId}/worker-account`, {
    username: PEOPLE.worker.username,
    password: 'Initial2026x',
  });
  const worker = new Api(baseUrl);
  await worker.login(PEOPLE.worker.username, 'Initial2026x');
  await worker.call('POST', '/v1/auth/password', { currentPassword: 'Initial2026x', newPassword: PASSWORD });

  const finance = await apiAs(baseUrl, PEOPLE.finance);
  const fund = await finance.call<{ id: number }>('POST', '/v1/funds', {
    orgId: countyId,
    name: FUND,
    source: 'government',
    restrictedProgramme: 'living',
    year: 2027,
  });
  await finance.call('POST', `/v1/funds/${fund.id}/receipts`, { amountFen: 10_000_000, memo: '区财政拨付帮扶资金' });

  // Q1 2027 paid as usual: 1,575.00 元 (相对困难) to the old card.
  const countyClerk = await apiAs(baseUrl, PEOPLE.countyClerk);
  const q1 = await countyClerk.call<{ id: number }>('POST', '/v1/batches', {
    orgId: countyId,
    programme: 'living',
    period: '2027Q1',
    method: 'bank',
    fundId: fund.id,
  });
  await computed(countyClerk, q1.id);
  await countyClerk.call('POST', `/v1/batches/${q1.id}/submit`, {});
  await approver.call('POST', `/v1/batches/${q1.id}/decision`, { decision: 'approve', comment: '同意' });
  await finance.call('POST', `/v1/batches/${q1.id}/pay`, {});
  return { countyId, streetId, fileId, fundId: fund.id, q1BatchId: q1.id };
}
