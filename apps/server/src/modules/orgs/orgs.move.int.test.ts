import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../cli/demo.js';
import { subtreeEnd, tenantTables } from '../../platform/db/scoped.js';
import { testDialects } from '../../test-support/db.js';
import { type Client, TestEnv } from '../../test-support/env.js';
import { archiveWorkbook } from '../../test-support/households.js';

const multipart = async (_env: TestEnv, c: Client, url: string, name: string, buf: Buffer) => {
  const res = await c.upload(url, name, buf);
  if (res.status >= 300) throw new Error(`${url}: ${res.status} ${res.text}`);
  return res.body;
};
const ok = <R extends { status: number; text: string }>(r: R, what: string): R => {
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${r.text}`);
  return r;
};

/**
 * A county moved under a city of another province keeps everything below it: every tenant table's rows follow
 * (org_path and province_code), the county's own staff keep working with their files, the old city loses sight of
 * them and the new one gains it; the audit trail stays where it happened.
 */
describe.each(testDialects)('moving a union carries its data on %s', (dialect) => {
  let env: TestEnv;
  let county: { id: number; path: string };
  beforeAll(async () => {
    env = await TestEnv.create(dialect);
    await seedDemo(env.ctx, await env.system());
    const row = await env.ctx.db
      .selectFrom('org_node')
      .select(['id', 'path'])
      .where('name', '=', '武江区总工会')
      .executeTakeFirstOrThrow();
    county = { id: Number(row.id), path: row.path };
    await fillTheRest();
  });

  /** The demo leaves a few tables empty under the county: one row each through the API, as staff would. */
  async function fillTheRest() {
    const today = env.ctx.clock.today();
    const year = Number(today.slice(0, 4));
    const street = await env.ctx.db
      .selectFrom('org_node')
      .select('id')
      .where('name', '=', '西河镇总工会')
      .executeTakeFirstOrThrow();
    const clerk = await env.login('xh.clerk', DEMO_PASSWORD);
    const admin = await env.login('wj.admin', DEMO_PASSWORD);
    const cityFinance = await env.login('shi.finance', DEMO_PASSWORD);
    const filed = await clerk.get('/api/v1/households?status=filed&limit=5');
    const hh = filed.body.items[0].id as number;
    await multipart(
      env,
      clerk,
      `/api/v1/households/${hh}/attachments?kind=diagnosis`,
      'scan.pdf',
      Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(500, 7)]),
    );
    const imp = await multipart(
      env,
      clerk,
      `/api/v1/households/imports?orgId=${street.id}`,
      'a.xlsx',
      await archiveWorkbook([{ 姓名: '导入测试' }]),
    );
    for (let i = 0; i < 100; i++) {
      const r = await clerk.get(`/api/v1/households/imports/${imp.id}`);
      if (r.body.status !== 'validating' && r.body.status !== 'pending') break;
      await new Promise((res) => setTimeout(res, 100));
    }
    const file = await clerk.get(`/api/v1/households/${hh}`);
    const current = await clerk.get(`/api/v1/households/${hh}/versions/${file.body.version}`);
    ok(
      await clerk.post(`/api/v1/households/${hh}/changes`, {
        baseVersion: file.body.version,
        kinds: ['address_phone'],
        reason: '换了手机号',
        proposed: { ...current.body.content, phone: '13900009999' },
      }),
      'change',
    );
    ok(
      await cityFinance.put('/api/v1/budgets', { orgId: county.id, programme: 'medical', year, amountFen: 1_000_000 }),
      'budget',
    );
    ok(
      await clerk.post('/api/v1/certificates', { householdId: hh, kind: 'tekun', benefits: '凭证减免水费' }),
      'certificate',
    );
    const receipt = ok(
      await clerk.post('/api/v1/goods/receipts', {
        orgId: street.id,
        donorName: '韶钢集团',
        donorKind: 'enterprise',
        category: 'clothes',
        itemName: '棉被',
        unit: '条',
        quantity: 10,
        valueFen: 80_000,
        receivedOn: today,
        storagePlace: '仓库',
        handler: '李干事',
      }),
      'goods',
    );
    void receipt;
    ok(
      await admin.post('/api/v1/campaigns', {
        orgId: county.id,
        programme: 'holiday',
        templateId: 'seed004.p2.holiday',
        title: '春节送温暖',
        startsOn: today,
        endsOn: '2099-12-31',
      }),
      'campaign',
    );
    // The rights desk: a work order at the county with an attachment, a supervision from the city, a duty shift.
    await env.user('wj.desk', county.id, ['hotline_operator']);
    const desk = await env.login('wj.desk');
    const created = await desk.post('/api/v1/work-orders', {
      channel: 'hotline_12351',
      phone: '13800138000',
      categories: ['wages_owed'],
      content: '拖欠工资',
    });
    ok(created, 'work order');
    const order = created.body;
    await multipart(env, desk, `/api/v1/work-orders/${order.id}/attachments`, 'letter.pdf', Buffer.from('%PDF-1.4\n'));
    ok(
      await (await env.login('shi.admin', DEMO_PASSWORD)).post(`/api/v1/work-orders/${order.id}/supervise`, {
        dueOn: today,
        demand: '限期报告',
      }),
      'supervision',
    );
    ok(
      await desk.post('/api/v1/duty-shifts', {
        orgId: county.id,
        userId: order.owner.id,
        startsAt: '2026-12-01T08:00:00+08:00',
        endsAt: '2026-12-01T20:00:00+08:00',
      }),
      'duty shift',
    );
    // Legal aid: a lawyer of the county's roster and an application at its street with a case step and evidence.
    await env.user('wj.legal', county.id, ['legal_aid_officer']);
    await env.user('xh.legal', street.id, ['legal_aid_officer']);
    const legal = await env.login('wj.legal');
    const lawyer = (
      await legal.post('/api/v1/legal-lawyers', {
        orgId: county.id,
        name: '王律师',
        firm: '韶法律师事务所',
        licenceNo: '14402201810000001',
        phone: '13300001111',
        contractFrom: '2026-01-01',
        contractTo: '2099-12-31',
      })
    ).body as { id: number };
    const streetLegal = await env.login('xh.legal');
    const aid = (
      await streetLegal.post('/api/v1/legal-aid', { personName: '李四', disputeKind: 'wages_owed', reasons: '欠薪' })
    ).body as { id: number };
    ok(
      await (await env.login('wj.approver', DEMO_PASSWORD)).post(`/api/v1/legal-aid/${aid.id}/decision`, {
        approve: true,
        caseKind: 'mediation',
        opinion: '同意',
      }),
      'legal aid decision',
    );
    ok(await streetLegal.post(`/api/v1/legal-aid/${aid.id}/assign`, { lawyerId: lawyer.id }), 'legal aid assign');
    ok(
      await streetLegal.post(`/api/v1/legal-aid/${aid.id}/steps`, {
        stepOn: today,
        kind: 'mediation_session',
        what: '调解',
      }),
      'legal aid step',
    );
    await multipart(env, streetLegal, `/api/v1/legal-aid/${aid.id}/attachments`, 'c.pdf', Buffer.from('%PDF-1.4\n'));
    // A review round at the county (review_round) and one file reviewed in it (review_round_file). The demo's city
    // runs this year's round, which covers the county; last year's is the county's own (a late round).
    const approver = await env.login('wj.approver', DEMO_PASSWORD);
    const lastYear = Number(today.slice(0, 4)) - 1;
    const round = ok(
      await approver.post('/api/v1/review-rounds', { orgId: county.id, year: lastYear }),
      'review round',
    );
    ok(
      await clerk.post(
        `/api/v1/review-rounds/${(round as unknown as { body: { id: number } }).body.id}/files/${hh}/review`,
        {
          method: 'visit',
          reviewedOn: today,
          findings: '入户走访，情况属实',
          outcome: 'continue',
        },
      ),
      'review',
    );
    ok(
      await clerk.post('/api/v1/applications', {
        householdId: hh,
        templateId: 'seed004.p1.medical',
        inputs: { compliantSelfPaidFen: 1_000_000 },
      }),
      'application',
    );
    // The county's 领导组: its roster, and a meeting that decided an application (a row in each bodies table).
    const approverRow = await env.ctx.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'wj.approver')
      .executeTakeFirstOrThrow();
    const group = ok(
      await admin.post('/api/v1/approval-bodies', { orgId: county.id, kind: 'leadingGroup', name: '困难帮扶领导组' }),
      'approval body',
    );
    ok(
      await admin.post(`/api/v1/approval-bodies/${group.body.id}/members`, {
        userId: Number(approverRow.id),
        role: 'chair',
        fromDate: '2026-01-01',
      }),
      'roster',
    );
    const countyClerk = await env.login('wj.reviewer', DEMO_PASSWORD);
    const app = ok(
      await countyClerk.post('/api/v1/applications', {
        householdId: hh,
        templateId: 'seed004.p1.medical',
        inputs: { compliantSelfPaidFen: 80_000 },
        period: `${year}-move`,
      }),
      'county application',
    );
    // Its 名单公示 (money_notice) with an objection verified (money_notice_objection).
    const notice = `/api/v1/applications/${app.body.id}/notice`;
    ok(await countyClerk.post(notice, {}), 'notice');
    const objection = ok(
      await countyClerk.post(`${notice}/objections`, { raisedBy: '邻居', text: '收入有误' }),
      'objection',
    );
    ok(await countyClerk.post(`${notice}/objections/${objection.body.id}/verify`, { finding: '核实无误' }), 'verified');
    ok(
      await approver.post(`/api/v1/applications/${app.body.id}/decision`, {
        decision: 'reject',
        comment: '领导组研究不予救助',
        meeting: { number: '2026-1', heldOn: today, votes: [{ userId: Number(approverRow.id), vote: 'reject' }] },
      }),
      'meeting',
    );
  }
  afterAll(() => env.close());

  const countUnder = async (table: string, prefix: string) => {
    const r = await env.ctx.db
      .selectFrom(table as 'household')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_path', '>=', prefix)
      .where('org_path', '<', subtreeEnd(prefix))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  };

  it('rewrites org_path and province_code of every tenant row below it, except the audit trail', async () => {
    const before = new Map<string, number>();
    for (const t of tenantTables) before.set(t, await countUnder(t, county.path));
    const empty = [...before].filter(([, n]) => n === 0).map(([t]) => t);
    expect(empty, 'tables with no row under the county: the test would not prove they move').toEqual([]);

    const reviewer = await env.login('wj.reviewer', DEMO_PASSWORD);
    const oldCity = await env.login('shi.admin', DEMO_PASSWORD);
    const mine = await reviewer.get('/api/v1/households?limit=100');
    const cityBefore = await oldCity.get('/api/v1/households?limit=1');
    expect(mine.body.total).toBeGreaterThan(20);

    // 湖南省总工会 → 郴州市总工会: the county moves across provinces (province code 44 → 43).
    const root = await env.root();
    const province = await env.org(root.id, '湖南省总工会', 'province', '430000');
    const city = await env.org(province.id, '郴州市总工会', 'city', '431000');
    await env.user('cz.admin', city.id, ['admin']);
    const admin = await env.loginAdmin();
    const historyBefore = await countUnder('audit_log', county.path);
    const moved = await admin.post(`/api/v1/orgs/${county.id}/move`, { newParentId: city.id });
    expect(moved.status, moved.text).toBe(200);
    const newPath = moved.body.path as string;
    expect(newPath).toBe(`${city.path}${county.id}/`);

    for (const t of tenantTables) {
      if (t === 'audit_log') continue;
      expect({ t, left: await countUnder(t, county.path) }).toEqual({ t, left: 0 });
      expect({ t, moved: await countUnder(t, newPath) }).toEqual({ t, moved: before.get(t) });
      const provinces = await env.ctx.db
        .selectFrom(t as 'household')
        .select('province_code')
        .distinct()
        .where('org_path', '>=', newPath)
        .where('org_path', '<', subtreeEnd(newPath))
        .execute();
      expect({ t, provinces: provinces.map((p) => p.province_code) }).toEqual({ t, provinces: ['43'] });
    }
    // The history stays where it happened.
    expect(await countUnder('audit_log', county.path)).toBe(historyBefore);
    const newHistory = await env.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('org_path', '>=', newPath)
      .where('org_path', '<', subtreeEnd(newPath))
      .execute();
    expect(newHistory.map((h) => h.action)).toEqual(['org.move']);

    // The county's own staff keep working with all their files (a new session: their scope moved).
    const again = await env.login('wj.reviewer', DEMO_PASSWORD);
    const after = await again.get('/api/v1/households?limit=100');
    expect(after.body.total).toBe(mine.body.total);
    expect((await again.get(`/api/v1/households/${mine.body.items[0].id}`)).status).toBe(200);
    const clerk = await env.login('xh.clerk', DEMO_PASSWORD);
    const street = await env.ctx.db
      .selectFrom('org_node')
      .select('id')
      .where('name', '=', '西河镇总工会')
      .executeTakeFirstOrThrow();
    const stock = await clerk.get(`/api/v1/goods/stock?orgId=${street.id}`);
    expect(stock.status, stock.text).toBe(200);
    expect(stock.text).toContain('棉被');
    // The old city loses sight of them; the new city gains it.
    const cityAfter = await oldCity.get('/api/v1/households?limit=1');
    expect(cityAfter.body.total).toBe(cityBefore.body.total - mine.body.total);
    expect((await oldCity.get(`/api/v1/households/${mine.body.items[0].id}`)).status).toBe(404);
    const newCity = await env.login('cz.admin');
    expect((await newCity.get('/api/v1/households?limit=1')).body.total).toBe(mine.body.total);
    expect((await newCity.get(`/api/v1/households/${mine.body.items[0].id}`)).status).toBe(200);
  });
});
