import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchBrowser, mustHaveChromium } from './support/browser.js';
import { MoneyApi, moneyHousehold } from './support/money.js';
import { type RunningServer, startServer } from './support/server.js';
import { button, chooseOption, dialog, openMenu, signIn } from './support/ui.js';

/**
 * The approval bodies walk (issue 10, item 3): the county administrator sets up the 帮扶中心委员会 on the 审批机构
 * page with its chair and three members; a 3,000 元 medical application (above 1,000 元: the committee decides,
 * seed 000 第二十六条) waits in the 审批待办 queue; a member records the committee's meeting — number, date, three
 * members present and their votes — and it is approved; the chair countersigns the vote recorded for him in his
 * own session; finance pays it; the application's decision record is printed (its 名单公示 print page does not
 * exist yet: issue 10, item 4). Screenshots at 1366×768, in Chinese and in English.
 */
const COUNTY = '武江区总工会';
const STREET = '西河镇总工会';
const PASSWORD = 'Bodies2026pass';
const ADMIN = { username: 'wj.admin', name: '周管理' };
const CLERK = { username: 'wj.clerk', name: '陈经办' };
const CHAIR = { username: 'wj.zhang', name: '张主任' };
const LI = { username: 'wj.li', name: '李委员' };
const WANG = { username: 'wj.wang', name: '王委员' };
const ZHAO = { username: 'wj.zhao', name: '赵委员' };
const FINANCE = { username: 'wj.finance', name: '刘会计' };
const MEETING = '2026年第3次';
const DAY = 86_400_000;

if (chromiumMissing && mustHaveChromium)
  describe('approval bodies walk', () => {
    it('needs /usr/bin/chromium in CI', () => {
      throw new Error('/usr/bin/chromium is missing and CI=true: install Debian chromium and fonts-noto-cjk.');
    });
  });

