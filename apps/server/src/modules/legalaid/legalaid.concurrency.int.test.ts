import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { TestEnv } from '../../test-support/env.js';
import { application, lawyer, legalWorld, must } from '../../test-support/legalaid.js';
import { loserCodes, race, tally } from '../../test-support/race.js';

const N = 12;

/**
 * Every transition of an application, fired 12 times at once by several people: exactly one wins, the others get
 * a 409 with a stable code, and the history and the audit trail hold exactly one entry of that step.
 */
describe.each(testDialects)('legal aid under %s parallel requests', (dialect) => {
  let env: TestEnv;
  let w: Awaited<ReturnType<typeof legalWorld>>;
  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    w = await legalWorld(env);
  });
  afterAll(() => env.close());

  const entries = async (id: number, action: string) => {
    const history = await env.ctx.db
      .selectFrom('legal_aid_step')
      .select('id')
      .where('application_id', '=', id)
      .where('entry', '=', 'history')
      .where('action', '=', action)
      .execute();
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select('id')
      .where('entity_type', '=', 'legal_aid_application')
      .where('entity_id', '=', String(id))
      .where('action', '=', `legal_aid.${action}`)
      .execute();
    return { history: history.length, audit: audit.length };
  };

  it('decision, a step result, the agreement and closing: one winner each; reassignments queue, none lost', async () => {
    const deciders = [w.c['shi.leader']!, w.c['shi.leader2']!];
    const officers = [w.c['shi.legal']!, w.c['shi.both']!];
    const l = must(await w.c['shi.legal']!.post('/api/v1/legal-lawyers', lawyer(w.city.id)), 201);
    const a = must(await w.c['shi.legal']!.post('/api/v1/legal-aid', application()), 201);
    const url = `/api/v1/legal-aid/${a.id}`;

    // Two members of the group, twelve decisions at once: one stands, with its opinion.
    const decided = await race(N, (i) =>
      (deciders[i % 2] as (typeof deciders)[number]).post(`${url}/decision`, {
        approve: true,
        caseKind: 'mediation',
        opinion: `意见${i}`,
      }),
    );
    expect(tally(decided)).toEqual({ 200: 1, 409: N - 1 });
    expect(loserCodes(decided)).toEqual({ LEGAL_AID_BAD_STATUS: N - 1 });
    expect(await entries(a.id, 'decide')).toEqual({ history: 1, audit: 1 });
    const after = must(await w.c['shi.legal']!.get(url));
    expect(after.status).toBe('approved');
    expect(after.decision.opinion).toMatch(/^意见\d+$/);

    // First assignment: from approved, one wins; the others see it assigned and reassign — serialised, each from
    // the version it read, so every one of them is recorded in order, none lost.
    const assigned = await race(N, (i) =>
      (officers[i % 2] as (typeof officers)[number]).post(`${url}/assign`, { lawyerId: l.id, note: `指派${i}` }),
    );
    expect(tally(assigned)[200]).toBeGreaterThanOrEqual(1);
    const wins = assigned.filter((r) => r.status === 200).length;
    expect(loserCodes(assigned)).toEqual(wins === N ? {} : { LEGAL_AID_BAD_STATUS: N - wins });
    expect(await entries(a.id, 'assign')).toEqual({ history: wins, audit: wins });
    const versions = assigned.filter((r) => r.status === 200).map((r) => r.body.version as number);
    expect(new Set(versions).size).toBe(wins);

    must(await officers[0]!.put(`${url}/mediation`, { employer: '某电子厂', mediator: '调解员' }));
    const today = env.ctx.clock.today();
    const step = must(
      await officers[0]!.post(`${url}/steps`, { stepOn: today, kind: 'mediation_session', what: '调解' }),
    );
    const results = await race(N, (i) =>
      (officers[i % 2] as (typeof officers)[number]).post(`${url}/steps/${step.stepId}/result`, { result: `结果${i}` }),
    );
    expect(tally(results)).toEqual({ 200: 1, 409: N - 1 });
    expect(Object.keys(loserCodes(results)).every((c) => /^LEGAL_AID_(STEP_HAS_RESULT|BAD_STATUS)$/.test(c))).toBe(
      true,
    );
    expect(await entries(a.id, 'step_result')).toEqual({ history: 1, audit: 1 });

    const agreed = await race(N, (i) =>
      (officers[i % 2] as (typeof officers)[number]).post(`${url}/agreement`, {
        terms: `协议${i}`,
        amountFen: 1000 * (i + 1),
        signedOn: today,
      }),
    );
    expect(tally(agreed)).toEqual({ 200: 1, 409: N - 1 });
    expect(Object.keys(loserCodes(agreed)).every((c) => /^LEGAL_AID_(AGREEMENT_RECORDED|BAD_STATUS)$/.test(c))).toBe(
      true,
    );
    expect(await entries(a.id, 'agreement')).toEqual({ history: 1, audit: 1 });

    const closed = await race(N, (i) =>
      (officers[i % 2] as (typeof officers)[number]).post(`${url}/close`, {
        outcome: 'mediated',
        note: `结案${i}`,
        recoveredFen: 100 * i,
      }),
    );
    expect(tally(closed)).toEqual({ 200: 1, 409: N - 1 });
    expect(loserCodes(closed)).toEqual({ LEGAL_AID_BAD_STATUS: N - 1 });
    expect(await entries(a.id, 'close')).toEqual({ history: 1, audit: 1 });
    const final = must(await w.c['shi.legal']!.get(url));
    const closer = closed.find((r) => r.status === 200);
    expect(final.version).toBe(closer?.body.version);
  });
});
