import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv } from '../../test-support/env.js';
import { babyId, fileHousehold, generatedId, household } from '../../test-support/households.js';

const DAY = 86_400_000;
const NEW_BANK = { bankName: '中国建设银行', branch: '韶关分行', cardNumber: '6217000000123457788' };

/**
 * 变更申请 on filed households (issue 9): a clerk proposes, the file's union reviews, an upper union decides when
 * the grade moves; each applied change is a version with its diff; maker-checker, stale proposals, 一人一档 and
 * scoping hold.
 */
describe.each(testDialects)('change requests on %s', (dialect) => {
  let env: TestEnv;
  let county: { id: number };
  let street: { id: number };
  let clerk: Client;
  let reviewer: Client;
  let streetApprover: Client;
  let approver: Client;
  let both: Client;
  let clerkReviewer: Client;
  let sibling: Client;
  let admin: Client;
  let n = 0;

  async function login() {
    clerk = await env.login('st-clerk');
    reviewer = await env.login('st-reviewer');
    streetApprover = await env.login('st-approver');
    approver = await env.login('co-approver');
    both = await env.login('co-both');
    clerkReviewer = await env.login('st-clerk-reviewer');
    sibling = await env.login('sib-reviewer');
    admin = await env.login('co-admin');
  }

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    ({ county, street } = await env.countyWithStreet());
    const siblingStreet = await env.org(county.id, '新华街道总工会', 'street');
    await env.user('st-clerk', street.id, ['intake_clerk']);
    await env.user('st-reviewer', street.id, ['reviewer']);
    await env.user('st-approver', street.id, ['approver']);
    await env.user('st-clerk-reviewer', street.id, ['intake_clerk', 'reviewer']);
    await env.user('co-approver', county.id, ['approver']);
    await env.user('co-both', county.id, ['reviewer', 'approver']);
    await env.user('co-admin', county.id, ['admin']);
    await env.user('sib-reviewer', siblingStreet.id, ['reviewer', 'intake_clerk']);
    await login();
    const p = await admin.post('/api/v1/policies/eligibility', {
      orgId: county.id,
      effectiveFrom: '2020-01-01',
      dibaoLineFen: 78_000,
    });
    expect(p.status, p.text).toBe(201);
  });
  afterAll(() => {
    env.ctx.clock.reset();
    return env.close();
  });

  /** A married worker with a spouse and a child, 32,400 元 a year: 900 元 per head, 相对困难 under a 780 元 line. */
  const fileOfThree = () =>
    fileHousehold(
      env,
      household(street.id, {
        name: `职工${++n}`,
        idNumber: generatedId(3000 + n),
        incomes: { wagesFen: 3_240_000 },
        members: [
          { name: `配偶${n}`, relation: 'spouse', idNumber: generatedId(4000 + n), maritalStatus: 'married' },
          { name: `子女${n}`, relation: 'child', maritalStatus: 'unmarried' },
        ],
      }),
      'relative',
    );
  const current = async (id: number) => {
    const f = await clerk.get(`/api/v1/households/${id}`);
    const v = await clerk.get(`/api/v1/households/${id}/versions/${f.body.version}`);
    expect(v.status, v.text).toBe(200);
    return { version: f.body.version as number, content: v.body.content };
  };
  const propose = async (c: Client, id: number, over: (content: any) => any, kinds = ['other'], reason = '变更') => {
    const cur = await current(id);
    return c.post(`/api/v1/households/${id}/changes`, {
      baseVersion: cur.version,
      kinds,
      reason,
      proposed: over(cur.content),
    });
  };
  const newborn = (birth = '2026-10-01', seq = 123) => ({
    name: '小宝',
    relation: 'child',
    idNumber: babyId(birth, seq),
    maritalStatus: 'unmarried',
  });

  it('a new bank card and a newborn: reviewed by the union, the grade moves, the county decides; version 2 with its diff', async () => {
    const id = await fileOfThree();
    const r = await propose(
      clerk,
      id,
      (c) => ({ ...c, bank: NEW_BANK, members: [...c.members, newborn()] }),
      ['bank', 'member_join'],
      '新生儿出生，更换银行卡',
    );
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({ status: 'pending', needsUpper: true });
    const changeId = r.body.id as number;

    const detail = await reviewer.get(`/api/v1/households/changes/${changeId}`);
    expect(detail.status, detail.text).toBe(200);
    expect(detail.body).toMatchObject({
      status: 'pending',
      via: 'staff',
      kinds: ['bank', 'member_join'],
      gradeBefore: 'relative',
      gradeProposedBefore: 'relative',
      gradeProposedAfter: 'deep',
      needsUpper: true,
      proposedByName: 'st-clerk',
    });
    const diff = detail.body.diff;
    expect(diff.revealed).toBe(false);
    expect(diff.fields).toContainEqual({
      field: 'bank.cardNumber',
      before: '****3445',
      after: '****7788',
      masked: true,
    });
    expect(diff.fields).toContainEqual({ field: 'bank.bankName', before: '中国工商银行', after: '中国建设银行' });
    expect(diff.members).toHaveLength(1);
    expect(diff.members[0]).toMatchObject({ name: '小宝', relation: 'child', change: 'added' });
    expect(JSON.stringify(diff)).not.toContain(babyId('2026-10-01'));
    expect(diff.figures).toEqual({
      householdSize: { before: 3, after: 4 },
      perCapitaMonthlyFen: { before: 90_000, after: 67_500 },
    });
    const revealed = await reviewer.get(`/api/v1/households/changes/${changeId}?reveal=true`);
    expect(revealed.body.diff.fields).toContainEqual({
      field: 'bank.cardNumber',
      before: '6222020200112233445',
      after: NEW_BANK.cardNumber,
    });
    expect((await approver.get(`/api/v1/households/changes/${changeId}?reveal=true`)).status).toBe(403);

    // The county reviewer-and-approver reviews: the change goes up; the file is unchanged so far.
    const rev = await both.post(`/api/v1/households/changes/${changeId}/review`, {
      decision: 'approve',
      opinion: '属实',
    });
    expect(rev.status, rev.text).toBe(200);
    expect(rev.body.status).toBe('pending_upper');
    expect((await clerk.get(`/api/v1/households/${id}`)).body.version).toBe(1);
    // Not at the file's own node; not the reviewer.
    const own = await streetApprover.post(`/api/v1/households/changes/${changeId}/decide`, {
      decision: 'approve',
      opinion: '同意',
    });
    expect(own.body.error.code).toBe('ARCHIVE_APPROVER_NOT_UPPER');
    const same = await both.post(`/api/v1/households/changes/${changeId}/decide`, {
      decision: 'approve',
      opinion: '同意',
    });
    expect(same.body.error.code).toBe('ARCHIVE_CHANGE_SAME_PERSON');
    const ok = await approver.post(`/api/v1/households/changes/${changeId}/decide`, {
      decision: 'approve',
      opinion: '同意调整为深度困难',
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body).toMatchObject({
      status: 'approved',
      result: { version: 2, grade: { from: 'relative', to: 'deep' } },
    });

    const file = await clerk.get(`/api/v1/households/${id}`);
    expect(file.body).toMatchObject({
      version: 2,
      grade: 'deep',
      gradeProposed: 'deep',
      householdSize: 4,
      perCapitaMonthlyFen: 67_500,
      status: 'filed',
    });
    expect(file.body.members.map((m: { name: string }) => m.name)).toEqual(['配偶1', '子女1', '小宝']);
    const history = await clerk.get(`/api/v1/households/${id}/history`);
    expect(history.body.versions[0]).toMatchObject({
      version: 2,
      reason: '新生儿出生，更换银行卡',
      actorName: 'co-approver',
    });
    const steps = history.body.events.map((e: { action: string }) => e.action);
    expect(steps.slice(-3)).toEqual(['change_proposed', 'change_reviewed', 'change_applied']);
    const vdiff = await clerk.get(`/api/v1/households/${id}/versions/1/diff/2`);
    expect(vdiff.status, vdiff.text).toBe(200);
    expect(vdiff.body.diff.members).toEqual(diff.members);
    expect(vdiff.body.diff.fields).toEqual(diff.fields);
    const done = await clerk.get(`/api/v1/households/changes/${changeId}`);
    expect(done.body).toMatchObject({ status: 'approved', appliedVersion: 2, decidedByName: 'co-approver' });
  });

  it('a change that moves nothing of the grade takes effect at the review; maker-checker and withdrawal', async () => {
    const id = await fileOfThree();
    const mine = await propose(clerkReviewer, id, (c) => ({ ...c, phone: '13911112222' }), ['address_phone']);
    expect(mine.body.needsUpper).toBe(false);
    const self = await clerkReviewer.post(`/api/v1/households/changes/${mine.body.id}/review`, {
      decision: 'approve',
      opinion: '自己审',
    });
    expect(self.status).toBe(403);
    expect(self.body.error.code).toBe('ARCHIVE_CHANGE_SAME_PERSON');
    const notMine = await clerk.post(`/api/v1/households/changes/${mine.body.id}/withdraw`);
    expect(notMine.body.error.code).toBe('ARCHIVE_CHANGE_NOT_PROPOSER');
    const w = await clerkReviewer.post(`/api/v1/households/changes/${mine.body.id}/withdraw`);
    expect(w.body.status).toBe('withdrawn');
    const late = await reviewer.post(`/api/v1/households/changes/${mine.body.id}/review`, {
      decision: 'approve',
      opinion: '同意',
    });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('ARCHIVE_CHANGE_BAD_STATUS');

    const phone = await propose(clerk, id, (c) => ({ ...c, phone: '13911113333' }), ['address_phone'], '换号');
    const ok = await reviewer.post(`/api/v1/households/changes/${phone.body.id}/review`, {
      decision: 'approve',
      opinion: '已电话核实',
    });
    expect(ok.body).toMatchObject({ status: 'approved', result: { version: 2, grade: null, bank: null } });
    const file = await clerk.get(`/api/v1/households/${id}`);
    expect(file.body).toMatchObject({ version: 2, grade: 'relative', phoneMasked: '139****3333' });

    const nothing = await propose(clerk, id, (c) => c);
    expect(nothing.body.error.code).toBe('ARCHIVE_CHANGE_NOTHING');
    const identity = await propose(clerk, id, (c) => ({ ...c, idNumber: generatedId(9999) }));
    expect(identity.body.error.code).toBe('ARCHIVE_CHANGE_IDENTITY');
    const draft = await clerk.post(
      '/api/v1/households',
      household(street.id, { idNumber: generatedId(9998), members: [] }),
    );
    const onDraft = await clerk.post(`/api/v1/households/${draft.body.id}/changes`, {
      baseVersion: 1,
      kinds: ['other'],
      reason: '草稿',
      proposed: household(street.id, { idNumber: generatedId(9998), members: [], phone: '13900000000' }),
    });
    expect(onDraft.status).toBe(409);
    expect(onDraft.body.error.code).toBe('ARCHIVE_CHANGE_FILE_STATUS');
  });

  it('a change proposed against an old version is refused once the file moved on; it can still be rejected', async () => {
    const id = await fileOfThree();
    const a = await propose(clerk, id, (c) => ({ ...c, phone: '13922223333' }), ['address_phone']);
    const b = await propose(clerk, id, (c) => ({ ...c, address: '新地址1号' }), ['address_phone']);
    expect(
      (await reviewer.post(`/api/v1/households/changes/${a.body.id}/review`, { decision: 'approve', opinion: '好' }))
        .body.status,
    ).toBe('approved');
    const stale = await reviewer.post(`/api/v1/households/changes/${b.body.id}/review`, {
      decision: 'approve',
      opinion: '好',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'ARCHIVE_CHANGE_STALE', details: { base: 1, current: 2 } });
    const old = await clerk.post(`/api/v1/households/${id}/changes`, {
      baseVersion: 1,
      kinds: ['other'],
      reason: '旧',
      proposed: (await current(id)).content,
    });
    expect(old.body.error.code).toBe('ARCHIVE_CHANGE_STALE');
    const rej = await reviewer.post(`/api/v1/households/changes/${b.body.id}/review`, {
      decision: 'reject',
      opinion: '请按最新档案重新申请',
    });
    expect(rej.body.status).toBe('rejected');
    expect((await clerk.get(`/api/v1/households/${id}`)).body.version).toBe(2);
  });

  it('一人一档: a newborn already in another active file is refused naming only the holding union', async () => {
    const [x, y] = [await fileOfThree(), await fileOfThree()];
    const holderSpouse = (await current(x)).content.members[0].idNumber as string;
    const r = await propose(clerk, y, (c) => ({
      ...c,
      members: [...c.members, { name: '某人', relation: 'child', idNumber: holderSpouse }],
    }));
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({
      code: 'ARCHIVE_PERSON_IN_OTHER_FILE',
      details: { holder: '西河镇总工会', field: 'members.2.idNumber' },
    });
    expect(r.text).not.toMatch(/职工\d|44-\d{4}/);
    // Both files propose the same baby: the first approved wins, the second is refused when it would apply.
    const baby = newborn('2026-09-09', 456);
    const first = await propose(clerk, x, (c) => ({ ...c, members: [...c.members, baby] }), ['member_join']);
    const second = await propose(clerk, y, (c) => ({ ...c, members: [...c.members, baby] }), ['member_join']);
    await reviewer.post(`/api/v1/households/changes/${first.body.id}/review`, { decision: 'approve', opinion: '好' });
    await approver.post(`/api/v1/households/changes/${first.body.id}/decide`, { decision: 'approve', opinion: '好' });
    const clash = await reviewer.post(`/api/v1/households/changes/${second.body.id}/review`, {
      decision: 'approve',
      opinion: '好',
    });
    const clash2 =
      clash.body.status === 'pending_upper'
        ? await approver.post(`/api/v1/households/changes/${second.body.id}/decide`, {
            decision: 'approve',
            opinion: '好',
          })
        : clash;
    expect(clash2.body.error.code).toBe('ARCHIVE_PERSON_IN_OTHER_FILE');
  });

  it('a sibling union sees nothing: 404 on the change, an empty queue; the county queue holds them', async () => {
    const id = await fileOfThree();
    const c = await propose(clerk, id, (x) => ({ ...x, phone: '13933334444' }), ['address_phone'], '换号码');
    expect((await sibling.get(`/api/v1/households/changes/${c.body.id}`)).status).toBe(404);
    const review = await sibling.post(`/api/v1/households/changes/${c.body.id}/review`, {
      decision: 'approve',
      opinion: '越权',
    });
    expect(review.status).toBe(404);
    expect((await sibling.get('/api/v1/households/changes')).body).toMatchObject({ items: [], total: 0 });
    expect((await sibling.get(`/api/v1/households/${id}/changes`)).status).toBe(404);
    const queue = await approver.get('/api/v1/households/changes?status=pending');
    expect(queue.body.items.map((i: { id: number }) => i.id)).toContain(c.body.id);
    const item = queue.body.items.find((i: { id: number }) => i.id === c.body.id);
    expect(item).toMatchObject({ orgName: '西河镇总工会', status: 'pending', via: 'staff', currentVersion: 1 });
    expect(JSON.stringify(queue.body)).not.toContain('13933334444');
  });

  it('where the node says so, a grade change runs through 公示 again before it takes effect', async () => {
    const s = await admin.put(`/api/v1/archive/settings/${county.id}`, {
      noticeDays: 3,
      reviewMonths: 12,
      renoticeGradeChange: true,
    });
    expect(s.status, s.text).toBe(200);
    expect((await clerk.get(`/api/v1/archive/settings/${street.id}`)).body).toMatchObject({
      renoticeGradeChange: true,
      definedAt: county.id,
    });
    const id = await fileOfThree();
    const c = await propose(clerk, id, (x) => ({ ...x, members: [...x.members, newborn('2026-08-08', 789)] }));
    await reviewer.post(`/api/v1/households/changes/${c.body.id}/review`, { decision: 'approve', opinion: '属实' });
    const d = await approver.post(`/api/v1/households/changes/${c.body.id}/decide`, {
      decision: 'approve',
      opinion: '同意，公示',
    });
    expect(d.body.status).toBe('on_notice');
    const early = await reviewer.post(`/api/v1/households/changes/${c.body.id}/finish-notice`, {
      decision: 'confirm',
      opinion: '无异议',
    });
    expect(early.body.error.code).toBe('ARCHIVE_NOTICE_RUNNING');
    expect((await clerk.get(`/api/v1/households/${id}`)).body).toMatchObject({ version: 1, grade: 'relative' });
    env.ctx.clock.advance(4 * DAY);
    await login();
    const done = await reviewer.post(`/api/v1/households/changes/${c.body.id}/finish-notice`, {
      decision: 'confirm',
      opinion: '公示期满无异议',
    });
    expect(done.status, done.text).toBe(200);
    expect((await clerk.get(`/api/v1/households/${id}`)).body).toMatchObject({ version: 2, grade: 'deep' });
    env.ctx.clock.reset();
    await login();
    await admin.put(`/api/v1/archive/settings/${county.id}`, { noticeDays: 7, reviewMonths: 12 });
  });
});
