import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchBrowser, mustHaveChromium } from './support/browser.js';
import { generatedId, MoneyApi, signedInPage, typeDate } from './support/money.js';
import { type RunningServer, startServer } from './support/server.js';
import { button, chooseOption, dialog, openMenu, text } from './support/ui.js';

/**
 * The rights desk walk (issue 13): the city's 12351 hotline registers a wages-owed call on the keyboard — the
 * caller's earlier order shows as soon as the phone is typed — and dispatches it to a county; the county accepts,
 * answers and closes it with 30,000 元 recovered, and the callback records 满意. A second order, supervised by the
 * city, goes overdue when the clock moves and shows in the overdue queue of the county and of the supervising city.
 * A confidential complainant is "保密" to a county clerk who does not own the order; its owner reveals the person.
 */
const CITY = '韶关市总工会';
const COUNTY = '武江区总工会';
const PASSWORD = 'Desk2026pass';
const HOTLINE = { username: 'sg.hotline', name: '林热线' };
const LEADER = { username: 'sg.leader', name: '黄主任' };
const COUNTY_DESK = { username: 'wj.hotline', name: '陈接线' };
const COUNTY_CLERK = { username: 'wj.clerk', name: '李经办' };
const CALLER = { name: '张建国', phone: '13800138001', id: generatedId(7001), employer: '韶关某建筑工程有限公司' };
const DAY = 86_400_000;
/** expect.poll waits 1 s by default: too short on a busy machine. */
const POLL = { timeout: 15_000 };

if (chromiumMissing && mustHaveChromium)
  describe('service desk walk', () => {
    it('needs /usr/bin/chromium in CI', () => {
      throw new Error('/usr/bin/chromium is missing and CI=true: install Debian chromium and fonts-noto-cjk.');
    });
  });

