import { type HouseholdInput, HouseholdInputSchema } from '@bangfu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, type Res, TestEnv } from '../../test-support/env.js';
import { fileHousehold, generatedId, household } from '../../test-support/households.js';
import { loserCodes, race, tally } from '../../test-support/race.js';
import { createFile } from './archive.service.js';
import { finishNotice, reviewFile, submitFile } from './archive.workflow.js';

const N = 20;
const DAY = 86_400_000;
const visit = { visitedOn: '2026-11-20', visitors: '王海', findings: '情况属实' };

/**
 * Every step of a file, fired 20 times at once (issue 8 item 1): exactly one request wins, the other 19 get a
 * 409 with ARCHIVE_BAD_TRANSITION, and the file's history holds exactly one event of that step, one audit entry.
 */
describe.each(testDialects)('file steps under 20 parallel requests on %s', (dialect) => {
  let env: TestEnv;
  let county: { id: number };
  let street: { id: number };
  let streetB: { id: number };
  let clerk: Client;
  let reviewer: Client;
  let approver: Client;
  let n = 0;

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    ({ county, street } = await env.countyWithStreet());
    streetB = await env.org(county.id, '新华街道总工会', 'street');
    await env.user('clerk', street.id, ['intake_clerk']);
    await env.user('reviewer', county.id, ['reviewer']);
    await env.user('approver', county.id, ['approver']);
    await login();
  });
  afterAll(() => {
    env.ctx.clock.reset();
    return env.close();
  });

  async function login() {
    clerk = await env.login('clerk');
    reviewer = await env.login('reviewer');
    approver = await env.login('approver');
  }

  const input = (over: Record<string, unknown> = {}): HouseholdInput =>
    HouseholdInputSchema.parse(household(street.id, { idNumber: generatedId(++n), members: [], ...over }));
  const draft = async (over: Record<string, unknown> = {}) =>
    (await createFile(env.ctx, await env.system(), input(over))).id;
  const filed = (over: Record<string, unknown> = {}) =>
    fileHousehold(env, household(street.id, { idNumber: generatedId(++n), members: [], ...over }));

  const countEvents = async (id: number, action: string) =>
    Number(
      (
        await env.ctx.db
          .selectFrom('household_event')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('household_id', '=', id)
          .where('action', '=', action)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const countAudit = async (id: number, action: string) =>
    Number(
      (
        await env.ctx.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('entity_type', '=', 'household')
          .where('entity_id', '=', String(id))
          .where('action', '=', action)
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** Fire the step 20 times; one winner, 19 × 409 (ARCHIVE_BAD_TRANSITION unless named), one event and one audit entry. */
  async function once(id: number, action: string, fire: () => Promise<Res>, code = 'ARCHIVE_BAD_TRANSITION') {
    const results = await race(N, fire);
    const errors = results.filter((r) => r.status >= 500).map((r) => r.text);
    expect(errors).toEqual([]);
    expect(tally(results)).toEqual({ 200: 1, 409: N - 1 });
    expect(loserCodes(results)).toEqual({ [code]: N - 1 });
    expect(await countEvents(id, action)).toBe(1);
    expect(await countAudit(id, `archive.${action}`)).toBe(1);
    return results.find((r) => r.status === 200) as Res;
  }

  it('submit, review, objection, verify, finish-notice and approve: one winner each', async () => {
    const id = await draft();
    await once(id, 'submit', () => clerk.post(`/api/v1/households/${id}/submit`));
    await once(id, 'review_pass', () =>
      reviewer.post(`/api/v1/households/${id}/review`, { decision: 'pass', visit, opinion: '同意公示' }),
    );
    await once(id, 'objection', () => reviewer.post(`/api/v1/households/${id}/objection`, { reason: '有车' }));
    await once(id, 'renotice', () =>
      reviewer.post(`/api/v1/households/${id}/verify`, { decision: 'renotice', findings: '代步车' }),
    );
    env.ctx.clock.advance(8 * DAY);
    await login();
    await once(id, 'notice_passed', () => reviewer.post(`/api/v1/households/${id}/finish-notice`));
    const won = await once(id, 'approve', () =>
      approver.post(`/api/v1/households/${id}/approve`, { decision: 'approve', grade: 'relative', opinion: '同意' }),
    );
    expect(won.body.status).toBe('filed');
    env.ctx.clock.reset();
    await login();
  });

  it('the rejecting branches: review reject, objection upheld, approval reject', async () => {
    const a = await draft();
    await submitFile(env.ctx, await env.system(), a);
    await once(a, 'review_reject', () =>
      reviewer.post(`/api/v1/households/${a}/review`, { decision: 'reject', reason: '收入超标' }),
    );
    const b = await draft();
    await submitFile(env.ctx, await env.system(), b);
    await reviewFile(env.ctx, await env.system(), b, { decision: 'pass', visit, opinion: '同意' });
    await reviewer.post(`/api/v1/households/${b}/objection`, { reason: '有车' });
    await once(b, 'objection_upheld', () =>
      reviewer.post(`/api/v1/households/${b}/verify`, { decision: 'reject', reason: '属实' }),
    );
    const c = await draft();
    const sys = await env.system();
    await submitFile(env.ctx, sys, c);
    await reviewFile(env.ctx, sys, c, { decision: 'pass', visit, opinion: '同意' });
    env.ctx.clock.advance(8 * DAY);
    await finishNotice(env.ctx, sys, c);
    await login();
    await once(c, 'approval_reject', () =>
      approver.post(`/api/v1/households/${c}/approve`, { decision: 'reject', reason: '不符合条件' }),
    );
    env.ctx.clock.reset();
    await login();
  });

  it('解困, 脱困, 注销 and 转正: one winner each', async () => {
    const id = await filed();
    await once(id, 'relieve', () => approver.post(`/api/v1/households/${id}/relieve`, { reason: '低保' }));
    await once(id, 'exit', () => approver.post(`/api/v1/households/${id}/exit`, { reason: '脱困' }));
    const c = await filed();
    await once(c, 'cancel', () =>
      approver.post(`/api/v1/households/${c}/cancel`, { cause: 'death', reason: '本人病故' }),
    );
    const t = await filed({ kind: 'temporary' });
    const p = await once(t, 'promote', () => approver.post(`/api/v1/households/${t}/promote`, { reason: '转正' }));
    expect(p.body.kind).toBe('full');
  });

  it('a transfer moves the file once; the same review record is kept once', async () => {
    const id = await filed();
    const t = await once(
      id,
      'transfer',
      () => approver.post(`/api/v1/households/${id}/transfer`, { toOrgId: streetB.id, reason: '工作调动' }),
      'ARCHIVE_TRANSFER_SAME_ORG',
    );
    expect(t.body.orgId).toBe(streetB.id);
    const r = await filed();
    const today = env.ctx.clock.today();
    await once(
      r,
      'review_record',
      () => clerk.post(`/api/v1/households/${r}/reviews`, { method: 'phone', reviewedOn: today, findings: '无变化' }),
      'ARCHIVE_REVIEW_DUPLICATE',
    );
    // A different review (another method) is a new record, not a duplicate.
    const visitRecord = await clerk.post(`/api/v1/households/${r}/reviews`, {
      method: 'visit',
      reviewedOn: today,
      findings: '入户走访',
    });
    expect(visitRecord.status).toBe(200);
    expect(await countEvents(r, 'review_record')).toBe(2);
  });

  it('20 parallel income records of one month: no 500, one row, the others corrections', async () => {
    const id = await filed();
    const month = env.ctx.clock.today().slice(0, 7);
    const results = await race(N, (i) =>
      clerk.put(`/api/v1/households/${id}/incomes/${month}`, { householdIncomeFen: 100_000 + i }),
    );
    expect(results.filter((r) => r.status !== 200).map((r) => r.text)).toEqual([]);
    const rows = await env.ctx.db
      .selectFrom('household_income_month')
      .select(['month', 'household_income_fen'])
      .where('household_id', '=', id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(Number(rows[0]?.household_income_fen)).toBeGreaterThanOrEqual(100_000);
    expect(await countAudit(id, 'archive.income.record')).toBe(N);
  });
});
