import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv } from '../../test-support/env.js';
import { fileHousehold, generatedId, household } from '../../test-support/households.js';
import { moneyCounty, moneyDesk, waitComputed } from '../../test-support/money.js';
import { loserCodes, race, tally } from '../../test-support/race.js';

const N = 20;
const NEW_BANK = { bankName: '中国建设银行', branch: '韶关分行', cardNumber: '6217000000123457788' };

/**
 * A bank card change applies to every grant not yet paid whose batch has not gone to the bank; grants already
 * sent are listed for staff. Reviews and decisions fired 20 at once: one winner, one version.
 */
describe.each(testDialects)('change requests, grants and races on %s', (dialect) => {
  let env: TestEnv;
  let county: { id: number };
  let street: { id: number };
  let clerk: Client;
  let approver: Client;
  let finance: Client;
  let fundId: number;
  let stClerk: Client;
  let stReviewer: Client;
  let n = 0;

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    const m = await moneyCounty(env, 0);
    ({ county, street } = m);
    ({ clerk, approver, finance, fundId } = await moneyDesk(env, county.id, {
      name: '2027年生活救助专项',
      source: 'government',
      amountFen: 50_000_000,
      memo: '财政拨款',
    }));
    await finance.put('/api/v1/budgets', { orgId: county.id, programme: 'living', year: 2027, amountFen: 50_000_000 });
    await env.user('st-clerk', street.id, ['intake_clerk']);
    await env.user('st-reviewer', street.id, ['reviewer']);
    stClerk = await env.login('st-clerk');
    stReviewer = await env.login('st-reviewer');
  });
  afterAll(() => env.close());

  const file = (members: unknown[] = []) =>
    fileHousehold(
      env,
      household(street.id, {
        name: `职工${++n}`,
        idNumber: generatedId(5000 + n),
        incomes: { wagesFen: 3_240_000 },
        members,
      }),
      'relative',
    );
  const propose = async (id: number, over: (c: any) => any, kinds: string[]) => {
    const f = await stClerk.get(`/api/v1/households/${id}`);
    const v = await stClerk.get(`/api/v1/households/${id}/versions/${f.body.version}`);
    const r = await stClerk.post(`/api/v1/households/${id}/changes`, {
      baseVersion: f.body.version,
      kinds,
      reason: '变更',
      proposed: over(v.body.content),
    });
    expect(r.status, r.text).toBe(201);
    return r.body.id as number;
  };
  const batch = async (period: string) => {
    const c = await clerk.post('/api/v1/batches', {
      orgId: county.id,
      programme: 'living',
      period,
      method: 'bank',
      fundId,
    });
    expect(c.status, c.text).toBe(202);
    await waitComputed(clerk, c.body.id);
    return c.body.id as number;
  };
  const grantOf = async (batchId: number, householdId: number) => {
    const g = await clerk.get(`/api/v1/batches/${batchId}/grants?limit=200`);
    return g.body.items.find((x: { householdId: number }) => x.householdId === householdId);
  };
  const approve = async (batchId: number) => {
    expect((await clerk.post(`/api/v1/batches/${batchId}/submit`, {})).status).toBe(200);
    const d = await approver.post(`/api/v1/batches/${batchId}/decision`, { decision: 'approve' });
    expect(d.status, d.text).toBe(200);
  };

  it('a new card reaches the unpaid grants of batches not yet sent; a batch already at the bank is listed', async () => {
    const id = await file();
    const sent = await batch('2027Q1');
    await approve(sent);
    expect((await finance.post(`/api/v1/batches/${sent}/sent-to-bank`)).status).toBe(200);
    const open = await batch('2027Q2');
    const before = await grantOf(open, id);
    expect(before.bankMasked).toBe('中国工商银行 **** 3445');

    const changeId = await propose(id, (c) => ({ ...c, bank: NEW_BANK }), ['bank']);
    const r = await stReviewer.post(`/api/v1/households/changes/${changeId}/review`, {
      decision: 'approve',
      opinion: '银行卡复印件已核',
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body.status).toBe('approved');
    const sentGrant = await grantOf(sent, id);
    expect(r.body.result.bank).toEqual({
      updatedGrants: [before.id],
      alreadySent: [
        {
          grantId: sentGrant.id,
          batchNo: expect.any(String),
          programme: 'living',
          period: '2027Q1',
          amountFen: sentGrant.amountFen,
        },
      ],
    });
    expect(sentGrant.bankMasked).toBe('中国工商银行 **** 3445');
    expect((await grantOf(open, id)).bankMasked).toBe('中国建设银行 **** 7788');

    await approve(open);
    const csv = await finance.get(`/api/v1/batches/${open}/bank-file.csv`);
    expect(csv.status).toBe(200);
    const line = csv.text.split(/\r\n/).find((l) => l.startsWith(`${before.id},`));
    expect(line).toContain(NEW_BANK.cardNumber);
    expect(csv.text).not.toContain('6222020200112233445');
    const oldFile = await finance.get(`/api/v1/batches/${sent}/bank-file.csv`);
    expect(oldFile.text).toContain('6222020200112233445');
  });

  it('20 parallel reviews: one winner, one version; 20 parallel decisions of a grade change: one winner', async () => {
    const a = await file();
    const changeA = await propose(a, (c) => ({ ...c, phone: '13944445555' }), ['address_phone']);
    const reviews = await race(N, () =>
      stReviewer.post(`/api/v1/households/changes/${changeA}/review`, { decision: 'approve', opinion: '同意' }),
    );
    expect(reviews.filter((x) => x.status >= 500).map((x) => x.text)).toEqual([]);
    expect(tally(reviews)).toEqual({ 200: 1, 409: N - 1 });
    expect(loserCodes(reviews)).toEqual({ ARCHIVE_CHANGE_BAD_STATUS: N - 1 });
    const versions = await stClerk.get(`/api/v1/households/${a}/history`);
    expect(versions.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);

    const b = await file([
      { name: '配偶', relation: 'spouse', idNumber: generatedId(6001), maritalStatus: 'married' },
      { name: '子女', relation: 'child', maritalStatus: 'unmarried' },
    ]);
    const changeB = await propose(
      b,
      (c) => ({ ...c, members: [...c.members, { name: '小宝', relation: 'child', maritalStatus: 'unmarried' }] }),
      ['member_join'],
    );
    const rev = await stReviewer.post(`/api/v1/households/changes/${changeB}/review`, {
      decision: 'approve',
      opinion: '同意',
    });
    expect(rev.body.status).toBe('pending_upper');
    const decisions = await race(N, () =>
      approver.post(`/api/v1/households/changes/${changeB}/decide`, { decision: 'approve', opinion: '同意' }),
    );
    expect(decisions.filter((x) => x.status >= 500).map((x) => x.text)).toEqual([]);
    expect(tally(decisions)).toEqual({ 200: 1, 409: N - 1 });
    expect(loserCodes(decisions)).toEqual({ ARCHIVE_CHANGE_BAD_STATUS: N - 1 });
    const hb = await stClerk.get(`/api/v1/households/${b}/history`);
    expect(hb.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(hb.body.events.filter((e: { action: string }) => e.action === 'change_applied')).toHaveLength(1);
    expect((await stClerk.get(`/api/v1/households/${b}`)).body.grade).toBe('deep');
  });
});
