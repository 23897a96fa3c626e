import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { listIds, ok, type ReviewWorld, reviewBody, reviewWorld, sessions } from '../../test-support/review.js';

const DAY = 86_400_000;

/**
 * 年度复核 over a city's subtree: every file in the archive enters the round once, the county and its streets
 * review them (once each), outcomes go where they belong (continue, change, proposals decided above, a step taken
 * at once by a reviewer who may), the city draws its 30 % sample and checks it, files filed later are added, the
 * sibling county sees only its own files, and a county moved under another city keeps its round files.
 */
describe.each(testDialects)('the yearly review on %s', (dialect) => {
  let w: ReviewWorld;
  let c: Awaited<ReturnType<typeof sessions>>;
  let roundId: number;
  let today: string;
  const id = (name: string) => w.files[name] as number;
  const url = (name: string, what: string) => `/api/v1/review-rounds/${roundId}/files/${id(name)}/${what}`;

  beforeAll(async () => {
    w = await reviewWorld(dialect);
    c = await sessions(w.env);
    today = w.env.ctx.clock.today();
  });
  afterAll(() => w.env.close());

  it('opens a round at the city: every filed or relieved file of its subtree once, drafts not', async () => {
    const opened = await c['shi.approver'].post('/api/v1/review-rounds', { orgId: w.orgs.city.id });
    expect(opened.status, opened.text).toBe(201);
    roundId = opened.body.id;
    const year = Number(today.slice(0, 4));
    expect(opened.body).toMatchObject({
      year,
      status: 'open',
      spotShareBp: 3000,
      dueOn: `${year}-12-31`,
      relation: 'own',
      progress: { files: 15, reviewed: 0, notReviewed: 15, sampled: 0 },
    });
    const all = await listIds(c['shi.approver'], roundId, 'all');
    const expected = Object.entries(w.files)
      .filter(([name]) => name !== '周草稿')
      .map(([, v]) => v)
      .sort((a, b) => a - b);
    expect(all).toEqual(expected);
    expect(all).not.toContain(id('周草稿'));

    const again = await c['shi.approver'].post('/api/v1/review-rounds', { orgId: w.orgs.city.id });
    expect(again.body.error.code).toBe('REVIEW_ROUND_EXISTS');
    const covered = await c['wj.approver'].post('/api/v1/review-rounds', {});
    expect(covered.body.error).toMatchObject({ code: 'REVIEW_ROUND_COVERED', details: { org: '韶关市总工会' } });
    expect((await c['wj.clerk'].post('/api/v1/review-rounds', {})).status).toBe(403);
    const badShare = await c['wj.approver'].post('/api/v1/review-rounds', { spotShareBp: 10_001 });
    expect(badShare.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('shows the county its part of the round, per street', async () => {
    const list = ok(await c['wj.clerk'].get('/api/v1/review-rounds'), 'list');
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: roundId, relation: 'above', orgName: '韶关市总工会', progress: expect.anything() }),
    ]);
    expect(list.body.items[0].progress.files).toBe(13);
    const board = ok(await c['wj.clerk'].get(`/api/v1/review-rounds/${roundId}`), 'board');
    expect(board.body.anchor).toEqual({ orgId: w.orgs.county.id, orgName: '武江区总工会' });
    expect(
      board.body.nodes.map((n: { orgName: string; kind: string; files: number }) => [n.orgName, n.kind, n.files]),
    ).toEqual([
      ['武江区总工会', 'self', 2],
      ['西河镇总工会', 'child', 6],
      ['新华街道总工会', 'child', 5],
    ]);
    expect(board.body.may).toEqual({ review: true, sample: false, close: false, refresh: true });
  });

  it('keeps a sibling union out of the county’s files', async () => {
    const mine = await listIds(c['zj.clerk'], roundId, 'all');
    expect(mine).toEqual([id('钱浈一'), id('钱浈二')].sort((a, b) => a - b));
    const theirs = await c['zj.clerk'].post(url('李西一', 'review'), reviewBody(today));
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.code).toBe('REVIEW_FILE_NOT_IN_ROUND');
    const files = await c['zj.clerk'].get(`/api/v1/review-rounds/${roundId}/files?orgId=${w.orgs.xihe.id}`);
    expect(files.body.error.code).toBe('ORG_NOT_FOUND');
  });

  it('reviews a file once: its review record moves the next review date on', async () => {
    const r = await c['xh.clerk'].post(url('李西一', 'review'), reviewBody(today));
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({
      name: '李西一',
      idMasked: expect.stringMatching(/\*/),
      review: { by: 'xh.clerk', method: 'phone', reviewedOn: today, outcome: 'continue', decision: null },
      staleReview: false,
    });
    const file = await c['xh.clerk'].get(`/api/v1/households/${id('李西一')}`);
    const [y, m, d] = today.split('-');
    expect(file.body.nextReviewDue).toBe(`${Number(y) + 1}-${m}-${d}`);
    const history = await c['xh.clerk'].get(`/api/v1/households/${id('李西一')}/history`);
    expect(history.body.events.at(-1)).toMatchObject({
      action: 'review_record',
      data: { method: 'phone', reviewedOn: today, roundId, outcome: 'continue' },
    });
    const twice = await c['wj.clerk'].post(url('李西一', 'review'), reviewBody(today, { method: 'visit' }));
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({ code: 'REVIEW_ALREADY_DONE', details: { by: 'xh.clerk' } });
    const future = await c['xh.clerk'].post(url('李西二', 'review'), reviewBody(`${Number(y) + 1}-01-01`));
    expect(future.body.error.code).toBe('REVIEW_DATE_INVALID');
    const board = await c['wj.clerk'].get(`/api/v1/review-rounds/${roundId}`);
    expect(board.body.progress).toMatchObject({ files: 13, reviewed: 1, notReviewed: 12 });
    expect(board.body.nodes[1]).toMatchObject({ orgName: '西河镇总工会', reviewed: 1, notReviewed: 5 });
  });

  it('sends outcomes where they belong: proposals up, changes to their list, steps taken by who may', async () => {
    const exit = await c['xh.clerk'].post(
      url('李西二', 'review'),
      reviewBody(today, { outcome: 'exit', reason: '已再就业' }),
    );
    expect(exit.body.review).toMatchObject({ outcome: 'exit', decision: null });
    expect(await listIds(c['wj.approver'], roundId, 'needs_step')).toEqual([id('李西二')]);
    const own = await c['xh.approver'].post(url('李西二', 'decision'), { decision: 'take', reason: '同意' });
    expect(own.body.error.code).toBe('REVIEW_DECIDER_NOT_UPPER');
    const take = await c['wj.approver'].post(url('李西二', 'decision'), { decision: 'take', reason: '同意脱困' });
    expect(take.status, take.text).toBe(200);
    expect(take.body).toMatchObject({ status: 'exited', review: { decision: 'taken', decidedBy: 'wj.approver' } });
    expect(
      (await c['wj.approver'].post(url('李西二', 'decision'), { decision: 'take', reason: 'x' })).body.error.code,
    ).toBe('REVIEW_OUTCOME_DECIDED');
    expect(await listIds(c['wj.approver'], roundId, 'needs_step')).toEqual([]);

    await c['xh.clerk'].post(url('李西三', 'review'), reviewBody(today, { outcome: 'change', reason: '家庭人口变化' }));
    expect(await listIds(c['wj.clerk'], roundId, 'needs_change')).toEqual([id('李西三')]);

    const relieveAgain = await c['wj.clerk'].post(
      url('孙解困', 'review'),
      reviewBody(today, { outcome: 'relieve', reason: 'x' }),
    );
    expect(relieveAgain.body.error.code).toBe('REVIEW_OUTCOME_NOT_POSSIBLE');
    const noReason = await c['wj.clerk'].post(url('孙解困', 'review'), reviewBody(today, { outcome: 'exit' }));
    expect(noReason.body.error.code).toBe('VALIDATION_FAILED');

    // A reviewer who also approves, at a node above the file: the 解困 is taken with the review.
    const both = await c['wj.both'].post(
      url('赵新一', 'review'),
      reviewBody(today, { outcome: 'relieve', reason: '低保兜底' }),
    );
    expect(both.body).toMatchObject({ status: 'relieved', review: { outcome: 'relieve', decision: 'taken' } });

    await c['xh.clerk'].post(
      url('李西四', 'review'),
      reviewBody(today, { outcome: 'cancel', reason: '迁出本市', cancelCause: 'moved_away' }),
    );
    expect(await listIds(c['wj.approver'], roundId, 'needs_step')).toEqual([id('李西四')]);
    const decline = await c['wj.approver'].post(url('李西四', 'decision'), {
      decision: 'decline',
      reason: '仍在本市居住',
    });
    expect(decline.body).toMatchObject({ status: 'filed', review: { decision: 'declined' } });
    const history = await c['xh.clerk'].get(`/api/v1/households/${id('李西四')}/history`);
    expect(history.body.events.at(-1)).toMatchObject({ action: 'review_outcome_declined', note: '仍在本市居住' });
    const board = await c['wj.approver'].get(`/api/v1/review-rounds/${roundId}`);
    expect(board.body.progress).toMatchObject({ reviewed: 5, needsChange: 1, needsStep: 0 });

    // The change the review asked for is proposed (变更申请): the file leaves the "needs change" list.
    const fileId = id('李西三');
    const file = ok(await c['xh.clerk'].get(`/api/v1/households/${fileId}`), 'file');
    const current = ok(await c['xh.clerk'].get(`/api/v1/households/${fileId}/versions/${file.body.version}`), 'v');
    ok(
      await c['xh.clerk'].post(`/api/v1/households/${fileId}/changes`, {
        baseVersion: file.body.version,
        kinds: ['member_join'],
        reason: '年度复核发现家庭人口变化',
        proposed: {
          ...current.body.content,
          members: [...current.body.content.members, { name: '李小宝', relation: 'child', monthlyIncomeFen: 0 }],
        },
      }),
      'change',
    );
    expect(await listIds(c['wj.clerk'], roundId, 'needs_change')).toEqual([]);
    const after = await c['wj.approver'].get(`/api/v1/review-rounds/${roundId}`);
    expect(after.body.progress).toMatchObject({ needsChange: 0 });
  });

  it('draws 30 % of the reviewed files for the city, never twice, and records the checks', async () => {
    for (const n of ['李西五', '李西六']) ok(await c['xh.clerk'].post(url(n, 'review'), reviewBody(today)), n);
    for (const n of ['赵新二', '赵新三', '赵新四'])
      ok(await c['wj.clerk'].post(url(n, 'review'), reviewBody(today)), n);
    const first = ok(await c['shi.approver'].post(`/api/v1/review-rounds/${roundId}/sample`), 'draw');
    expect(first.body).toMatchObject({ drawn: 3, eligible: 10, sampled: 3 });
    const sampled = await listIds(c['shi.approver'], roundId, 'sampled');
    expect(sampled).toEqual([...first.body.householdIds].sort((a: number, b: number) => a - b));
    const second = ok(await c['shi.approver'].post(`/api/v1/review-rounds/${roundId}/sample`), 'again');
    expect(second.body).toMatchObject({ drawn: 0, eligible: 10, sampled: 3 });
    expect(await listIds(c['shi.approver'], roundId, 'sampled')).toEqual(sampled);

    ok(await c['wj.clerk'].post(url('王县一', 'review'), reviewBody(today)), '王县一');
    const third = ok(await c['shi.approver'].post(`/api/v1/review-rounds/${roundId}/sample`), 'top up');
    expect(third.body).toMatchObject({ drawn: 1, eligible: 11, sampled: 4 });
    const after = await listIds(c['shi.approver'], roundId, 'sampled');
    expect(after).toHaveLength(4);
    expect(after).toEqual(expect.arrayContaining(sampled));

    const [a, b] = after as [number, number];
    const check = (hh: number, body: unknown) =>
      c['shi.approver'].post(`/api/v1/review-rounds/${roundId}/files/${hh}/spot-check`, body);
    expect((await check(a, { result: 'confirmed' })).body.spot).toMatchObject({
      result: 'confirmed',
      checkedBy: 'shi.approver',
    });
    expect((await check(a, { result: 'discrepancy', note: 'x' })).body.error.code).toBe('REVIEW_SPOT_DONE');
    expect((await check(b, { result: 'discrepancy' })).body.error.code).toBe('VALIDATION_FAILED');
    ok(await check(b, { result: 'discrepancy', note: '实际家庭收入高于登记' }), 'discrepancy');
    expect(await listIds(c['shi.approver'], roundId, 'discrepancy')).toEqual([b]);
    const notDrawn = (await listIds(c['shi.approver'], roundId, 'reviewed')).find((x) => !after.includes(x)) as number;
    expect((await check(notDrawn, { result: 'confirmed' })).body.error.code).toBe('REVIEW_SPOT_NOT_SAMPLED');
    const board = await c['shi.approver'].get(`/api/v1/review-rounds/${roundId}`);
    expect(board.body.progress).toMatchObject({ reviewed: 11, sampled: 4, checked: 2, discrepancies: 1 });
  });

  it('flags files filed over a year ago and not reviewed since', async () => {
    const longAgo = new Date(w.env.ctx.clock.now().getTime() - 400 * DAY).toISOString();
    await w.env.ctx.db
      .updateTable('household')
      .set({ filed_at: longAgo, created_at: longAgo, last_reviewed_at: longAgo })
      .where('id', '=', id('王县二'))
      .execute();
    expect(await listIds(c['wj.clerk'], roundId, 'stale')).toEqual([id('王县二')]);
    const open = await c['wj.clerk'].get(`/api/v1/review-rounds/${roundId}/files?state=not_reviewed&limit=200`);
    const flags = open.body.items.map((i: { name: string; staleReview: boolean }) => [i.name, i.staleReview]);
    expect(flags.filter(([, s]: [string, boolean]) => s)).toEqual([['王县二', true]]);
    expect((await c['wj.clerk'].get(`/api/v1/review-rounds/${roundId}`)).body.progress.stale).toBe(1);
  });

  it('adds files filed after the round opened, once', async () => {
    const late = await w.fileLater(w.orgs.xihe.id, '李西七');
    expect((await c['xh.clerk'].post(url('李西七', 'review'), reviewBody(today))).body.error.code).toBe(
      'REVIEW_FILE_NOT_IN_ROUND',
    );
    expect((await c['xh.clerk'].post(`/api/v1/review-rounds/${roundId}/refresh`)).body).toEqual({ added: 1 });
    expect((await c['xh.clerk'].post(`/api/v1/review-rounds/${roundId}/refresh`)).body).toEqual({ added: 0 });
    expect(await listIds(c['xh.clerk'], roundId, 'not_reviewed')).toContain(late);
  });

  it('a file transferred to the sibling county takes its place in the round along', async () => {
    ok(
      await c['shi.approver'].post(`/api/v1/households/${id('孙解困')}/transfer`, {
        toOrgId: w.orgs.sibling.id,
        reason: '职工迁居浈江区',
      }),
      'transfer',
    );
    expect(await listIds(c['zj.clerk'], roundId, 'not_reviewed')).toContain(id('孙解困'));
    expect(await listIds(c['wj.clerk'], roundId, 'all')).not.toContain(id('孙解困'));
    expect((await c['wj.clerk'].post(url('孙解困', 'review'), reviewBody(today))).status).toBe(404);
  });

  it('a county moved under another city keeps its round files, and its clerk keeps reviewing them', async () => {
    const admin = await w.env.loginAdmin();
    ok(await admin.post(`/api/v1/orgs/${w.orgs.county.id}/move`, { newParentId: w.orgs.otherCity.id }), 'move');
    c = await sessions(w.env);
    const list = ok(await c['wj.clerk'].get('/api/v1/review-rounds'), 'list');
    expect(list.body.items).toEqual([expect.objectContaining({ id: roundId, relation: 'elsewhere' })]);
    expect(list.body.items[0].progress).toMatchObject({ files: 13, reviewed: 11 });
    expect(await listIds(c['wj.clerk'], roundId, 'not_reviewed')).toEqual(
      [id('王县二'), id('李西七')].sort((a, b) => a - b),
    );
    ok(await c['wj.clerk'].post(url('王县二', 'review'), reviewBody(today)), 'review after move');
    const board = ok(await c['wj.clerk'].get(`/api/v1/review-rounds/${roundId}`), 'board');
    expect(board.body.anchor.orgName).toBe('武江区总工会');
    expect(board.body.nodes[0]).toMatchObject({ kind: 'self', files: 2, reviewed: 2 });
    // The old city no longer sees them; the province sees them as moved away from the round's city.
    expect((await listIds(c['shi.approver'], roundId, 'all')).length).toBe(3);
    const province = ok(await c['sheng.admin'].get(`/api/v1/review-rounds/${roundId}`), 'province');
    const moved = province.body.nodes.filter((n: { kind: string }) => n.kind === 'moved');
    expect(moved.reduce((s: number, n: { files: number }) => s + n.files, 0)).toBe(13);
    expect((await c['zj.clerk'].post(url('王县二', 'review'), reviewBody(today))).status).toBe(404);
  });

  it('closes the round: no more reviews or draws, checks of drawn files go on', async () => {
    expect((await c['wj.approver'].post(`/api/v1/review-rounds/${roundId}/close`)).status).toBe(404);
    const closed = ok(await c['shi.approver'].post(`/api/v1/review-rounds/${roundId}/close`), 'close');
    expect(closed.body).toMatchObject({ status: 'closed', closedBy: 'shi.approver' });
    const late = await c['xh.clerk'].post(url('李西七', 'review'), reviewBody(today));
    expect(late.body.error.code).toBe('REVIEW_ROUND_CLOSED');
    expect((await c['shi.approver'].post(`/api/v1/review-rounds/${roundId}/sample`)).body.error.code).toBe(
      'REVIEW_ROUND_CLOSED',
    );
    expect((await c['shi.approver'].post(`/api/v1/review-rounds/${roundId}/close`)).body.error.code).toBe(
      'REVIEW_ROUND_CLOSED',
    );
    const audit = await w.env.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'review.%')
      .execute();
    expect(new Set(audit.map((a) => a.action))).toEqual(
      new Set([
        'review.round_open',
        'review.file_review',
        'review.outcome_decision',
        'review.sample',
        'review.spot_check',
        'review.round_refresh',
        'review.round_close',
      ]),
    );
  });
});
