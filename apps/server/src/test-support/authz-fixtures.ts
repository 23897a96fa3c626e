import { type Role, roles } from '@bangfu/contracts';
import { openRound } from '../modules/review/review.rounds.js';
import { openWorkerAccount } from '../modules/self/self.binding.js';
import { createUser } from '../modules/users/users.service.js';
import { noticeFixtures, type ObjectionIds } from './authz-fixtures-notice.js';
import { approvalBodyFixture, deskFixtures, legalFixtures } from './authz-fixtures-windows.js';
import { type Client, TestEnv, USER_PASSWORD } from './env.js';
import { archiveWorkbook, fileHousehold, generatedId, household } from './households.js';
import { waitComputed } from './money.js';

/**
 * The authorization matrix's world: 广东省总工会 (the parent) holds two counties, 武江区 (the callers' node, "own")
 * with its street 西河镇 ("child"), and 浈江区 ("sibling"). Every node gets the same set of real rows — a filed
 * household with an attachment, a fund with money, a computed batch and its grant, a medical application, goods
 * in stock, a certificate, a validated import, a user, a campaign — so `:id` params point at rows in the target
 * node. Each node's rows carry its tag in their names, so a leak of a foreign node's rows shows in any answer.
 * One caller per role sits at the own node (the worker's account is linked to the own node's household).
 */
export const placements = ['own', 'child', 'sibling', 'parent'] as const;
export type Placement = (typeof placements)[number];
export const tags: Record<Placement, string> = { own: '本甲', child: '下乙', sibling: '邻丙', parent: '上丁' };

export interface NodeFx {
  placement: Placement;
  tag: string;
  orgId: number;
  orgName: string;
  householdId: number;
  householdName: string;
  idNumber: string;
  attachmentId: number;
  fundId: number;
  batchId: number;
  grantId: number;
  applicationId: number;
  stockId: number;
  certificateId: number;
  certificateNo: string;
  importId: number;
  importRowId: number;
  userId: number;
  campaignId: number;
  bodyId: number;
  bodyMemberId: number;
  meetingId: number;
  deskUserId: number;
  deskPhone: string;
  workOrderId: number;
  workOrderAttachmentId: number;
  supervisionId: number;
  dutyShiftId: number;
  /** Legal aid: a lawyer of the node's roster, an application assigned to them with a step to come, its evidence. */
  lawyerId: number;
  legalAidId: number;
  legalAidStepId: number;
  legalAidAttachmentId: number;
  /** The yearly review round holding the node's file (the street's file is in its county's round). */
  roundId: number;
  /** 名单公示: an objection (verified) on the notice of the node's batch, application and campaign. */
  objectionIds: ObjectionIds;
  changeId: number;
}

export interface World {
  env: TestEnv;
  fx: Record<Placement, NodeFx>;
  callers: Record<Role, Client & { cookie?: string }>;
  today: string;
}

export const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('IHDR-authz-fixture'),
]);

