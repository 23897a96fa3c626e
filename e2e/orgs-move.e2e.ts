import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, pageAs } from './support/archive.js';
import { chromiumMissing, launchBrowser, mustHaveChromium } from './support/browser.js';
import { moneyHousehold } from './support/money.js';
import { type RunningServer, startServer } from './support/server.js';
import { button, chooseOption, dialog, openMenu, text } from './support/ui.js';

/**
 * Issue 9's test list: "a county is moved under another city and its clerk still works with all its files".
 * The province's administrator moves 武江区 (its street, four files in the archive and a clerk) from 韶关市 to
 * 清远市 on the organisation page. The county's clerk, signed in all along, still sees the four files, opens one
 * and records a month's income; 韶关市's auditor no longer sees them (the list is empty, a file's address
 * answers 不存在), 清远市's auditor does.
 */
const PROVINCE = '广东省总工会';
const OLD_CITY = '韶关市总工会';
const NEW_CITY = '清远市总工会';
const COUNTY = '武江区总工会';
const STREET = '西河镇总工会';
const PASSWORD = 'Walk2026pass';
const ADMIN = { username: 'gd.admin', name: '省总管理员' };
const CLERK = { username: 'wj.clerk', name: '陈经办' };
const APPROVER = { username: 'wj.approver', name: '张伟' };
const OLD_AUDITOR = { username: 'sg.auditor', name: '韶关审计' };
const NEW_AUDITOR = { username: 'qy.auditor', name: '清远审计' };
const FILES = 4;
const DAY = 86_400_000;

if (chromiumMissing && mustHaveChromium)
  describe('org move walk', () => {
    it('needs /usr/bin/chromium in CI', () => {
      throw new Error('/usr/bin/chromium is missing and CI=true: install Debian chromium and fonts-noto-cjk.');
    });
  });