describe.skipIf(chromiumMissing)('service desk walk: 12351 call, 转办, 签收, 办结, 回访, overdue, 保密', () => {
  let server: RunningServer;
  let browser: Browser;
  let cityId = 0;
  let countyId = 0;
  let orderNo = '';
  let orderId = 0;
  let earlierNo = '';
  let lateNo = '';
  let secretId = 0;
  const pageErrors: string[] = [];
  const shotDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-e2e-desk-'));
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(shotDir, `${name}.png`), fullPage: true });
  const as = async (who: { username: string }) => {
    const page = await signedInPage(browser, server.baseUrl, who.username, PASSWORD);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    return page;
  };
  const api = async (who: { username: string }) => {
    const a = new MoneyApi(server.baseUrl);
    await a.login(who.username, PASSWORD);
    return a;
  };
  /** A queue tab's count badge on the desk. */
  const count = async (page: Page, queue: string) =>
    Number(
      (await text(page.getByTestId(`count-${queue}`).locator('.ant-scroll-number, .ant-badge-count').first())).trim(),
    );

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    console.log(`[e2e] service desk screenshots in ${shotDir}`);
  });

  it('sets up the city centre, a county, their desk staff and an earlier call (API: not the point)', async () => {
    const root = new MoneyApi(server.baseUrl);
    const me = await root.login('admin', server.adminPassword);
    const province = await root.org(me.orgId, '广东省总工会', 'province', '440000');
    cityId = await root.org(province, CITY, 'city', '440200');
    countyId = await root.org(cityId, COUNTY, 'county', '440203');
    await root.org(cityId, '浈江区总工会', 'county', '440204');
    await root.user({ ...HOTLINE, orgId: cityId, roles: ['hotline_operator'], password: PASSWORD });
    await root.user({ ...LEADER, orgId: cityId, roles: ['approver'], password: PASSWORD });
    await root.user({ ...COUNTY_DESK, orgId: countyId, roles: ['hotline_operator'], password: PASSWORD });
    await root.user({ ...COUNTY_CLERK, orgId: countyId, roles: ['hotline_operator'], password: PASSWORD });
    // The same caller asked about a policy two months ago.
    const city = await api(HOTLINE);
    const earlier = await city.call<{ orderNo: string }>('POST', '/v1/work-orders', {
      channel: 'phone',
      personName: CALLER.name,
      phone: CALLER.phone,
      categories: ['policy_question'],
      content: '咨询劳动合同到期不续签的经济补偿。',
    });
    earlierNo = earlier.orderNo;
  });

  it("the city's hotline registers a wages-owed call on the keyboard; the caller's earlier order shows at once", async () => {
    const page = await as(HOTLINE);
    await openMenu(page, '来电来访登记');
    const form = page.getByTestId('register-form');
    // The phone field has the focus; Enter moves from field to field.
    await page.locator('#phone:focus').waitFor();
    await page.keyboard.type(CALLER.phone);
    await page.getByTestId('caller-orders').getByText(earlierNo).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('#personName:focus').waitFor();
    await page.keyboard.type(CALLER.name);
    await page.keyboard.press('Enter');
    await page.keyboard.type(CALLER.id);
    await page.keyboard.press('Enter');
    await page.keyboard.type(CALLER.employer);
    await page.keyboard.press('Enter');
    await page.locator('#categories:focus').waitFor();
    await page.keyboard.type('欠薪');
    await chooseOption(page, '欠薪讨薪');
    await page.keyboard.press('Escape');
    // The list must be closed before Enter: in an open list Enter picks an option instead of moving on.
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
    await page.locator('#categories:focus').waitFor();
    await page.keyboard.press('Enter');
    await page.locator('#content:focus').waitFor();
    await page.keyboard.type('在韶关某工地做木工，三个月工资共30000元未发，多次讨要未果。');
    await shot(page, 'register-typed');
    await page.keyboard.press('Control+Enter');

    const saved = page.getByTestId('register-saved');
    await saved.waitFor();
    orderNo = (await text(saved.getByTestId('saved-order-no'))).trim();
    expect(orderNo).toMatch(/^GD44-\d{4}-\d{7}$/);
    expect(await text(saved.getByTestId('saved-due'))).toMatch(/办理期限 \d{4}-\d{2}-\d{2}（15 个工作日）/);
    expect(await text(saved)).toContain(`承办人：${HOTLINE.name}`);
    // The form is empty again for the next call, the phone field focused.
    expect(await form.getByLabel('联系电话').inputValue()).toBe('');
    await shot(page, 'register-saved');

    await saved.getByRole('link', { name: '打开工单' }).click();
    await page.getByTestId('order-no').filter({ hasText: orderNo }).waitFor();
    orderId = Number(/\/work-orders\/(\d+)$/.exec(page.url())?.[1]);
    expect(await text(page.getByTestId('person-card'))).toContain(CALLER.name);

    // 分级主办: 转办 down to the county, picked in the city's subtree.
    await button(page, '转办').click();
    const modal = dialog(page, `转办：${orderNo}`);
    await modal.getByLabel('承办工会').click();
    await page.locator('.ant-select-tree').getByText(COUNTY, { exact: true }).click();
    await modal.getByLabel('说明（可选）').fill('请区总工会核实处理');
    await button(modal, '转办').click();
    await modal.waitFor({ state: 'hidden' });
    await page.getByTestId('order-status').filter({ hasText: '待签收' }).waitFor();
    await page.getByTestId('order-timeline').getByText(`至 ${COUNTY}`).waitFor();
    // The city's hotline may do nothing more on it now.
    await page.getByTestId('order-actions').getByText('此工单当前没有您可以办理的事项').waitFor();
    await shot(page, 'order-transferred');
    await page.context().close();
  });

  it('the county accepts, answers and closes it with 30,000 元 recovered; the callback records 满意', async () => {
    const page = await as(COUNTY_DESK);
    await openMenu(page, '维权工作台');
    await expect.poll(() => count(page, 'awaiting_acceptance'), POLL).toBe(1);
    await page.getByTestId('tab-awaiting_acceptance').click();
    await page.getByRole('link', { name: orderNo }).click();
    await page.getByTestId('order-no').filter({ hasText: orderNo }).waitFor();
    await button(page, '签收').click();
    await page.getByText('已签收，您是承办人').waitFor();
    await page.getByTestId('order-status').filter({ hasText: '办理中' }).waitFor();

    await button(page, '办结答复').click();
    const modal = dialog(page, `办结答复：${orderNo}`);
    await modal.getByLabel('答复内容').fill('经区总工会协调劳动监察部门，企业已足额支付拖欠的三个月工资。');
    await modal.getByLabel('办理结果').click();
    await chooseOption(page, '已解决');
    await modal.getByLabel('追回欠薪（元）').fill('30000');
    await button(modal, '办结答复').click();
    await modal.waitFor({ state: 'hidden' });
    await page.getByTestId('order-status').filter({ hasText: '已办结' }).waitFor();
    expect(await text(page.getByTestId('wages-recovered'))).toBe('¥30,000.00');

    await button(page, '回访').click();
    const cb = dialog(page, `回访：${orderNo}`);
    await cb
      .locator('label.ant-radio-button-wrapper')
      .filter({ hasText: /^满意$/ })
      .click();
    await cb.getByLabel('回访记录（可选）').fill('职工表示工资已到账，感谢工会。');
    await button(cb, '回访').click();
    await cb.waitFor({ state: 'hidden' });
    await page.getByTestId('order-callback').filter({ hasText: '满意' }).waitFor();
    const history = await text(page.getByTestId('order-timeline'));
    for (const step of ['登记', '转办（下级工会）', '签收', '办结答复', '回访', '追回欠薪 ¥30,000.00', '按期'])
      expect(history).toContain(step);
    await shot(page, 'order-closed');
    await page.context().close();

    const d = await (await api(HOTLINE)).call<{ status: string; wagesRecoveredFen: number; satisfaction: string }>(
      'GET',
      `/v1/work-orders/${orderId}`,
    );
    expect(d).toMatchObject({ status: 'closed', wagesRecoveredFen: 3_000_000, satisfaction: 'satisfied' });
  });

  it('a second order, supervised by the city, goes overdue when the clock moves: county and city see it', async () => {
    const city = await api(HOTLINE);
    const late = await city.call<{ id: number; orderNo: string }>('POST', '/v1/work-orders', {
      channel: 'visit',
      personName: '王秀英',
      phone: '13800138002',
      categories: ['social_insurance'],
      content: '单位未为其缴纳社会保险。',
    });
    lateNo = late.orderNo;
    await city.call('POST', `/v1/work-orders/${late.id}/transfer`, { orgId: countyId });
    await (await api(COUNTY_DESK)).call('POST', `/v1/work-orders/${late.id}/accept`);

    // 督办 from the city, on the order page.
    const leader = await as(LEADER);
    await leader.goto(`${server.baseUrl}/work-orders/${late.id}`);
    await leader.getByTestId('order-no').filter({ hasText: lateNo }).waitFor();
    await button(leader, '督办').click();
    const modal = dialog(leader, `督办：${lateNo}`);
    await typeDate(
      leader,
      modal,
      '报告期限',
      new Date(Date.now() + 8 * 3_600_000 + 7 * DAY).toISOString().slice(0, 10),
    );
    await modal.getByLabel('督办要求').fill('请于一周内报告办理情况');
    await button(modal, '督办').click();
    await modal.waitFor({ state: 'hidden' });
    await leader.getByTestId('supervision').filter({ hasText: CITY }).waitFor();
    await leader.context().close();

    // 15 working days are well inside 45 calendar days, whatever the holidays.
    const root = new MoneyApi(server.baseUrl);
    await root.login('admin', server.adminPassword);
    await root.advanceClock(45 * DAY);

    for (const who of [COUNTY_DESK, LEADER]) {
      const page = await as(who);
      await openMenu(page, '维权工作台');
      // The city's own earlier call (never handled) is overdue too: two there, one at the county.
      await expect.poll(() => count(page, 'overdue'), POLL).toBe(who === LEADER ? 2 : 1);
      await page.getByTestId('tab-overdue').click();
      const row = page.getByTestId('order-table').locator(`tr[data-order-no="${lateNo}"]`);
      await row.waitFor();
      await row.getByText('超期').first().waitFor();
      expect(await row.getByTestId('due').getAttribute('data-overdue')).toBe('true');
      if (who === LEADER) {
        expect(await count(page, 'supervised')).toBe(1);
        await shot(page, 'desk-city-overdue');
      } else await shot(page, 'desk-county-overdue');
      await page.context().close();
    }
  });

  it('a confidential complainant is 保密 to a county clerk; the owner sees and reveals the person (audited)', async () => {
    const city = await api(HOTLINE);
    const o = await city.call<{ id: number; orderNo: string }>('POST', '/v1/work-orders', {
      channel: 'hotline_12351',
      personName: '赵举报',
      phone: '13800138003',
      idNumber: generatedId(7003),
      employer: '武江某厂',
      categories: ['union_complaint'],
      content: '反映厂工会主席挪用会费，请求保密。',
      confidential: true,
    });
    secretId = o.id;
    await city.call('POST', `/v1/work-orders/${o.id}/transfer`, { orgId: countyId });
    await (await api(COUNTY_DESK)).call('POST', `/v1/work-orders/${o.id}/accept`);

    const clerk = await as(COUNTY_CLERK);
    await openMenu(clerk, '维权工作台');
    await clerk.getByRole('tab', { name: '全部工单' }).click();
    const row = clerk.getByTestId('order-table').locator(`tr[data-order-no="${o.orderNo}"]`);
    await row.getByTestId('person-secret').filter({ hasText: '保密' }).waitFor();
    expect(await text(clerk.getByTestId('order-table'))).not.toContain('赵举报');
    await row.getByRole('link', { name: o.orderNo }).click();
    const card = clerk.getByTestId('person-card');
    await card.getByTestId('person-secret').waitFor();
    expect(await text(card)).not.toContain('赵举报');
    expect(await text(card)).not.toContain('武江某厂');
    expect(await card.getByRole('button', { name: /查看完整信息/ }).count()).toBe(0);
    expect(await text(clerk.getByTestId('order-content'))).toContain('挪用会费');
    await shot(clerk, 'order-confidential-clerk');
    await clerk.context().close();

    const owner = await as(COUNTY_DESK);
    await owner.goto(`${server.baseUrl}/work-orders/${secretId}`);
    const own = owner.getByTestId('person-card');
    await own.getByTestId('person-name').filter({ hasText: '赵举报' }).waitFor();
    await button(own, '查看完整信息').click();
    const revealed = owner.getByTestId('revealed');
    await revealed.waitFor();
    expect(await text(revealed)).toContain(generatedId(7003));
    expect(await text(revealed)).toContain('13800138003');
    await shot(owner, 'order-confidential-owner');
    await owner.context().close();

    const root = new MoneyApi(server.baseUrl);
    await root.login('admin', server.adminPassword);
    const audit = await root.call<{ items: { entityId: string | null; actorName: string | null; after: unknown }[] }>(
      'GET',
      `/v1/audit?action=work_order.read_personal&entityId=${secretId}&limit=50`,
    );
    // The owner's views and reveal are audited; the clerk, who saw 保密, left no trace of a reveal.
    const readers = audit.items.map((a) => a.actorName);
    expect(readers).toContain(COUNTY_DESK.username);
    expect(readers).not.toContain(COUNTY_CLERK.username);
    expect(audit.items.some((a) => JSON.stringify(a.after).includes('idNumber'))).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