export function multipart(filename: string, content: Buffer) {
  const boundary = '----bangfu-authz';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

export function importRow(n: number, name: string) {
  return {
    姓名: name,
    身份证号: generatedId(n),
    婚姻状况: '已婚',
    工作状态: '下岗',
    主要致困原因: '下岗失业',
    '工资性收入（元/年）': '1200',
    低保情况: '低保边缘户',
  };
}

export function must<T>(res: { status: number; text: string; body: T }, what: string, ok = [200, 201, 202]): T {
  if (!ok.includes(res.status)) throw new Error(`fixture ${what}: ${res.status} ${res.text}`);
  return res.body;
}

export async function upload(
  env: TestEnv,
  c: Client & { cookie?: string },
  url: string,
  name: string,
  content: Buffer,
) {
  const m = multipart(name, content);
  const res = await env.app.inject({
    method: 'POST',
    url,
    headers: { cookie: c.cookie ?? '', 'content-type': m.contentType },
    payload: m.payload,
  });
  return { status: res.statusCode, text: res.body, body: res.json() };
}

async function nodeFixtures(
  env: TestEnv,
  placement: Placement,
  org: { id: number; name: string },
  n: number,
  today: string,
): Promise<NodeFx> {
  const tag = tags[placement];
  await env.user(`mk-clerk-${placement}`, org.id, ['intake_clerk']);
  await env.user(`mk-fin-${placement}`, org.id, ['finance']);
  await env.user(`mk-admin-${placement}`, org.id, ['admin']);
  const clerk = await env.login(`mk-clerk-${placement}`);
  const fin = await env.login(`mk-fin-${placement}`);
  const admin = await env.login(`mk-admin-${placement}`);

  const householdName = `王${tag}`;
  const idNumber = generatedId(7000 + n);
  const householdId = await fileHousehold(
    env,
    household(org.id, { name: householdName, idNumber, members: [] }),
    'relative',
  );
  const att = must(
    await upload(env, clerk, `/api/v1/households/${householdId}/attachments?kind=other`, 'a.png', PNG),
    'attachment',
  ) as { id: number };

  const change = must(
    await clerk.post(`/api/v1/households/${householdId}/changes`, {
      baseVersion: 1,
      kinds: ['address_phone'],
      reason: `变更${tag}`,
      proposed: household(org.id, { name: householdName, idNumber, members: [], phone: '13900001111' }),
    }),
    'change',
  ) as { id: number };
  const fund = must(
    await fin.post('/api/v1/funds', {
      orgId: org.id,
      name: `资金${tag}`,
      source: 'union',
      restrictedProgramme: 'living',
      year: 2027,
    }),
    'fund',
  );
  must(await fin.post(`/api/v1/funds/${fund.id}/receipts`, { amountFen: 100_000_000, memo: `拨款${tag}` }), 'receipt');

  const batch = must(
    await clerk.post('/api/v1/batches', {
      orgId: org.id,
      programme: 'living',
      period: `2027Q${n + 1}`,
      fundId: fund.id,
      title: `批次${tag}`,
    }),
    'batch',
  );
  await waitComputed(clerk, batch.id);
  const grants = must(await clerk.get(`/api/v1/batches/${batch.id}/grants?limit=500`), 'grants');
  const grant = grants.items.find((g: { householdId: number }) => g.householdId === householdId);
  if (!grant) throw new Error(`fixture grant at ${placement}: ${JSON.stringify(grants)}`);

  const app = must(
    await clerk.post('/api/v1/applications', {
      householdId,
      templateId: 'seed004.p1.medical',
      inputs: { compliantSelfPaidFen: 1_000_000 },
      note: `申请${tag}`,
    }),
    'application',
  );
  const stock = must(
    await clerk.post('/api/v1/goods/receipts', {
      orgId: org.id,
      donorName: `捐赠人${tag}`,
      donorKind: 'enterprise',
      category: 'grain_oil',
      itemName: `大米${tag}`,
      unit: '袋',
      quantity: 100,
      receivedOn: today,
      handler: '经手人',
    }),
    'goods',
  );
  const cert = must(
    await clerk.post('/api/v1/certificates', { householdId, kind: 'tekun', benefits: `减免${tag}` }),
    'certificate',
  );
  const wb = await archiveWorkbook([importRow(8000 + n, `李${tag}`)]);
  const imp = must(await upload(env, clerk, `/api/v1/households/imports?orgId=${org.id}`, 'a.xlsx', wb), 'import') as {
    id: number;
  };
  let rows: { items: { id: number }[] } = { items: [] };
  for (let i = 0; i < 200 && rows.items.length === 0; i++) {
    const b = must(await clerk.get(`/api/v1/households/imports/${imp.id}`), 'import status');
    if (b.status === 'failed') throw new Error(`fixture import failed: ${JSON.stringify(b)}`);
    if (b.status !== 'validating') rows = must(await clerk.get(`/api/v1/households/imports/${imp.id}/rows`), 'rows');
    else await new Promise((r) => setTimeout(r, 25));
  }
  if (!rows.items[0]) throw new Error('fixture import has no rows');
  const user = await env.user(`u-${placement}`, org.id, ['intake_clerk']);
  const campaign = must(
    await admin.post('/api/v1/campaigns', {
      orgId: org.id,
      programme: 'holiday',
      templateId: 'seed004.p2.holiday',
      title: `送温暖${tag}`,
      startsOn: today,
      endsOn: '2099-12-31',
    }),
    'campaign',
  );
  const body = await approvalBodyFixture(env, admin, org.id, tag, app.id, placement);
  const desk = await deskFixtures(env, placement, org, n, today);
  const legal = await legalFixtures(env, placement, org, n, today);
  return {
    ...body,
    ...desk,
    ...legal,
    placement,
    tag,
    orgId: org.id,
    orgName: org.name,
    householdId,
    householdName,
    idNumber,
    attachmentId: att.id,
    fundId: fund.id,
    batchId: batch.id,
    grantId: grant.id,
    applicationId: app.id,
    stockId: stock.stockId,
    certificateId: cert.id,
    certificateNo: cert.number,
    importId: imp.id,
    importRowId: rows.items[0].id,
    userId: user.id,
    campaignId: campaign.id,
    roundId: 0,
    objectionIds: { batch: 0, application: 0, campaign: 0 },
    changeId: change.id,
  };
}

export async function buildWorld(dialect: 'sqlite' | 'postgres'): Promise<World> {
  const env = await TestEnv.create(dialect);
  const root = await env.root();
  const province = await env.org(root.id, '广东省总工会', 'province', '440000');
  const county = await env.org(province.id, '武江区总工会', 'county', '440203');
  const street = await env.org(county.id, '西河镇总工会', 'street');
  const sibling = await env.org(province.id, '浈江区总工会', 'county', '440204');
  const today = env.ctx.clock.today();

  // The rules every node inherits from the province: 低保 line, living relief from 2027, medical, holiday.
  const admin = await env.loginAdmin();
  must(
    await admin.post('/api/v1/policies/eligibility', {
      orgId: province.id,
      effectiveFrom: '2020-01-01',
      dibaoLineFen: 78_000,
    }),
    'policy',
  );
  for (const [templateId, effectiveFrom, params] of [
    ['seed004.p1.living', '2027-01-01', {}],
    ['seed004.p1.medical', '2020-01-01', {}],
    ['seed004.p2.holiday', '2020-01-01', { amounts: { moderateFen: 200_000 } }],
  ] as const) {
    must(
      await admin.post('/api/v1/programmes/rules', { orgId: province.id, templateId, effectiveFrom, params }),
      'rule',
    );
  }

  const nodes: Record<Placement, { id: number; name: string }> = {
    own: county,
    child: street,
    sibling,
    parent: province,
  };
  const fx = {} as Record<Placement, NodeFx>;
  for (const [i, p] of placements.entries()) fx[p] = await nodeFixtures(env, p, nodes[p], i, today);
  // This year's review: the county's round holds the county's and the street's files; the province opens last
  // (a round above does not take files already in a round of the year).
  const sys = await env.system();
  for (const p of ['own', 'sibling', 'parent'] as const)
    fx[p].roundId = (await openRound(env.ctx, sys, { orgId: nodes[p].id, spotShareBp: 3000 })).id;
  fx.child.roundId = fx.own.roundId;
  for (const p of placements) fx[p].objectionIds = await noticeFixtures(env.ctx, sys, fx[p]);

  const callers = {} as World['callers'];
  const system = await env.system();
  for (const role of roles) {
    const username = `r-${role.replace(/_/g, '-')}`;
    // A worker's account is opened from their own file (the only way it is linked to one).
    const u =
      role === 'worker'
        ? await openWorkerAccount(env.ctx, system, fx.own.householdId, { username, password: USER_PASSWORD })
        : await createUser(env.ctx, system, {
            username,
            displayName: username,
            orgId: county.id,
            roles: [role],
            password: USER_PASSWORD,
            phone: null,
          });
    await env.ctx.db.updateTable('app_user').set({ must_change_password: 0 }).where('id', '=', u.id).execute();
    callers[role] = await env.login(username);
  }
  return { env, fx, callers, today };
}
