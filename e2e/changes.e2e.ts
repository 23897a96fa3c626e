import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageAs } from './support/archive.js';
import { chromiumMissing, launchBrowser, mustHaveChromium } from './support/browser.js';
import {
  apiAs,
  babyId,
  COUNTY,
  FUND,
  NEW_BANK,
  OLD_CARD,
  PASSWORD,
  PEOPLE,
  setUpChangesWalk,
} from './support/changes.js';
import { typeDate } from './support/money.js';
import { type RunningServer, startServer } from './support/server.js';
import { button, chooseOption, dialog, openMenu, text } from './support/ui.js';

/**
 * Issue 9's walk of a living file: a worker reports a new bank card and a newborn child in self-service (信息变更),
 * the street's reviewer checks the difference and the grade it moves (相对困难 → 深度困难) and sends it up, the
 * county's approver approves 深度困难, the file's 变更记录 shows the new version and its difference, and the next
 * quarter's batch (Q2 2027; Q1 was paid to the old card) pays the 深度 amount, 1,975.00 元, to the new card.
 */
const BABY = { name: '王小宝', birth: '2026-11-01', id: babyId('2026-11-01', 321) };
const LAST4 = NEW_BANK.cardNumber.slice(-4);
const DEEP_Q = '¥1,975.00'; // 7,900 元 a year ÷ 4 (seed 004 篇一)

if (chromiumMissing && mustHaveChromium)
  describe('change-request walk', () => {
    it('needs /usr/bin/chromium in CI', () => {
      throw new Error('/usr/bin/chromium is missing and CI=true: install Debian chromium and fonts-noto-cjk.');
    });
  });

