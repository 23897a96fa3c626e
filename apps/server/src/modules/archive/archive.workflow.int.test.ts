import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv } from '../../test-support/env.js';
import { household } from '../../test-support/households.js';

const DAY = 86_400_000;
const visit = { visitedOn: '2026-11-20', visitors: '王海、李秀英', findings: '住房简陋，配偶重病卧床，孩子读高中' };

/** 申请 → 审核 → 公示 → 异议 → 核实 → 重新公示 → 审批 → 在档, with the clock moved forward. */
describe.each(testDialects)('the filing workflow on %s', (dialect) => {
  let env: TestEnv;
  let county: { id: number };
  let street: { id: number };
  let clerk: Client;
  let reviewer: Client;
  let approver: Client;
  let streetApprover: Client;
  let admin: Client;

  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    ({ county, street } = await env.countyWithStreet());
    await env.user('clerk', street.id, ['intake_clerk']);
    await env.user('reviewer', county.id, ['reviewer']);
    await env.user('approver', county.id, ['approver']);
    await env.user('street-approver', street.id, ['approver']);
    await env.user('county-admin', county.id, ['admin']);
    clerk = await env.login('clerk');
    reviewer = await env.login('reviewer');
    approver = await env.login('approver');
    streetApprover = await env.login('street-approver');
    admin = await env.login('county-admin');
  });
  afterAll(() => {
    env.ctx.clock.reset();
    return env.close();
  });

  it('walks a household from draft to 在档 through a notice, an objection and a second notice', async () => {
    const s = await admin.put(`/api/v1/archive/settings/${county.id}`, { noticeDays: 3, reviewMonths: 12 });
    expect(s.body).toMatchObject({ noticeDays: 3, definedAt: county.id });
    expect((await clerk.get(`/api/v1/archive/settings/${street.id}`)).body).toMatchObject({
      noticeDays: 3,
      definedAt: county.id,
    });

    const { id } = (await clerk.post('/api/v1/households', household(street.id))).body;
    expect((await clerk.post(`/api/v1/households/${id}/submit`)).body.status).toBe('submitted');
    // A clerk cannot review; a reviewer can, with the home-visit record.
    expect(
      (await clerk.post(`/api/v1/households/${id}/review`, { decision: 'pass', visit, opinion: '情况属实' })).status,
    ).toBe(403);
    const reviewed = await reviewer.post(`/api/v1/households/${id}/review`, {
      decision: 'pass',
      visit,
      opinion: '情况属实，同意公示',
    });
    expect(reviewed.body.status).toBe('on_notice');
    const noticeEnd = new Date(reviewed.body.notice_end).getTime();
    expect(noticeEnd - new Date(reviewed.body.notice_start).getTime()).toBe(3 * DAY);

    const early = await reviewer.post(`/api/v1/households/${id}/finish-notice`);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('ARCHIVE_NOTICE_RUNNING');

    env.ctx.clock.advance(DAY);
    // Days pass: people sign in again (sessions end after 30 idle minutes).
    reviewer = await env.login('reviewer');
    const obj = await reviewer.post(`/api/v1/households/${id}/objection`, {
      reason: '群众反映其家中有一辆轿车',
      raisedBy: '同单位职工',
    });
    expect(obj.body.status).toBe('objection');
    const renotice = await reviewer.post(`/api/v1/households/${id}/verify`, {
      decision: 'renotice',
      findings: '核实车辆为残疾人代步车，不影响认定',
    });
    expect(renotice.body).toMatchObject({ status: 'on_notice', notice_round: 2 });

    env.ctx.clock.advance(3 * DAY + 60_000);
    reviewer = await env.login('reviewer');
    approver = await env.login('approver');
    streetApprover = await env.login('street-approver');
    clerk = await env.login('clerk');
    expect((await reviewer.post(`/api/v1/households/${id}/finish-notice`)).body.status).toBe('pending_approval');

    const sameNode = await streetApprover.post(`/api/v1/households/${id}/approve`, {
      decision: 'approve',
      grade: 'relative',
      opinion: '同意',
    });
    expect(sameNode.body.error.code).toBe('ARCHIVE_APPROVER_NOT_UPPER');
    const approved = await approver.post(`/api/v1/households/${id}/approve`, {
      decision: 'approve',
      grade: 'relative',
      opinion: '同意纳入帮扶',
    });
    expect(approved.body).toMatchObject({ status: 'filed', grade: 'relative' });
    expect(approved.body.next_review_due).toMatch(/^\d{4}-\d\d-\d\d$/);

    const f = await clerk.get(`/api/v1/households/${id}`);
    expect(f.body).toMatchObject({ status: 'filed', grade: 'relative' });
    const h = await clerk.get(`/api/v1/households/${id}/history`);
    expect(h.body.events.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'submit',
      'review_pass',
      'objection',
      'renotice',
      'notice_passed',
      'approve',
    ]);
    expect(h.body.events[2]).toMatchObject({ actorName: 'reviewer', data: { visit } });

    const edit = await clerk.put(`/api/v1/households/${id}`, household(street.id));
    expect(edit.body.error.code).toBe('ARCHIVE_NOT_EDITABLE');
    const again = await clerk.post(`/api/v1/households/${id}/submit`);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('在档');
  });

  it('a rejected file frees the person for a later filing', async () => {
    clerk = await env.login('clerk');
    reviewer = await env.login('reviewer');
    const body = household(street.id, { name: '钱多多', idNumber: '440203198803030026', members: [] });
    const { id } = (await clerk.post('/api/v1/households', body)).body;
    await clerk.post(`/api/v1/households/${id}/submit`);
    const r = await reviewer.post(`/api/v1/households/${id}/review`, {
      decision: 'reject',
      reason: '家庭人均收入高于认定标准',
    });
    expect(r.body.status).toBe('rejected');
    expect((await clerk.post('/api/v1/households', body)).status).toBe(201);
  });
});
