import { must, type Placement, PNG, tags, upload } from './authz-fixtures.js';
import type { Client, TestEnv } from './env.js';
import { generatedId } from './households.js';

/** The rows of the newer windows at a node: the rights desk, approval bodies, legal aid (for the authorization matrix). */
/** The rights desk's rows at a node: a work order (attachment, a supervision from the root) and a duty shift. */
export async function deskFixtures(env: TestEnv, placement: Placement, org: { id: number }, n: number, today: string) {
  const tag = tags[placement];
  const deskUser = await env.user(`mk-desk-${placement}`, org.id, ['hotline_operator']);
  const root = await env.root();
  await env.user(`mk-sup-${placement}`, root.id, ['approver']);
  const desk = await env.login(`mk-desk-${placement}`);
  const sup = await env.login(`mk-sup-${placement}`);
  const deskPhone = `1390000${1000 + n}`;
  const order = must(
    await desk.post('/api/v1/work-orders', {
      channel: 'phone',
      personName: `钱${tag}`,
      phone: deskPhone,
      employer: `单位${tag}`,
      categories: ['wages_owed'],
      content: `欠薪${tag}`,
    }),
    'work order',
  );
  const att = must(
    await upload(env, desk, `/api/v1/work-orders/${order.id}/attachments`, 'l.png', PNG),
    'work order attachment',
  ) as { id: number };
  must(
    await sup.post(`/api/v1/work-orders/${order.id}/supervise`, { dueOn: today, demand: `督办${tag}` }),
    'supervise',
  );
  const detail = must(await desk.get(`/api/v1/work-orders/${order.id}`), 'work order detail');
  const now = Date.now();
  const shift = must(
    await desk.post('/api/v1/duty-shifts', {
      orgId: org.id,
      userId: deskUser.id,
      startsAt: new Date(now - 3_600_000).toISOString(),
      endsAt: new Date(now + 23 * 3_600_000).toISOString(),
    }),
    'duty shift',
  );
  return {
    deskUserId: deskUser.id,
    deskPhone,
    workOrderId: order.id as number,
    workOrderAttachmentId: att.id,
    supervisionId: detail.supervisions[0].id as number,
    dutyShiftId: shift.id as number,
  };
}

/**
 * The node's 组长 (the leader's body, so amounts below 500 元 only; the fixtures' batches and applications are at
 * other levels) with an approver as its chair, and a meeting record with that approver's vote on the node's
 * application, written directly (what a decision would leave), for the routes that read or countersign it.
 */
export async function approvalBodyFixture(
  env: TestEnv,
  admin: Client,
  orgId: number,
  tag: string,
  applicationId: number,
  placement: Placement,
) {
  const approver = await env.user(`mk-appr-${placement}`, orgId, ['approver']);
  const body = must(
    await admin.post('/api/v1/approval-bodies', { orgId, kind: 'groupLeader', name: `组长${tag}` }),
    'approval body',
  );
  const withMember = must(
    await admin.post(`/api/v1/approval-bodies/${body.id}/members`, {
      userId: approver.id,
      role: 'chair',
      fromDate: '2020-01-01',
    }),
    'approval body member',
  );
  const b = await env.ctx.db
    .selectFrom('approval_body')
    .selectAll()
    .where('id', '=', body.id)
    .executeTakeFirstOrThrow();
  const node = { org_id: Number(b.org_id), org_path: b.org_path, province_code: b.province_code };
  const now = env.ctx.clock.now().toISOString();
  const meeting = await env.ctx.db
    .insertInto('approval_meeting')
    .values({
      ...node,
      body_id: Number(b.id),
      body_kind: b.kind,
      body_name: b.name,
      number: `${tag}-1`,
      held_on: '2026-01-05',
      subject_type: 'application',
      subject_id: applicationId,
      decision: 'reject',
      roster_count: 1,
      present_count: 1,
      approve_count: 0,
      chair_required: 1,
      present_bp: 5000,
      approve_bp: 5000,
      absent_json: '[]',
      recorded_by: approver.id,
      recorded_by_name: `mk-appr-${placement}`,
      recorded_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await env.ctx.db
    .insertInto('approval_vote')
    .values({
      ...node,
      meeting_id: Number(meeting.id),
      user_id: approver.id,
      user_name: `会议${tag}`,
      role: 'chair',
      vote: 'reject',
      opinion: null,
      recorded_by: null,
      recorded_by_name: null,
      countersigned_at: now,
    })
    .execute();
  return {
    bodyId: Number(body.id),
    bodyMemberId: Number(withMember.members[0].id),
    meetingId: Number(meeting.id),
  };
}

/**
 * Legal aid at a node: a lawyer on its roster, an application registered by its legal-aid officer, granted by the
 * root's approver (the legal-aid group), assigned to the lawyer, with a hearing without its result yet and evidence.
 */
export async function legalFixtures(env: TestEnv, placement: Placement, org: { id: number }, n: number, today: string) {
  const tag = tags[placement];
  await env.user(`mk-legal-${placement}`, org.id, ['legal_aid_officer']);
  const legal = await env.login(`mk-legal-${placement}`);
  const sup = await env.login(`mk-sup-${placement}`);
  const lawyer = must(
    await legal.post('/api/v1/legal-lawyers', {
      orgId: org.id,
      name: `律师${tag}`,
      firm: `律所${tag}`,
      licenceNo: `14402${String(n).padStart(12, '0')}`,
      phone: `1370000${1000 + n}`,
      contractFrom: '2020-01-01',
      contractTo: '2099-12-31',
    }),
    'lawyer',
  );
  const app = must(
    await legal.post('/api/v1/legal-aid', {
      personName: `孙${tag}`,
      idNumber: generatedId(7600 + n),
      phone: `1360000${1000 + n}`,
      employer: `单位${tag}`,
      disputeKind: 'wages_owed',
      reasons: `欠薪${tag}`,
    }),
    'legal aid',
  );
  must(
    await sup.post(`/api/v1/legal-aid/${app.id}/decision`, { approve: true, caseKind: 'arbitration', opinion: '同意' }),
    'legal aid decision',
  );
  must(await legal.post(`/api/v1/legal-aid/${app.id}/assign`, { lawyerId: lawyer.id }), 'legal aid assign');
  const step = must(
    await legal.post(`/api/v1/legal-aid/${app.id}/steps`, {
      stepOn: today,
      kind: 'arbitration_hearing',
      what: `开庭${tag}`,
    }),
    'legal aid step',
  );
  const att = must(
    await upload(env, legal, `/api/v1/legal-aid/${app.id}/attachments`, 'e.png', PNG),
    'legal aid attachment',
  ) as { id: number };
  return {
    lawyerId: lawyer.id as number,
    legalAidId: app.id as number,
    legalAidStepId: step.stepId as number,
    legalAidAttachmentId: att.id,
  };
}
