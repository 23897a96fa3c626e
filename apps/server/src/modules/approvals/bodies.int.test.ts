import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv } from '../../test-support/env.js';
import { moneyCounty, waitComputed } from '../../test-support/money.js';
import { loserCodes, race, tally } from '../../test-support/race.js';

const yuan = (y: number) => y * 100;
type Vote = 'approve' | 'reject' | 'abstain';

/**
 * The approval bodies of seed 000 第三篇 第二十六条(三) at a county: below 500 元 the group leader signs, 500–1,000
 * the leading group decides collectively, above 1,000 the centre committee; a collective decision needs its
 * meeting and quorum; whoever proposed stands aside; finance may refuse a payment back to the approvers.
 */
describe.each(testDialects)('approval bodies on %s', (dialect) => {
  let env: TestEnv;
  let m: Awaited<ReturnType<typeof moneyCounty>>;
  let today: string;
  const c: Record<string, Client> = {};
  const id: Record<string, number> = {};
  let period = 0;

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    m = await moneyCounty(env, 4);
    today = env.ctx.clock.today();
    const people: [string, ('approver' | 'intake_clerk' | 'finance')[]][] = [
      ['clerk', ['intake_clerk']],
      ['zhang', ['approver']],
      ['li', ['approver']],
      ['wang', ['approver']],
      ['chen', ['approver', 'intake_clerk']],
      ['outsider', ['approver']],
      ['fin', ['finance']],
    ];
    for (const [name, roles] of people) {
      id[name] = (await env.user(name, m.county.id, roles)).id;
      c[name] = await env.login(name);
    }
    const r = await m.admin.post('/api/v1/programmes/rules', {
      orgId: m.county.id,
      templateId: 'seed004.p1.medical',
      effectiveFrom: '2020-01-01',
      params: {},
    });
    expect(r.status, r.text).toBe(201);
  });
  afterAll(() => env.close());

  /** A medical application for the 深度 household of `yuanAmount` (100 % of the self-paid cost), its own period. */
  async function apply(by: Client, yuanAmount: number) {
    const a = await by.post('/api/v1/applications', {
      householdId: m.ids[0],
      templateId: 'seed004.p1.medical',
      inputs: { compliantSelfPaidFen: yuan(yuanAmount) },
      period: `2026-P${++period}`,
    });
    expect(a.status, a.text).toBe(201);
    expect(a.body.amountFen).toBe(yuan(yuanAmount));
    return a.body as { id: number; requiredLevel: string };
  }
  const meeting = (number: string, votes: [string, Vote][], heldOn = today) => ({
    number,
    heldOn,
    votes: votes.map(([who, vote]) => ({ userId: id[who], vote, opinion: vote === 'reject' ? '材料不全' : undefined })),
  });
  async function body(kind: string, name: string, roster: [string, 'chair' | 'member'][]) {
    const b = await m.admin.post('/api/v1/approval-bodies', { orgId: m.county.id, kind, name });
    expect(b.status, b.text).toBe(201);
    for (const [who, role] of roster) {
      const r = await m.admin.post(`/api/v1/approval-bodies/${b.body.id}/members`, {
        userId: id[who],
        role,
        fromDate: '2026-01-01',
      });
      expect(r.status, r.text).toBe(201);
    }
    return b.body.id as number;
  }
  const decide = (who: string, appId: number, over: object = {}) =>
    (c[who] as Client).post(`/api/v1/applications/${appId}/decision`, { decision: 'approve', ...over });
  const codeOf = (r: { body: { error?: { code: string } } }) => r.body.error?.code;

  it('rosters are kept by the node administrator, never by a member for themselves; one chair at a time', async () => {
    const own = await (c.zhang as Client).post('/api/v1/approval-bodies', {
      orgId: m.county.id,
      kind: 'committee',
      name: '自设委员会',
    });
    expect(own.status).toBe(403);
    expect(codeOf(own)).toBe('FORBIDDEN');
    const leaderId = await body('groupLeader', '困难帮扶领导组组长', [['zhang', 'chair']]);
    const twoChairs = await m.admin.post(`/api/v1/approval-bodies/${leaderId}/members`, {
      userId: id.li,
      role: 'chair',
      fromDate: '2026-06-01',
    });
    expect(twoChairs.status).toBe(409);
    expect(codeOf(twoChairs)).toBe('APPROVAL_CHAIR_OVERLAP');
    const clerkOn = await m.admin.post(`/api/v1/approval-bodies/${leaderId}/members`, {
      userId: id.clerk,
      role: 'member',
      fromDate: '2026-01-01',
    });
    expect(codeOf(clerkOn)).toBe('APPROVAL_MEMBER_NOT_APPROVER');
    const admin = await env.ctx.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'county-admin')
      .executeTakeFirstOrThrow();
    const self = await m.admin.post(`/api/v1/approval-bodies/${leaderId}/members`, {
      userId: Number(admin.id),
      role: 'member',
      fromDate: '2026-01-01',
    });
    expect(codeOf(self)).toBe('APPROVAL_MEMBER_SELF');
    const list = await (c.li as Client).get(`/api/v1/approval-bodies?orgId=${m.county.id}`);
    expect(list.status, list.text).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        kind: 'groupLeader',
        chairRequired: true,
        presentBp: 5000,
        members: [expect.objectContaining({ name: 'zhang', role: 'chair', fromDate: '2026-01-01', toDate: null })],
      }),
    ]);
  });

  it('below 500 元 the group leader signs: the leader body’s chair, nobody else, and no meeting', async () => {
    const a = await apply(c.clerk as Client, 300);
    expect(a.requiredLevel).toBe('groupLeader');
    const li = await decide('li', a.id);
    expect(li.status).toBe(403);
    expect(li.body.error).toMatchObject({ code: 'APPROVAL_NOT_CHAIR', message: expect.stringContaining('zhang') });
    const withMeeting = await decide('zhang', a.id, { meeting: meeting('1', [['zhang', 'approve']]) });
    expect(codeOf(withMeeting)).toBe('APPROVAL_MEETING_NOT_NEEDED');
    const ok = await decide('zhang', a.id, { comment: '同意' });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.status).toBe('approved');
  });

  it('a 800 元 grant needs the leading group’s quorum: the chair and a majority present, a majority approving', async () => {
    await body('leadingGroup', '困难帮扶领导组', [
      ['zhang', 'chair'],
      ['li', 'member'],
      ['wang', 'member'],
      ['chen', 'member'],
    ]);
    const a = await apply(c.clerk as Client, 800);
    expect(a.requiredLevel).toBe('leadingGroup');

    // One approver alone no longer decides it; an approver outside the group cannot record its decision.
    expect(codeOf(await decide('li', a.id))).toBe('APPROVAL_MEETING_REQUIRED');
    const outsider = await decide('outsider', a.id, { meeting: meeting('2026-7', [['outsider', 'approve']]) });
    expect(outsider.status).toBe(403);
    expect(codeOf(outsider)).toBe('APPROVAL_NOT_BODY_MEMBER');
    // The chair absent; too few present (2 of 4: more than half is 3); too few in favour.
    const noChair = await decide('li', a.id, {
      meeting: meeting('2026-7', [
        ['li', 'approve'],
        ['wang', 'approve'],
        ['chen', 'approve'],
      ]),
    });
    expect(noChair.status).toBe(409);
    expect(codeOf(noChair)).toBe('APPROVAL_QUORUM_NO_CHAIR');
    const few = await decide('li', a.id, {
      meeting: meeting('2026-7', [
        ['zhang', 'approve'],
        ['li', 'approve'],
      ]),
    });
    expect(few.body.error).toMatchObject({
      code: 'APPROVAL_QUORUM_TOO_FEW',
      details: { roster: 4, present: 2, needed: 3 },
    });
    const short = await decide('li', a.id, {
      meeting: meeting('2026-7', [
        ['zhang', 'approve'],
        ['li', 'reject'],
        ['wang', 'abstain'],
      ]),
    });
    expect(short.body.error).toMatchObject({ code: 'APPROVAL_VOTES_SHORT', details: { approve: 1, needed: 2 } });
    const future = await decide('li', a.id, { meeting: meeting('2026-7', [['li', 'approve']], '2099-01-01') });
    expect(codeOf(future)).toBe('APPROVAL_MEETING_DATE');
    const before = await decide('li', a.id, { meeting: meeting('2026-7', [['li', 'approve']], '2026-01-02') });
    expect(codeOf(before)).toBe('APPROVAL_MEETING_BEFORE_SUBJECT');
    expect((await (c.clerk as Client).get(`/api/v1/applications/${a.id}`)).body.status).toBe('pending_approval');
    expect(await env.ctx.db.selectFrom('approval_meeting').select('id').execute()).toEqual([]);

    // The chair and two members present, two in favour: it passes, recorded by li.
    const ok = await decide('li', a.id, {
      comment: '领导组集体研究同意',
      meeting: meeting('2026-7', [
        ['zhang', 'approve'],
        ['li', 'approve'],
        ['wang', 'reject'],
      ]),
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.status).toBe('approved');
    const step = ok.body.approvals.find((x: { decision: string }) => x.decision === 'approve');
    expect(step).toMatchObject({ level: 'leadingGroup', by: 'li', meetingId: expect.any(Number) });

    const rec = await (c.clerk as Client).get(`/api/v1/approvals/meetings?subjectType=application&subjectId=${a.id}`);
    expect(rec.status, rec.text).toBe(200);
    const [mt] = rec.body.items;
    expect(mt).toMatchObject({
      id: step.meetingId,
      bodyKind: 'leadingGroup',
      bodyName: '困难帮扶领导组',
      number: '2026-7',
      heldOn: today,
      decision: 'approve',
      rosterCount: 4,
      presentCount: 3,
      approveCount: 2,
      recordedBy: 'li',
      absent: [{ name: 'chen', excused: false }],
    });
    // li's own vote is signed by li; the others' are marked as recorded by li until each countersigns.
    const votes = Object.fromEntries(mt.votes.map((v: { name: string }) => [v.name, v]));
    expect(votes.li).toMatchObject({ vote: 'approve', recordedBy: null, countersignedAt: expect.any(String) });
    expect(votes.zhang).toMatchObject({ vote: 'approve', role: 'chair', recordedBy: 'li', countersignedAt: null });
    expect(votes.wang).toMatchObject({ vote: 'reject', opinion: '材料不全', recordedBy: 'li', countersignedAt: null });
    const signed = await (c.zhang as Client).post(`/api/v1/approvals/meetings/${mt.id}/countersign`, {});
    expect(signed.status, signed.text).toBe(200);
    expect(signed.body.votes.find((v: { name: string }) => v.name === 'zhang').countersignedAt).toEqual(
      expect.any(String),
    );
    expect(codeOf(await (c.zhang as Client).post(`/api/v1/approvals/meetings/${mt.id}/countersign`, {}))).toBe(
      'APPROVAL_VOTE_SIGNED',
    );
    expect(codeOf(await (c.chen as Client).post(`/api/v1/approvals/meetings/${mt.id}/countersign`, {}))).toBe(
      'APPROVAL_NO_VOTE_TO_SIGN',
    );
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['approval.meeting', 'approval.countersign', 'application.approve'])
      .execute();
    expect(audit.map((x) => x.action).sort()).toEqual([
      'application.approve',
      'application.approve',
      'approval.countersign',
      'approval.meeting',
    ]);
  });

  it('a committee member who proposed cannot vote, and is not counted present', async () => {
    await body('committee', '帮扶中心委员会', [
      ['zhang', 'chair'],
      ['li', 'member'],
      ['wang', 'member'],
      ['chen', 'member'],
    ]);
    const a = await apply(c.chen as Client, 3000);
    expect(a.requiredLevel).toBe('committee');
    expect(codeOf(await decide('chen', a.id, { meeting: meeting('W-3', [['chen', 'approve']]) }))).toBe(
      'MAKER_CHECKER',
    );
    const withChen = await decide('li', a.id, {
      meeting: meeting('W-3', [
        ['zhang', 'approve'],
        ['li', 'approve'],
        ['chen', 'approve'],
      ]),
    });
    expect(withChen.status).toBe(409);
    expect(withChen.body.error).toMatchObject({ code: 'APPROVAL_MAKER_CANNOT_VOTE', details: { name: 'chen' } });
    const two = await decide('li', a.id, {
      meeting: meeting('W-3', [
        ['zhang', 'approve'],
        ['li', 'approve'],
      ]),
    });
    expect(two.body.error).toMatchObject({ code: 'APPROVAL_QUORUM_TOO_FEW', details: { roster: 4, present: 2 } });
    const sitting = await (c.li as Client).get(`/api/v1/approvals/sitting?subjectType=application&subjectId=${a.id}`);
    expect(sitting.body).toMatchObject({ rule: 'meeting', level: 'committee', needs: { present: 3, roster: 4 } });
    expect(sitting.body.roster.find((r: { name: string }) => r.name === 'chen').mayVote).toBe(false);
    const ok = await decide('li', a.id, {
      meeting: meeting('W-3', [
        ['zhang', 'approve'],
        ['li', 'approve'],
        ['wang', 'approve'],
      ]),
    });
    expect(ok.status, ok.text).toBe(200);
    const rec = await (c.li as Client).get(`/api/v1/approvals/meetings?subjectType=application&subjectId=${a.id}`);
    expect(rec.body.items[0]).toMatchObject({ presentCount: 3, absent: [{ name: 'chen', excused: true }] });
  });

  it('a campaign decided by the strictest body its entries need: an amount set at decision reaches its level', async () => {
    const rule = await m.admin.post('/api/v1/programmes/rules', {
      orgId: m.county.id,
      templateId: 'seed004.p12.winter',
      effectiveFrom: '2020-01-01',
      params: { maxAmountFen: yuan(1000) },
    });
    expect(rule.status, rule.text).toBe(201);
    const year = today.slice(0, 4);
    const camp = await m.admin.post('/api/v1/campaigns', {
      orgId: m.county.id,
      programme: 'winter',
      templateId: 'seed004.p12.winter',
      title: '冬季送温暖',
      startsOn: `${year}-01-01`,
      endsOn: `${year}-12-31`,
    });
    expect(camp.status, camp.text).toBe(201);
    const entries: number[] = [];
    for (const h of [m.ids[1], m.ids[2]]) {
      const e = await (c.clerk as Client).post('/api/v1/applications', {
        householdId: h,
        campaignId: camp.body.id,
        inputs: { income: { perCapitaMonthlyFen: yuan(500) }, hardshipAfterGovernmentAid: true },
      });
      expect(e.status, e.text).toBe(201);
      entries.push(e.body.id);
    }
    const [e0, e1] = entries as [number, number];
    const amounts = { amountsFen: { [e0]: yuan(300), [e1]: yuan(800) } };
    const url = `/api/v1/campaigns/${camp.body.id}/decision`;
    // 800 元 set now reaches the leading group: its meeting decides both entries.
    const alone = await (c.zhang as Client).post(url, { decision: 'approve', ...amounts });
    expect(alone.body.error).toMatchObject({
      code: 'APPROVAL_MEETING_REQUIRED',
      message: expect.stringContaining('困难帮扶领导组'),
    });
    const ok = await (c.zhang as Client).post(url, {
      decision: 'approve',
      ...amounts,
      meeting: meeting('W-C', [
        ['zhang', 'approve'],
        ['li', 'approve'],
        ['wang', 'approve'],
      ]),
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.decided).toBe(2);
    const rec = await (c.zhang as Client).get(
      `/api/v1/approvals/meetings?subjectType=campaign&subjectId=${camp.body.id}`,
    );
    expect(rec.body.items).toEqual([expect.objectContaining({ bodyKind: 'leadingGroup', number: 'W-C' })]);
    const levels = await Promise.all(entries.map((e) => (c.clerk as Client).get(`/api/v1/applications/${e}`)));
    expect(levels.map((l) => [l.body.status, l.body.requiredLevel])).toEqual([
      ['approved', 'groupLeader'],
      ['approved', 'leadingGroup'],
    ]);
  });

  it('of 20 parallel decisions by the committee exactly one wins, with one meeting record', async () => {
    const a = await apply(c.clerk as Client, 2000);
    const body = {
      decision: 'approve',
      meeting: meeting('W-4', [
        ['zhang', 'approve'],
        ['li', 'approve'],
        ['wang', 'approve'],
      ]),
    };
    const results = await race(20, () => (c.li as Client).post(`/api/v1/applications/${a.id}/decision`, body));
    expect(tally(results)).toEqual({ 200: 1, 409: 19 });
    expect(loserCodes(results)).toEqual({ APPLICATION_BAD_STATUS: 19 });
    const meetings = await env.ctx.db
      .selectFrom('approval_meeting')
      .select('id')
      .where('subject_type', '=', 'application')
      .where('subject_id', '=', a.id)
      .execute();
    expect(meetings).toHaveLength(1);
    const votes = await env.ctx.db
      .selectFrom('approval_vote')
      .select('id')
      .where('meeting_id', '=', Number(meetings[0]?.id))
      .execute();
    expect(votes).toHaveLength(3);
  });

  it('finance’s refusal returns the batch to the approver, who decides it again; then it is paid', async () => {
    const f = await (c.fin as Client).post('/api/v1/funds', {
      orgId: m.county.id,
      name: '2027年生活救助专项',
      source: 'government',
      restrictedProgramme: 'living',
      year: 2027,
    });
    await (c.fin as Client).post(`/api/v1/funds/${f.body.id}/receipts`, { amountFen: yuan(100_000), memo: '拨款' });
    const created = await (c.clerk as Client).post('/api/v1/batches', {
      orgId: m.county.id,
      programme: 'living',
      period: '2027Q1',
      method: 'bank',
      fundId: f.body.id,
    });
    expect(created.status, created.text).toBe(202);
    const batchId = created.body.id as number;
    await waitComputed(c.clerk as Client, batchId);
    const sub = await (c.clerk as Client).post(`/api/v1/batches/${batchId}/submit`, {});
    expect(sub.body).toMatchObject({ status: 'pending_approval', requiredLevel: 'committee' });
    const committee = (n: string) => ({
      decision: 'approve',
      meeting: meeting(n, [
        ['zhang', 'approve'],
        ['li', 'approve'],
        ['wang', 'approve'],
      ]),
    });
    const approved = await (c.li as Client).post(`/api/v1/batches/${batchId}/decision`, committee('W-5'));
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body.status).toBe('approved');

    // An approver cannot refuse a payment; finance can, with a reason.
    expect((await (c.li as Client).post(`/api/v1/batches/${batchId}/refuse-payment`, { reason: 'x' })).status).toBe(
      403,
    );
    const refused = await (c.fin as Client).post(`/api/v1/batches/${batchId}/refuse-payment`, {
      reason: '缺少领导组签字的审批表，不符合财务手续',
    });
    expect(refused.status, refused.text).toBe(200);
    expect(refused.body.status).toBe('pending_approval');
    expect(refused.body.approvals.map((x: { decision: string }) => x.decision)).toEqual([
      'submit',
      'approve',
      'refuse_payment',
    ]);
    expect(refused.body.approvals[2]).toMatchObject({ by: 'fin', comment: '缺少领导组签字的审批表，不符合财务手续' });
    const grants = await (c.fin as Client).get(`/api/v1/batches/${batchId}/grants?limit=100`);
    expect(new Set(grants.body.items.map((g: { status: string }) => g.status))).toEqual(new Set(['proposed']));
    expect(codeOf(await (c.fin as Client).post(`/api/v1/batches/${batchId}/pay`, {}))).toBe('BATCH_BAD_STATUS');
    expect(codeOf(await (c.fin as Client).post(`/api/v1/batches/${batchId}/refuse-payment`, { reason: '再次' }))).toBe(
      'BATCH_BAD_STATUS',
    );

    // Back in the approver's queue; decided again by a new meeting, then paid.
    const queue = await (c.li as Client).get('/api/v1/approvals/queue');
    expect(queue.body.batches.map((b: { id: number }) => b.id)).toContain(batchId);
    const again = await (c.li as Client).post(`/api/v1/batches/${batchId}/decision`, committee('W-6'));
    expect(again.status, again.text).toBe(200);
    const paid = await (c.fin as Client).post(`/api/v1/batches/${batchId}/pay`, {});
    expect(paid.status, paid.text).toBe(200);
    expect((await (c.fin as Client).get(`/api/v1/batches/${batchId}`)).body.status).toBe('closed');
    const rec = await (c.fin as Client).get(`/api/v1/approvals/meetings?subjectType=batch&subjectId=${batchId}`);
    expect(rec.body.items.map((x: { number: string }) => x.number)).toEqual(['W-5', 'W-6']);
  });

  it('an application refused by finance goes back to pending approval with its grant proposed again', async () => {
    const a = await apply(c.clerk as Client, 400);
    expect((await decide('zhang', a.id)).status).toBe(200);
    const refused = await (c.fin as Client).post(`/api/v1/applications/${a.id}/refuse-payment`, {
      reason: '发票金额与申请不符',
    });
    expect(refused.status, refused.text).toBe(200);
    expect(refused.body).toMatchObject({ status: 'pending_approval', grant: { status: 'proposed' } });
    expect(refused.body.approvals.at(-1)).toMatchObject({ decision: 'refuse_payment', comment: '发票金额与申请不符' });
    const queue = await (c.zhang as Client).get('/api/v1/approvals/queue');
    expect(queue.body.applications.map((x: { id: number }) => x.id)).toContain(a.id);
  });
});