describe.skipIf(chromiumMissing)('approval bodies walk: roster, committee meeting, payment, decision record', () => {
  let server: RunningServer;
  let browser: Browser;
  let appUrl = '';
  let householdName = '';
  let householdId = 0;
  let fundId = 0;
  const pageErrors: string[] = [];
  const shotDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-e2e-bodies-'));
  /** The 1366×768 window as the user sees it (scrolled to the top of the page first, if asked). */
  const shot = async (page: Page, name: string, top = false) => {
    if (top) await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: path.join(shotDir, `${name}.png`) });
  };

  /** A fresh browser context at 1366×768, signed in as the user, in Chinese (or English once signed in). */
  async function as(user: { username: string }, lang: 'zh-CN' | 'en' = 'zh-CN') {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => pageErrors.push(`${user.username}: ${e.message}`));
    await signIn(page, server.baseUrl, user.username, PASSWORD);
    await page.getByTestId('user-menu').waitFor();
    if (lang === 'en') {
      await page.evaluate("localStorage.setItem('bangfu.lang', 'en')");
      await page.reload();
      await page.getByTestId('user-menu').waitFor();
    }
    return page;
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    console.log(`[e2e] approval bodies screenshots in ${shotDir}`);
  });

  it('sets up the county, its people, a household in the archive, the medical rule and a fund (API)', async () => {
    const root = new MoneyApi(server.baseUrl);
    const me = await root.login('admin', server.adminPassword);
    const province = await root.org(me.orgId, '广东省总工会', 'province', '440000');
    const county = await root.org(province, COUNTY, 'county', '440203');
    const street = await root.org(county, STREET, 'street');
    await root.user({ ...ADMIN, orgId: county, roles: ['admin'], password: PASSWORD });
    await root.user({ ...CLERK, orgId: county, roles: ['intake_clerk', 'reviewer'], password: PASSWORD });
    for (const u of [CHAIR, LI, WANG, ZHAO])
      await root.user({ ...u, orgId: county, roles: ['approver'], password: PASSWORD });
    await root.user({ ...FINANCE, orgId: county, roles: ['finance'], password: PASSWORD });

    const admin = new MoneyApi(server.baseUrl);
    await admin.login(ADMIN.username, PASSWORD);
    await admin.call('POST', '/v1/policies/eligibility', {
      orgId: county,
      effectiveFrom: '2020-01-01',
      dibaoLineFen: 78_000,
    });
    await admin.call('POST', '/v1/programmes/rules', {
      orgId: county,
      templateId: 'seed004.p1.medical',
      effectiveFrom: '2020-01-01',
      params: {},
    });

    // One 深度困难 household through the filing workflow (the notice runs out: the clock moves on).
    let clerk = new MoneyApi(server.baseUrl);
    await clerk.login(CLERK.username, PASSWORD);
    const h = moneyHousehold(street, 0);
    householdName = h.body.name;
    const { id } = await clerk.call<{ id: number }>('POST', '/v1/households', h.body);
    householdId = id;
    await clerk.call('POST', `/v1/households/${id}/submit`);
    await clerk.call('POST', `/v1/households/${id}/review`, {
      decision: 'pass',
      visit: { visitedOn: '2026-11-20', visitors: '陈经办、街道工会', findings: '入户核实，情况属实' },
      opinion: '同意公示',
    });
    await root.advanceClock(8 * DAY);
    clerk = new MoneyApi(server.baseUrl);
    await clerk.login(CLERK.username, PASSWORD);
    await clerk.call('POST', `/v1/households/${id}/finish-notice`);
    const chair = new MoneyApi(server.baseUrl);
    await chair.login(CHAIR.username, PASSWORD);
    await chair.call('POST', `/v1/households/${id}/approve`, {
      decision: 'approve',
      grade: h.grade,
      overrideReason: '按收入核定',
      opinion: '同意纳入帮扶',
    });

    // Back to the browser's calendar: the meeting's date (by default the browser's today) may not precede the
    // application.
    await root.setClock(new Date().toISOString());

    const finance = new MoneyApi(server.baseUrl);
    await finance.login(FINANCE.username, PASSWORD);
    const fund = await finance.call<{ id: number }>('POST', '/v1/funds', {
      orgId: county,
      name: '2026年工会帮扶资金',
      source: 'union',
      restrictedProgramme: null,
      year: 2026,
    });
    await finance.call('POST', `/v1/funds/${fund.id}/receipts`, { amountFen: 5_000_000, memo: '工会经费' });
    fundId = fund.id;

    // 3,000 元 of compliant self-paid cost, 100 % for a 深度 household: above 1,000 元, the committee decides.
    const app = await clerk.call<{ id: number; requiredLevel: string }>('POST', '/v1/applications', {
      householdId: id,
      templateId: 'seed004.p1.medical',
      inputs: { compliantSelfPaidFen: 300_000 },
      fundId: fund.id,
      note: '住院自付医疗费',
    });
    expect(app.requiredLevel).toBe('committee');
    appUrl = `${server.baseUrl}/applications/${app.id}`;
  });

  it('the administrator sets up the 帮扶中心委员会: the chair and three members on the roster', async () => {
    const page = await as(ADMIN);
    await openMenu(page, '审批机构');
    const card = page.getByTestId('body-committee');
    await card.getByText('未设立：由本级有审批权限的人员签批（现行做法）').waitFor();
    await button(card, '设立').click();
    const modal = dialog(page, '设立帮扶中心委员会');
    await expect(modal.getByLabel('名称').inputValue()).resolves.toBe('帮扶中心委员会');
    await button(modal, '保存').click();
    await modal.waitFor({ state: 'hidden' });
    await card.getByTestId('rules-committee').filter({ hasText: '组长/主任须到会' }).waitFor();
    for (const [u, role] of [
      [CHAIR, '组长/主任'],
      [LI, '成员'],
      [WANG, '成员'],
      [ZHAO, '成员'],
    ] as const) {
      await button(card, '添加成员').click();
      const add = dialog(page, '添加成员：帮扶中心委员会');
      // The people list loads while the dropdown is open; pick again if a re-render swallowed the first pick.
      for (let attempt = 0; attempt < 3; attempt++) {
        await add.getByLabel('人员').click();
        await chooseOption(page, u.name);
        const picked = add.locator('.ant-select-selection-item').filter({ hasText: u.name });
        if (
          await picked.waitFor({ timeout: 3_000 }).then(
            () => true,
            () => false,
          )
        )
          break;
      }
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
      await add.getByLabel(role, { exact: true }).check();
      await button(add, '保存').click();
      await add.waitFor({ state: 'hidden' });
      await card.getByRole('row').filter({ hasText: u.name }).getByText('在任').waitFor();
    }
    // Nobody puts themselves on a roster: the administrator is not even offered (not an approver).
    expect(await card.getByRole('row').count()).toBe(5);
    await shot(page, 'zh-bodies', true);
    await page.context().close();
  });

  it('a member records the committee’s meeting: three members present, their votes, the quorum holds', async () => {
    const page = await as(LI);
    await openMenu(page, '审批待办');
    await page.getByRole('tab', { name: /个案申请/ }).click();
    await page.getByTestId('application-queue').getByText('帮扶中心领导委员会').waitFor();
    await page.getByTestId('application-queue').getByRole('link', { name: householdName }).click();
    await page.waitForURL(appUrl);
    await button(page, '批准').click();
    const modal = dialog(page, '批准救助申请');
    await modal.getByTestId('decision-rule').filter({ hasText: '决定机构：帮扶中心委员会' }).waitFor();
    const roster = modal.getByTestId('meeting-roster');
    for (const u of [CHAIR, LI, WANG, ZHAO]) await roster.getByText(u.name).waitFor();
    const tally = modal.getByTestId('meeting-tally');
    await tally.filter({ hasText: '应到 4 人，实到 1 人（须至少 3 人）' }).waitFor();
    await tally.filter({ hasText: '组长/主任未到会' }).waitFor();

    await modal.getByLabel('会议编号').fill(MEETING);
    await modal.getByLabel(`到会 ${CHAIR.name}`).check();
    await modal.getByLabel(`到会 ${WANG.name}`).check();
    await modal.getByLabel(`表决 ${WANG.name}`).getByText('弃权').click();
    await modal.getByLabel(`个人意见 ${WANG.name}`).fill('建议核实发票');
    await tally.filter({ hasText: '应到 4 人，实到 3 人（须至少 3 人）；同意 2 票（须至少 2 票）' }).waitFor();
    await modal.getByLabel('审批意见').fill('经委员会研究，同意救助');
    await shot(page, 'zh-decision-dialog');
    await button(modal, '批准').click();
    await modal.waitFor({ state: 'hidden' });
    await page.getByTestId('application-status').filter({ hasText: '已批准' }).waitFor();

    const record = page.getByTestId('meeting-record');
    await record.getByText(`${MEETING} ·`, { exact: false }).waitFor();
    const votes = record.getByTestId('meeting-votes');
    const voteOf = (name: string) =>
      votes.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });
    await voteOf(CHAIR.name).getByText(`由${LI.name}录入，待本人确认`).waitFor();
    await voteOf(LI.name)
      .getByText(/^本人确认 /)
      .waitFor();
    await record.getByText(ZHAO.name).waitFor(); // absent
    await page.context().close();
  });

  it('the chair countersigns, in his own session, the vote recorded for him', async () => {
    const page = await as(CHAIR);
    await page.goto(appUrl);
    const record = page.getByTestId('meeting-record');
    await button(record, '确认本人表决').click();
    await page.getByText('已确认本人表决').waitFor();
    await record
      .getByTestId('meeting-votes')
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: CHAIR.name, exact: true }) })
      .getByText(/^本人确认 /)
      .waitFor();
    await expect(button(record, '确认本人表决').count()).resolves.toBe(0);
    await page.context().close();
  });

  it('finance pays it, and prints the application’s decision record', async () => {
    const page = await as(FINANCE);
    await page.goto(appUrl);
    await page.getByTestId('application-status').filter({ hasText: '已批准' }).waitFor();
    // Finance could send it back to the approvers with a reason; this one complies.
    await button(page, '拒绝支付').click();
    const refuse = dialog(page, '拒绝支付，退回审批');
    await refuse.getByText('财务人员有权拒绝支付', { exact: false }).waitFor();
    await refuse.getByLabel('拒付理由').fill('（示例）发票抬头不符');
    await shot(page, 'zh-refuse-dialog');
    await button(refuse, '取消').click();
    await refuse.waitFor({ state: 'hidden' });
    await button(page, '确认已转账').click();
    await page.getByTestId('application-status').filter({ hasText: '已发放' }).waitFor();
    await shot(page, 'zh-application-paid');

    await button(page, '打印决定记录').click();
    await page.waitForURL(/\/applications\/\d+\/record$/);
    const sheet = page.getByTestId('decision-sheet');
    await sheet.getByText('医疗救助申请审批决定记录').waitFor();
    await sheet.getByText(`帮扶中心委员会会议（会议编号：${MEETING}`, { exact: false }).waitFor();
    expect(await sheet.getByTestId('decision-vote').count()).toBe(3);
    const text = (await sheet.textContent()) ?? '';
    for (const word of ['应到4人，实到3人，同意2票', `缺席：${ZHAO.name}`, '决定：批准', '建议核实发票', householdName])
      expect(text).toContain(word);
    expect(text).toContain(`由${LI.name}录入，待本人确认`); // 王委员 has not countersigned yet
    expect(text).toMatch(/¥3,000\.00/);
    await shot(page, 'zh-decision-record', true);
    await page.context().close();
  });

  it('in English: the bodies page, the decision dialog, the decision record', async () => {
    const admin = await as(ADMIN, 'en');
    await admin.getByRole('menuitem', { name: 'Approval bodies' }).click();
    await admin.getByTestId('body-committee').getByText('Centre committee').first().waitFor();
    await admin.getByTestId('body-committee').getByText('In office').first().waitFor();
    await shot(admin, 'en-bodies', true);
    await admin.context().close();

    // A second application waiting for the committee, seen by a member in English.
    const clerk = new MoneyApi(server.baseUrl);
    await clerk.login(CLERK.username, PASSWORD);
    const second = await clerk.call<{ id: number }>('POST', '/v1/applications', {
      householdId,
      templateId: 'seed004.p1.medical',
      inputs: { compliantSelfPaidFen: 250_000 },
      period: '2026-2',
      fundId,
    });
    const page = await as(WANG, 'en');
    await page.goto(`${server.baseUrl}/applications/${second.id}`);
    await button(page, 'Approve').click();
    const modal = dialog(page, 'Approve');
    await modal.getByTestId('decision-rule').filter({ hasText: 'Decided by: 帮扶中心委员会' }).waitFor();
    await modal.getByLabel(`Present ${CHAIR.name}`).check();
    await modal.getByLabel(`Present ${ZHAO.name}`).check();
    await modal.getByTestId('meeting-tally').filter({ hasText: 'Roster 4, present 3' }).waitFor();
    await shot(page, 'en-decision-dialog');
    await button(modal, 'Cancel').click();

    await page.goto(appUrl);
    await page.getByTestId('meeting-record').getByText('Recorded by 李委员, awaiting the member').waitFor();
    await page.getByTestId('meeting-record').scrollIntoViewIfNeeded();
    await shot(page, 'en-application-record');
    await page.context().close();
    expect(pageErrors).toEqual([]);
  });
});
