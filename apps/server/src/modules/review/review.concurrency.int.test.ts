import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { loserCodes, race, tally } from '../../test-support/race.js';
import { listIds, ok, type ReviewWorld, reviewBody, reviewWorld, sessions } from '../../test-support/review.js';

const DAY = 86_400_000;
const N = 20;

/**
 * The review's transitions under parallel requests (one winner, the others 409 with a stable code, one event and
 * one audit entry), the independence of spot checks (never by the reviewer, only from above the file's node),
 * and the overdue list once the due date has passed.
 */
describe.each(testDialects)('the yearly review under load and its checks on %s', (dialect) => {
  let w: ReviewWorld;
  let c: Awaited<ReturnType<typeof sessions>>;
  let today: string;
  let roundId: number;
  const id = (name: string) => w.files[name] as number;
  const url = (round: number, name: string, what: string) => `/api/v1/review-rounds/${round}/files/${id(name)}/${what}`;
  const count = async (table: 'household_event' | 'audit_log', action: string, hh: number) => {
    const r =
      table === 'household_event'
        ? await w.env.ctx.db
            .selectFrom('household_event')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('household_id', '=', hh)
            .where('action', '=', action)
            .executeTakeFirstOrThrow()
        : await w.env.ctx.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('entity_id', '=', String(hh))
            .where('action', '=', action)
            .executeTakeFirstOrThrow();
    return Number(r.n);
  };

  beforeAll(async () => {
    w = await reviewWorld(dialect, { county: 1, xihe: 12, xinhua: 0, sibling: 0 });
    c = await sessions(w.env);
    today = w.env.ctx.clock.today();
  });
  afterAll(() => {
    w.env.ctx.clock.reset();
    return w.env.close();
  });

  it('opens one round of a node and year out of five at once', async () => {
    const results = await race(5, () => c['wj.approver'].post('/api/v1/review-rounds', { orgId: w.orgs.county.id }));
    expect(tally(results)).toEqual({ 201: 1, 409: 4 });
    expect(loserCodes(results)).toEqual({ REVIEW_ROUND_EXISTS: 4 });
    roundId = (results.find((r) => r.status === 201)?.body as { id: number } | undefined)?.id ?? 0;
    expect((await c['wj.approver'].get(`/api/v1/review-rounds/${roundId}`)).body.progress.files).toBe(14);
  });

  it(`reviews a file once out of ${N} parallel reviews`, async () => {
    const results = await race(N, (i) =>
      c['xh.clerk'].post(url(roundId, '李西一', 'review'), reviewBody(today, { findings: `第${i}次回访` })),
    );
    expect(tally(results)).toEqual({ 200: 1, 409: N - 1 });
    expect(loserCodes(results)).toEqual({ REVIEW_ALREADY_DONE: N - 1 });
    expect(await count('household_event', 'review_record', id('李西一'))).toBe(1);
    expect(await count('audit_log', 'review.file_review', id('李西一'))).toBe(1);
  });

  it('draws the share exactly once out of ten parallel draws, and checks a file once', async () => {
    for (const n of [
      '李西二',
      '李西三',
      '李西四',
      '李西五',
      '李西六',
      '李西七',
      '李西八',
      '李西九',
      '李西十',
      '李西十一',
    ])
      ok(await c['xh.clerk'].post(url(roundId, n, 'review'), reviewBody(today)), n);
    const draws = await race(10, () => c['wj.approver'].post(`/api/v1/review-rounds/${roundId}/sample`));
    expect(tally(draws)).toEqual({ 200: 10 });
    // 11 reviewed below the county: ceil(30 % × 11) = 4, however the draws interleave.
    expect(draws.reduce((s, r) => s + (r.body as { drawn: number }).drawn, 0)).toBe(4);
    const sampled = await listIds(c['wj.approver'], roundId, 'sampled');
    expect(sampled).toHaveLength(4);
    const hh = sampled[0] as number;
    const checks = await race(10, (i) =>
      c['wj.approver'].post(`/api/v1/review-rounds/${roundId}/files/${hh}/spot-check`, {
        result: i % 2 ? 'confirmed' : 'discrepancy',
        note: `第${i}次抽查`,
      }),
    );
    expect(tally(checks)).toEqual({ 200: 1, 409: 9 });
    expect(loserCodes(checks)).toEqual({ REVIEW_SPOT_DONE: 9 });
    expect(await count('household_event', 'review_spot_check', hh)).toBe(1);
  });

  it('takes a proposed 脱困 once out of ten parallel decisions', async () => {
    ok(
      await c['xh.clerk'].post(
        url(roundId, '李西十二', 'review'),
        reviewBody(today, { outcome: 'exit', reason: '再就业' }),
      ),
      'propose',
    );
    const results = await race(10, () =>
      c['wj.approver'].post(url(roundId, '李西十二', 'decision'), { decision: 'take', reason: '同意脱困' }),
    );
    expect(tally(results)).toEqual({ 200: 1, 409: 9 });
    expect(loserCodes(results)).toEqual({ REVIEW_OUTCOME_DECIDED: 9 });
    expect(await count('household_event', 'exit', id('李西十二'))).toBe(1);
  });

  it('never lets the reviewer check their own review, and only a node above the file checks it', async () => {
    // Last year's review, opened late at the county with a 100 % share and due today.
    const year = Number(today.slice(0, 4)) - 1;
    const opened = ok(
      await c['wj.both'].post('/api/v1/review-rounds', { orgId: w.orgs.county.id, year, spotShareBp: 10_000 }),
      'open last year',
    );
    const last = opened.body.id as number;
    expect(opened.body.dueOn).toBe(today);
    ok(await c['wj.both'].post(url(last, '李西一', 'review'), reviewBody(today)), 'both reviews');
    ok(await c['xh.clerk'].post(url(last, '李西二', 'review'), reviewBody(today)), 'street reviews');
    ok(await c['wj.clerk'].post(url(last, '王县一', 'review'), reviewBody(today)), 'county reviews');
    // The county's draw: only the street's review of another reviewer (its own node's files are checked from above).
    const mine = ok(await c['wj.both'].post(`/api/v1/review-rounds/${last}/sample`), 'county draw');
    expect(mine.body).toMatchObject({ drawn: 1, eligible: 1, householdIds: [id('李西二')] });
    const city = ok(await c['shi.approver'].post(`/api/v1/review-rounds/${last}/sample`), 'city draw');
    expect(city.body).toMatchObject({ drawn: 2, eligible: 3, sampled: 3 });
    const check = (who: keyof typeof c, name: string) =>
      c[who].post(url(last, name, 'spot-check'), { result: 'confirmed' });
    expect((await check('wj.both', '李西一')).body.error.code).toBe('REVIEW_SPOT_OWN_REVIEW');
    expect((await check('wj.approver', '王县一')).body.error.code).toBe('REVIEW_SPOT_NOT_UPPER');
    expect((await check('xh.approver', '李西二')).body.error.code).toBe('REVIEW_SPOT_NOT_UPPER');
    expect((await check('xh.clerk', '李西二')).status).toBe(403);
    expect((await check('wj.approver', '李西一')).status).toBe(200);
    expect((await check('shi.approver', '王县一')).status).toBe(200);
  });

  it('lists the files not reviewed once the due date has passed as overdue', async () => {
    const year = Number(today.slice(0, 4)) - 1;
    const rounds = (await c['wj.clerk'].get(`/api/v1/review-rounds?year=${year}`)).body.items;
    const last = rounds[0].id as number;
    expect(rounds[0].overdue).toBe(false);
    expect(await listIds(c['wj.clerk'], last, 'overdue')).toEqual([]);
    w.env.ctx.clock.advance(DAY + 60_000);
    c = await sessions(w.env);
    const after = (await c['wj.clerk'].get(`/api/v1/review-rounds?year=${year}`)).body.items[0];
    // 13 files in last year's round (李西十二 had left the archive when it opened): 3 reviewed, 10 overdue.
    expect(after).toMatchObject({ overdue: true, progress: { files: 13, reviewed: 3, overdue: 10, left: 0 } });
    const overdue = await listIds(c['wj.clerk'], last, 'overdue');
    expect(overdue).toHaveLength(10);
    expect(overdue).not.toContain(id('李西一'));
    expect(overdue).not.toContain(id('李西十二'));
    const page = await c['wj.clerk'].get(`/api/v1/review-rounds/${last}/files?state=overdue&limit=1`);
    expect(page.body).toMatchObject({ total: 10, items: [expect.objectContaining({ overdue: true })] });
  });
});