describe.skipIf(chromiumMissing)('change-request walk: self-service change, review, upper approval, next batch', () => {
  let server: RunningServer;
  let browser: Browser;
  let ids: Awaited<ReturnType<typeof setUpChangesWalk>>;
  let changeRow = '';
  let batchUrl = '';
  const pageErrors: string[] = [];
  const shotDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-e2e-changes-'));
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(shotDir, `${name}.png`), fullPage: true });

  async function as(user: { username: string }) {
    const page = await pageAs(browser, server.baseUrl, user.username, PASSWORD);
    page.on('pageerror', (e) => pageErrors.push(`${user.username}: ${e.message}`));
    return page;
  }

  /** 变更申请 → a tab → this walk's request (the only one) opened in its dialog. */
  async function openChange(page: Page, tab: string) {
    await openMenu(page, '变更申请');
    await page.getByRole('tab', { name: tab }).click();
    const row = page.getByTestId('change-queue').locator('.ant-table-row').filter({ hasText: PEOPLE.worker.name });
    await row.waitFor();
    changeRow = await text(row);
    await button(row, '查看').click();
    const d = page.getByTestId('change-dialog');
    await d.waitFor();
    return d;
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    console.log(`[e2e] change-request screenshots in ${shotDir}`);
  });

  it('sets up the county, its people, a filed 相对困难 household with a worker account, Q1 paid (API)', async () => {
    ids = await setUpChangesWalk(server.baseUrl, server.adminPassword);
    const finance = await apiAs(server.baseUrl, PEOPLE.finance);
    const g = await finance.call<{ items: { amountFen: number; status: string }[] }>(
      'GET',
      `/v1/households/${ids.fileId}/grants`,
    );
    expect(g.items).toMatchObject([{ amountFen: 157_500, status: 'paid' }]);
  });

  it('the worker reports a new bank card and a newborn child in the portal’s 信息变更', async () => {
    const page = await as(PEOPLE.worker);
    await openMenu(page, '我的档案');
    // Q1's living relief is in the help received, named as a programme (not its code).
    const q1 = page.locator('.ant-table-row').filter({ hasText: '2027Q1' });
    expect(await text(q1)).toMatch(/生活救助.*1,575\.00 元/);
    const card = page.getByTestId('self-changes');
    await card.getByText('暂无变更申报').waitFor();
    await page.getByTestId('self-change-open').click();
    const form = page.getByTestId('self-change-form');
    await form.getByLabel('开户银行').fill(NEW_BANK.bankName);
    await form.getByLabel('开户支行').fill(NEW_BANK.branch);
    await page.getByTestId('self-card').fill(NEW_BANK.cardNumber);
    await page.getByTestId('self-add-member').click();
    await form.getByLabel('姓名', { exact: true }).fill(BABY.name);
    // A new member is a child unless the worker says otherwise.
    await expect(text(form.locator('.ant-select').first())).resolves.toContain('子女');
    await form.getByLabel('身份证号', { exact: true }).fill(BABY.id);
    await typeDate(page, form, '出生日期', BABY.birth);
    await page.getByTestId('self-reason').fill('孩子出生了，工资卡换成农业银行的');
    await shot(page, 'self-form');
    await page.getByTestId('self-change-submit').click();
    await page.getByText('已提交，请等待工会审核').waitFor();
    const row = card.locator('.ant-table-row').first();
    await row.getByText('待审核').waitFor();
    expect(await text(row)).toMatch(/银行账户家庭成员增加/);
    await shot(page, 'self-submitted');
  });

  it('the street’s reviewer sees the difference and the grade it moves, and sends it up to the county', async () => {
    const page = await as(PEOPLE.streetReviewer);
    const d = await openChange(page, '待审核');
    expect(changeRow).toContain('职工自助申报');
    expect(changeRow).toMatch(/相对困难.*深度困难/);
    // The difference: the card masked to its last four, the bank, the newborn joining; the figures it moves.
    const diff = d.getByTestId('diff-view');
    await diff.getByText('家庭人口 3 → 4 人；月人均收入 900.00 元 → 675.00 元').waitFor();
    const diffText = await text(diff);
    expect(diffText).toContain(`****${LAST4}`);
    expect(diffText).not.toContain(NEW_BANK.cardNumber);
    expect(diffText).toContain(NEW_BANK.bankName);
    expect(diffText).toContain(`新增${BABY.name} · 子女`);
    expect(diffText).not.toContain(BABY.id);
    // The grade in force and the policy's proposal before → after.
    const facts = await text(d);
    expect(facts).toMatch(/现认定类别\s*相对困难/);
    expect(facts).toMatch(/变更后系统建议\s*深度困难/);
    await d.getByText('困难类别或认定结果将发生变化：本级审核通过后报上级工会审批').waitFor();
    await shot(page, 'review-dialog');
    await d.getByTestId('change-opinion').fill('出生证明、银行卡复印件已核');
    await page.getByTestId('change-approve').click();
    await page.getByText('已办理').waitFor();
    await d.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: '待上级审批' }).click();
    await page.getByTestId('change-queue').getByText('待上级审批', { exact: true }).waitFor();
  });

  it('the county’s approver approves 深度困难; the file’s 变更记录 shows the new version and its difference', async () => {
    const page = await as(PEOPLE.approver);
    const d = await openChange(page, '待上级审批');
    await d.getByText(/审核：孙审核.*出生证明、银行卡复印件已核/).waitFor();
    // The grade to grant is the policy's proposal; the approver keeps it.
    const grade = d.getByLabel('确定困难类别');
    await expect(text(d.locator('.ant-select').first())).resolves.toContain('深度困难');
    expect(await grade.count()).toBe(1);
    await d.getByTestId('change-opinion').fill('同意按深度困难帮扶');
    await shot(page, 'decide-dialog');
    await page.getByTestId('change-approve').click();
    await page.getByText('已办理').waitFor();
    await page.getByRole('tab', { name: '已办结' }).click();
    const closed = page.getByTestId('change-queue').locator('.ant-table-row').filter({ hasText: PEOPLE.worker.name });
    await closed.getByText('已生效').waitFor();

    // The file: 深度困难 now, four people; 变更记录 lists the request and version 2, comparable with version 1.
    await closed.locator('a').first().click();
    await page.waitForURL(`**/archive/${ids.fileId}`);
    await page.getByTestId('file-name').waitFor();
    // The summary bar keeps each figure on one line (it used to break "675.00 元" a character a line).
    const perCapita = page.getByTestId('summary-per-capita');
    expect(await text(perCapita)).toBe('675.00 元');
    expect((await perCapita.boundingBox())?.height).toBeLessThan(30);
    await page.getByRole('tab', { name: '变更记录' }).click();
    const tab = page.getByTestId('changes-tab');
    await tab.getByText('已生效').waitFor();
    const compare = tab.getByTestId('compare-2');
    await compare.waitFor();
    expect(await text(tab)).toContain('王审批'); // version 2 was made by whoever approved it
    await compare.click();
    const modal = dialog(page, '第 1 版 → 第 2 版');
    const versionDiff = modal.getByTestId('diff-view');
    await versionDiff.getByText('家庭人口 3 → 4 人；月人均收入 900.00 元 → 675.00 元').waitFor();
    expect(await text(versionDiff)).toContain(`****${LAST4}`);
    expect(await text(versionDiff)).toContain(`新增${BABY.name} · 子女`);
    await shot(page, 'file-versions');
    await button(modal.locator('.ant-modal-footer'), '关闭').click();
    expect(await text(page.getByRole('heading', { level: 4 }))).toContain('深度困难');

    // The worker's portal follows: 已生效, four people, 深度困难.
    const worker = await as(PEOPLE.worker);
    await openMenu(worker, '我的档案');
    await worker.getByTestId('self-changes').getByText('已生效').waitFor();
    await worker.getByText('深度困难').first().waitFor();
  });

  it('the Q2 2027 batch pays the 深度 amount to the new card: grants table, payment list, bank file', async () => {
    const page = await as(PEOPLE.countyClerk);
    await openMenu(page, '发放批次');
    await button(page, '新建发放批次').click();
    const modal = dialog(page, '新建发放批次');
    await modal.getByText(COUNTY).waitFor();
    await modal.getByLabel('发放期间').click();
    await page.keyboard.type('2027Q2');
    await chooseOption(page, '2027年第2季度');
    await modal.getByLabel('支付资金').click();
    await chooseOption(page, FUND);
    await button(modal, '开始计算').click();
    await page.waitForURL(/\/batches\/\d+$/);
    batchUrl = page.url();
    const batchId = Number(/\/batches\/(\d+)$/.exec(batchUrl)?.[1]);
    await page.getByTestId('batch-status').filter({ hasText: '待提交' }).waitFor();
    const row = page.getByTestId('grants-table').locator('.ant-table-row').filter({ hasText: PEOPLE.worker.name });
    const rowText = await text(row);
    expect(rowText).toContain(DEEP_Q);
    expect(rowText).toContain(`${NEW_BANK.bankName} **** ${LAST4}`);
    await shot(page, 'batch-q2');
    await button(page, '提交审批').click();
    const submit = dialog(page, '提交审批');
    await button(submit, '提交审批').click();
    await page.getByTestId('batch-status').filter({ hasText: '待审批' }).waitFor();
    const approver = await apiAs(server.baseUrl, PEOPLE.approver);
    await approver.call('POST', `/v1/batches/${batchId}/decision`, { decision: 'approve', comment: '同意' });

    // Finance: the real-name list shows the new card's last four digits; the bank file carries the new card.
    const fin = await as(PEOPLE.finance);
    await fin.goto(batchUrl);
    await fin.getByTestId('batch-status').filter({ hasText: '已审批' }).waitFor();
    await button(fin, '打印发放名单').click();
    const listRow = fin.getByTestId('payment-row').filter({ hasText: PEOPLE.worker.name });
    const listText = await text(listRow);
    expect(listText).toContain(LAST4);
    expect(listText).not.toContain(OLD_CARD.slice(-4));
    expect(listText).toContain('1,975.00');
    await shot(fin, 'payment-list');
    await button(fin, '返回批次').click();
    const [bank] = await Promise.all([fin.waitForEvent('download'), button(fin, '下载银行代发文件').click()]);
    const bankPath = path.join(shotDir, 'bank.csv');
    await bank.saveAs(bankPath);
    const lines = fs
      .readFileSync(bankPath, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(NEW_BANK.cardNumber);
    expect(lines[1]).toContain(PEOPLE.worker.name);
    expect(lines[1]).toMatch(/,1975(\.00)?$/);

    // Q1 stays paid to the old card; Q2 waits on the new one.
    const reader = await apiAs(server.baseUrl, PEOPLE.finance);
    const g = await reader.call<{ items: { period: string; amountFen: number; bankMasked: string | null }[] }>(
      'GET',
      `/v1/households/${ids.fileId}/grants`,
    );
    const byPeriod = Object.fromEntries(g.items.map((x) => [x.period, x]));
    expect(byPeriod['2027Q1']).toMatchObject({ amountFen: 157_500 });
    expect(byPeriod['2027Q1']?.bankMasked).toContain(OLD_CARD.slice(-4));
    expect(byPeriod['2027Q2']).toMatchObject({ amountFen: 197_500 });
    expect(byPeriod['2027Q2']?.bankMasked).toContain(LAST4);
    expect(pageErrors).toEqual([]);
  });
});
