import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchBrowser, mustHaveChromium } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';
import {
  button,
  chooseOption,
  createChildOrg,
  dialog,
  openMenu,
  selectTreeNode,
  signIn,
  signOut,
} from './support/ui.js';

/**
 * The foundation walk: an administrator builds a small tree and an intake clerk for one county; the clerk
 * signs in, must replace the initial password, and then sees that county's subtree only.
 */
const ROOT = '中华全国总工会';
const CITY = '南京市总工会';
const COUNTY = '玄武区总工会';
const SIBLING = '秦淮区总工会';
const CLERK = { username: 'xuanwu.clerk', name: '张建档', initial: 'Start2026go', changed: 'Xw2026secure' };

if (chromiumMissing && mustHaveChromium)
  describe('foundation walk', () => {
    it('needs /usr/bin/chromium in CI', () => {
      throw new Error('/usr/bin/chromium is missing and CI=true: install Debian chromium and fonts-noto-cjk.');
    });
  });

describe.skipIf(chromiumMissing)('foundation walk: admin builds the tree, the clerk sees only their county', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const shotDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-e2e-shots-'));
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    console.log(`[e2e] screenshots in ${shotDir}`);
  });

  it('the administrator signs in and creates a city, two counties and a clerk of the first county', async () => {
    await signIn(page, server.baseUrl, 'admin', server.adminPassword);
    await page.waitForURL('**/orgs');
    await page.getByRole('heading', { name: '组织机构', level: 4 }).waitFor();
    await expect(page.getByTestId('header-org').textContent()).resolves.toContain(ROOT);
    // The caller's own node is the top of the tree and selected at first.
    await page.getByTestId('org-detail-name').filter({ hasText: ROOT }).waitFor();

    await createChildOrg(page, { name: CITY, type: '市级工会', code: '320100' });
    await createChildOrg(page, { name: COUNTY, type: '县区工会', code: '320102' });
    await selectTreeNode(page, CITY);
    await createChildOrg(page, { name: SIBLING, type: '县区工会', code: '320104' });
    const tree = page.getByTestId('org-tree');
    for (const name of [ROOT, CITY, COUNTY, SIBLING]) await tree.getByText(name, { exact: true }).waitFor();

    await openMenu(page, '用户与角色');
    await button(page, '新建用户').click();
    const modal = dialog(page, '新建用户');
    await modal.getByLabel('用户名').fill(CLERK.username);
    await modal.getByLabel('姓名').fill(CLERK.name);
    await modal.getByLabel('所属组织').click();
    await page.keyboard.type('玄武');
    await chooseOption(page, COUNTY);
    await modal.getByLabel('角色').click();
    await chooseOption(page, '建档员（基层工会）');
    await page.keyboard.press('Escape');
    await modal.getByLabel('初始密码').fill(CLERK.initial);
    await modal.getByLabel('确认新密码').fill(CLERK.initial);
    await button(modal, '保存').click();
    await modal.waitFor({ state: 'hidden' });
    const row = page.getByTestId('user-table').getByRole('row').filter({ hasText: CLERK.username });
    await row.waitFor();
    const rowText = await row.textContent();
    expect(rowText).toContain(COUNTY);
    expect(rowText).toContain('建档员（基层工会）');
    expect(rowText).toContain('待改密');

    await signOut(page);
  });

  it('the clerk must change the initial password first, then sees only the county’s subtree', async () => {
    await signIn(page, server.baseUrl, CLERK.username, CLERK.initial);
    await page.waitForURL('**/password');
    await page.getByText('请修改初始密码').waitFor();
    await page.getByLabel('当前密码').fill(CLERK.initial);
    await page.getByLabel('新密码', { exact: true }).fill(CLERK.changed);
    await page.getByLabel('确认新密码').fill(CLERK.changed);
    await button(page, '确认修改').click();

    // An intake clerk may read organisations only: the organisation page is their start.
    await page.waitForURL('**/orgs');
    await page.getByRole('heading', { name: '组织机构', level: 4 }).waitFor();
    await expect(page.getByTestId('header-org').textContent()).resolves.toContain(COUNTY);
    const menu = await page.getByRole('menu').first().textContent();
    expect(menu).toContain('组织机构');
    expect(menu).not.toContain('用户与角色');
    expect(menu).not.toContain('审计日志');

    // The county is the top of the tree; nothing above or beside it is shown anywhere on the page.
    const tree = page.getByTestId('org-tree');
    await tree.getByText(COUNTY, { exact: true }).waitFor();
    await page.getByTestId('org-detail-name').filter({ hasText: COUNTY }).waitFor();
    // One node in the whole tree: the county (it has no children yet).
    const nodes = tree.locator('[data-testid^="org-node-"]');
    await expect(nodes.count()).resolves.toBe(1);
    await expect(nodes.first().textContent()).resolves.toContain(COUNTY);
    const body = () =>
      page
        .locator('body')
        .textContent()
        .then((t) => t ?? '');
    for (const hidden of [ROOT, CITY, SIBLING]) expect(await body()).not.toContain(hidden);
    // No maintenance buttons for a clerk.
    await expect(button(page, '新增下级').count()).resolves.toBe(0);

    // The search box searches the clerk's subtree only.
    const search = page.getByTestId('org-tree-panel').getByPlaceholder('搜索组织名称或区划代码');
    const results = page.getByTestId('org-search-results');
    for (const q of ['南京', '秦淮', '中华全国', '320104']) {
      await search.fill(q);
      await search.press('Enter');
      await results.getByText('未找到匹配的组织').waitFor();
      await results.getByText(`“${q}” 共找到 0 个组织`).waitFor();
    }
    await search.fill('总工会');
    await search.press('Enter');
    await results.getByText('“总工会” 共找到 1 个组织').waitFor();
    const found = (await results.textContent()) ?? '';
    expect(found).toContain(COUNTY);
    for (const hidden of [ROOT, CITY, SIBLING]) expect(found).not.toContain(hidden);
    for (const hidden of [ROOT, CITY, SIBLING]) expect(await body()).not.toContain(hidden);

    await search.fill('');
    await search.press('Enter');
    await tree.getByText(COUNTY, { exact: true }).waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(shotDir, 'clerk-orgs.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