describe.skipIf(chromiumMissing)('org move walk: a county moves under another city with its files and clerk', () => {
  let server: RunningServer;
  let browser: Browser;
  let clerk: Page;
  const files: { id: number; name: string }[] = [];
  const pageErrors: string[] = [];
  const shotDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-e2e-orgs-move-'));
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(shotDir, `${name}.png`), fullPage: true });

  async function as(user: { username: string }) {
    const page = await pageAs(browser, server.baseUrl, user.username, PASSWORD);
    page.on('pageerror', (e) => pageErrors.push(`${user.username}: ${e.message}`));
    return page;
  }

  /** 档案管理 as this user: the number of files the list shows (its 共 N 条, or 0 with the empty state). */
  async function archiveCount(page: Page): Promise<number> {
    const listed = page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/v1/households' && r.request().method() === 'GET',
    );
    await page.goto(`${server.baseUrl}/archive`);
    await page.getByRole('heading', { name: '档案管理', level: 4 }).waitFor();
    const { total } = (await (await listed).json()) as { total: number };
    const table = page.getByTestId('archive-table');
    if (total === 0) {
      await table.locator('.ant-empty').waitFor();
      expect(await table.getByTestId('file-link').count()).toBe(0);
      return 0;
    }
    const shown = page.getByText(/^共 \d+ 条$/);
    await shown.waitFor();
    return Number((await text(shown)).replace(/\D/g, ''));
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    console.log(`[e2e] org move screenshots in ${shotDir}`);
  });

  it('sets up two cities, the county with its street, people and four files in the archive (API)', async () => {
    const root = new Api(server.baseUrl);
    const me = await root.login('admin', server.adminPassword);
    const province = await root.org(me.orgId, PROVINCE, 'province', '440000');
    const oldCity = await root.org(province, OLD_CITY, 'city', '440200');
    const newCity = await root.org(province, NEW_CITY, 'city', '441800');
    const county = await root.org(oldCity, COUNTY, 'county', '440203');
    const street = await root.org(county, STREET, 'street');
    await root.user({ ...ADMIN, orgId: province, roles: ['admin'], password: PASSWORD });
    await root.user({ ...CLERK, orgId: county, roles: ['intake_clerk', 'reviewer'], password: PASSWORD });
    await root.user({ ...APPROVER, orgId: county, roles: ['approver'], password: PASSWORD });
    await root.user({ ...OLD_AUDITOR, orgId: oldCity, roles: ['auditor'], password: PASSWORD });
    await root.user({ ...NEW_AUDITOR, orgId: newCity, roles: ['auditor'], password: PASSWORD });

    const api = new Api(server.baseUrl);
    await api.login(CLERK.username, PASSWORD);
    const grades = new Map<number, string>();
    for (let i = 0; i < FILES; i++) {
      const h = moneyHousehold(street, i);
      const { id } = await api.call<{ id: number }>('POST', '/v1/households', h.body);
      await api.call('POST', `/v1/households/${id}/submit`);
      await api.call('POST', `/v1/households/${id}/review`, {
        decision: 'pass',
        visit: { visitedOn: '2026-11-20', visitors: '陈经办、街道工会', findings: '入户核实，情况属实' },
        opinion: '同意公示',
      });
      files.push({ id, name: h.body.name });
      grades.set(id, h.grade);
    }
    await root.advanceClock(8 * DAY);
    const clerkApi = new Api(server.baseUrl);
    await clerkApi.login(CLERK.username, PASSWORD);
    for (const { id } of files) await clerkApi.call('POST', `/v1/households/${id}/finish-notice`);
    const approver = new Api(server.baseUrl);
    await approver.login(APPROVER.username, PASSWORD);
    for (const { id } of files)
      await approver.call('POST', `/v1/households/${id}/approve`, {
        decision: 'approve',
        grade: grades.get(id),
        overrideReason: '按收入核定',
        opinion: '同意纳入帮扶',
      });
  });

  it('before the move: the clerk and 韶关市 see the four files, 清远市 none', async () => {
    clerk = await as(CLERK);
    expect(await archiveCount(clerk)).toBe(FILES);
    const oldCity = await as(OLD_AUDITOR);
    expect(await archiveCount(oldCity)).toBe(FILES);
    await oldCity.context().close();
    const newCity = await as(NEW_AUDITOR);
    expect(await archiveCount(newCity)).toBe(0);
    await newCity.context().close();
  });

  it('the province administrator moves 武江区 under 清远市 on the organisation page', async () => {
    const page = await as(ADMIN);
    await openMenu(page, '组织机构');
    const search = page.getByTestId('org-tree-panel').getByPlaceholder('搜索组织名称或区划代码');
    await search.fill('武江');
    await search.press('Enter');
    await page.getByTestId('org-search-results').getByText(COUNTY, { exact: true }).click();
    await page.getByTestId('org-detail-name').filter({ hasText: COUNTY }).waitFor();
    await button(page, '移动').click();
    const modal = dialog(page, `移动组织 — ${COUNTY}`);
    await modal.getByText('档案、资金、物资等数据随之移动').waitFor();
    await modal.getByLabel('新的上级组织').click();
    await page.keyboard.type('清远');
    await chooseOption(page, NEW_CITY);
    await shot(page, 'admin-move-dialog');
    await button(modal, '确定移动').click();
    await page.getByText(`已移动“${COUNTY}”`).waitFor();
    await modal.waitFor({ state: 'hidden' });
    // The county's place now reads 广东省总工会 / 清远市总工会 / 武江区总工会.
    const place = page.getByTestId('org-detail').locator('.ant-breadcrumb');
    await place.filter({ hasText: NEW_CITY }).waitFor();
    expect(await text(place)).not.toContain(OLD_CITY);
    await shot(page, 'admin-after-move');
    await page.context().close();
  });

  it('the clerk, still signed in, sees the same four files, opens one and records a month’s income', async () => {
    expect(await archiveCount(clerk)).toBe(FILES);
    const [first] = files;
    if (!first) throw new Error('no file');
    await clerk.getByTestId('archive-table').getByText(first.name, { exact: true }).click();
    await clerk.getByTestId('file-name').filter({ hasText: first.name }).waitFor();
    await clerk.getByRole('tab', { name: '按月收入' }).click();
    await clerk.getByLabel('家庭月总收入').fill('2400');
    await clerk.getByLabel('备注').fill('移交清远市后首次登记');
    await button(clerk, '登记').click();
    await clerk.getByText(/^已登记 \d{4}-\d{2} 的收入$/).waitFor();
    const row = clerk.getByTestId('income-table').getByRole('row').filter({ hasText: '移交清远市后首次登记' });
    await row.waitFor();
    expect(await text(row)).toContain('2,400.00');
    await shot(clerk, 'clerk-income-after-move');
  });

  it('韶关市 no longer sees the files, not even by address; 清远市 sees all four and the new income', async () => {
    const [first] = files;
    if (!first) throw new Error('no file');
    const oldCity = await as(OLD_AUDITOR);
    expect(await archiveCount(oldCity)).toBe(0);
    await oldCity.goto(`${server.baseUrl}/archive/${first.id}`);
    await oldCity.getByText('档案不存在或不在您的管辖范围内').waitFor();
    await shot(oldCity, 'old-city-file-gone');
    await oldCity.context().close();

    const newCity = await as(NEW_AUDITOR);
    expect(await archiveCount(newCity)).toBe(FILES);
    await newCity.goto(`${server.baseUrl}/archive/${first.id}`);
    await newCity.getByTestId('file-name').filter({ hasText: first.name }).waitFor();
    await newCity.getByRole('tab', { name: '按月收入' }).click();
    await newCity.getByTestId('income-table').getByText('移交清远市后首次登记').waitFor();
    await shot(newCity, 'new-city-file');
    await newCity.context().close();
    expect(pageErrors).toEqual([]);
  });
});
