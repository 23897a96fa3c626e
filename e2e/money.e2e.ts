import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchBrowser, mustHaveChromium } from './support/browser.js';
import { MoneyApi, moneyHousehold, signedInPage, typeDate } from './support/money.js';
import { type RunningServer, startServer } from './support/server.js';
import { button, chooseOption, dialog, openMenu } from './support/ui.js';

/**
 * The money walk: a county adopts the seed 004 篇一 living-relief template on the 救助标准 page; its clerk runs
 * Q1 2027 living relief for the 20 archived households on the 发放批次 page and submits it; the approver approves
 * it from the 审批待办 queue; finance prints the real-name payment list, downloads it as .xlsx, pays part of the
 * batch from the bank's result file and the rest with the pay button; the ledger page then shows the expense
 * equal to the batch total, and the recipients' files' grants add up to the same amount, to the 分.
 */
const COUNTY = '武江区总工会';
const STREET = '西河镇总工会';
const PASSWORD = 'Money2026pass';
const ADMIN = { username: 'wj.admin', name: '周主任' };
const CLERK = { username: 'wj.clerk', name: '陈经办' };
const APPROVER = { username: 'wj.approver', name: '王审批' };
const FINANCE = { username: 'wj.finance', name: '刘会计' };
const FUND = '2027年生活救助专项资金';
const MEDICAL_FUND = '2026年工会帮扶资金';
const FIRST = '职工一0'; // moneyHousehold(…, 0): 深度困难
const FILES = 20;
const DEEP_Q = 197_500; // 7,900 元 a year ÷ 4
const REL_Q = 157_500; // 6,300 元 a year ÷ 4
const TOTAL = 10 * DEEP_Q + 10 * REL_Q; // 35,500.00 元
const TOTAL_TEXT = '¥35,500.00';
const DAY = 86_400_000;

if (chromiumMissing && mustHaveChromium)
  describe('money walk', () => {
    it('needs /usr/bin/chromium in CI', () => {
      throw new Error('/usr/bin/chromium is missing and CI=true: install Debian chromium and fonts-noto-cjk.');
    });
  });

describe.skipIf(chromiumMissing)('money walk: standard, batch, approval, payment list, payment, ledger', () => {
  let server: RunningServer;
  let browser: Browser;
  let countyId = 0;
  let batchId = 0;
  let batchUrl = '';
  const householdIds: number[] = [];
  const pageErrors: string[] = [];
  const shotDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-e2e-money-'));
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(shotDir, `${name}.png`), fullPage: true });

  async function as(user: { username: string }) {
    const page = await signedInPage(browser, server.baseUrl, user.username, PASSWORD);
    page.on('pageerror', (e) => pageErrors.push(`${user.username}: ${e.message}`));
    return page;
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    console.log(`[e2e] money screenshots in ${shotDir}`);
  });

  it('sets up the county, its people, 20 archived households and a funded account (API: not the point)', async () => {
    const root = new MoneyApi(server.baseUrl);
    const me = await root.login('admin', server.adminPassword);
    const province = await root.org(me.orgId, '广东省总工会', 'province', '440000');
    countyId = await root.org(province, COUNTY, 'county', '440203');
    const street = await root.org(countyId, STREET, 'street');
    await root.user({ ...ADMIN, orgId: countyId, roles: ['admin'], password: PASSWORD });
    await root.user({ ...CLERK, orgId: countyId, roles: ['intake_clerk', 'reviewer'], password: PASSWORD });
    await root.user({ ...APPROVER, orgId: countyId, roles: ['approver'], password: PASSWORD });
    await root.user({ ...FINANCE, orgId: countyId, roles: ['finance'], password: PASSWORD });

    const admin = new MoneyApi(server.baseUrl);
    await admin.login(ADMIN.username, PASSWORD);
    await admin.call('POST', '/v1/policies/eligibility', {
      orgId: countyId,
      effectiveFrom: '2020-01-01',
      dibaoLineFen: 78_000,
    });

    // The filing workflow: the street's files are created, submitted and reviewed by the county's clerk…
    let clerk = new MoneyApi(server.baseUrl);
    await clerk.login(CLERK.username, PASSWORD);
    const grades = new Map<number, 'deep' | 'relative'>();
    for (let i = 0; i < FILES; i++) {
      const h = moneyHousehold(street, i);
      const { id } = await clerk.call<{ id: number }>('POST', '/v1/households', h.body);
      await clerk.call('POST', `/v1/households/${id}/submit`);
      await clerk.call('POST', `/v1/households/${id}/review`, {
        decision: 'pass',
        visit: { visitedOn: '2026-11-20', visitors: '陈经办、街道工会', findings: '入户核实，情况属实' },
        opinion: '同意公示',
      });
      householdIds.push(id);
      grades.set(id, h.grade);
    }
    // …the notice runs out (the clock moves past it; sessions idle out, so everyone signs in again)…
    await root.advanceClock(8 * DAY);
    clerk = new MoneyApi(server.baseUrl);
    await clerk.login(CLERK.username, PASSWORD);
    for (const id of householdIds) await clerk.call('POST', `/v1/households/${id}/finish-notice`);
    // …and the county (the street's upper union) approves them into the archive.
    const approver = new MoneyApi(server.baseUrl);
    await approver.login(APPROVER.username, PASSWORD);
    for (const id of householdIds)
      await approver.call('POST', `/v1/households/${id}/approve`, {
        decision: 'approve',
        grade: grades.get(id),
        overrideReason: '按收入核定',
        opinion: '同意纳入帮扶',
      });

    const finance = new MoneyApi(server.baseUrl);
    await finance.login(FINANCE.username, PASSWORD);
    const fund = await finance.call<{ id: number }>('POST', '/v1/funds', {
      orgId: countyId,
      name: FUND,
      source: 'government',
      restrictedProgramme: 'living',
      year: 2027,
    });
    await finance.call('POST', `/v1/funds/${fund.id}/receipts`, { amountFen: 10_000_000, memo: '区财政拨付帮扶资金' });
  });

  it('the county administrator adopts the seed 004 篇一 living-relief template from 2027-01-01', async () => {
    const page = await as(ADMIN);
    await openMenu(page, '救助标准');
    const row = page.getByTestId('rule-seed004.p1.living');
    await row.getByText('未采用').waitFor();
    await button(row, '采用').click();
    const modal = dialog(page, '采用救助标准：生活救助（县）');
    // The template's own numbers (seed 004 篇一 line 9) are offered, in 元.
    await modal.getByText('深度困難職工家庭每戶每年按7900元標準發放生活救助金', { exact: false }).waitFor();
    await expect(modal.getByLabel('深度困难').inputValue()).resolves.toBe('7900.00');
    await expect(modal.getByLabel('相对困难').inputValue()).resolves.toBe('6300.00');
    await expect(modal.getByLabel('分期数').inputValue()).resolves.toBe('4');
    await typeDate(page, modal, '生效日期', '2027-01-01');
    await modal.getByLabel('备注').fill('按市总工会帮扶标准执行');
    await button(modal, '发布新版本').click();
    await modal.waitFor({ state: 'hidden' });
    await page.getByText('已发布“生活救助（县）”第 1 版').waitFor();
    await row.getByTestId('rule-own').filter({ hasText: 'v1（2027-01-01 起）' }).waitFor();

    // On a day of 2027 the county's own version is the one in force.
    await typeDate(page, page, '查询日期', '2027-02-01');
    await row.getByText('本级').waitFor();
    await row.getByText('v1 · 2027-01-01 起').waitFor();
    await shot(page, 'programmes');
  });

  it('the clerk runs Q1 2027 living relief for the county and submits it', async () => {
    const page = await as(CLERK);
    await openMenu(page, '发放批次');
    await button(page, '新建发放批次').click();
    const modal = dialog(page, '新建发放批次');
    await modal.getByText(COUNTY).waitFor(); // the clerk's own union is preselected
    await modal.getByLabel('发放期间').click();
    await page.keyboard.type('2027Q1');
    await chooseOption(page, '2027年第1季度');
    await modal.getByLabel('支付资金').click();
    await chooseOption(page, FUND);
    await button(modal, '开始计算').click();
    await page.waitForURL(/\/batches\/\d+$/);
    batchUrl = page.url();
    batchId = Number(/\/batches\/(\d+)$/.exec(batchUrl)?.[1]);
    expect(batchId).toBeGreaterThan(0);

    // The computation runs in the background; the page follows its progress until it is done.
    await page.getByTestId('batch-status').filter({ hasText: '待提交' }).waitFor();
    await expect(page.getByTestId('batch-progress').count()).resolves.toBe(0);
    await expect(page.getByTestId('batch-count').textContent()).resolves.toContain(String(FILES));
    await expect(page.getByTestId('batch-total').textContent()).resolves.toContain(TOTAL_TEXT);
    await expect(page.getByTestId('batch-skipped').textContent()).resolves.toContain('0');

    // Each amount explains itself: expand the first grant.
    const grants = page.getByTestId('grants-table');
    await grants.locator('.ant-table-row').first().waitFor();
    expect(await grants.locator('.ant-table-row').count()).toBe(FILES);
    await grants.locator('.ant-table-row-expand-icon').first().click();
    const explanation = page.getByTestId('grant-explanation').first();
    await explanation
      .getByText(/按季度|分4期发放/)
      .first()
      .waitFor();
    expect(await explanation.textContent()).toMatch(/1,975\.00|1,575\.00/);
    await shot(page, 'batch-computed');

    await button(page, '提交审批').click();
    const submit = dialog(page, '提交审批');
    await submit.getByLabel('提交说明（可选）').fill('2027年第一季度生活救助，请审批');
    await button(submit, '提交审批').click();
    await submit.waitFor({ state: 'hidden' });
    await page.getByTestId('batch-status').filter({ hasText: '待审批' }).waitFor();
    // The clerk cannot approve their own batch: no decision buttons here.
    await expect(button(page, '批准').count()).resolves.toBe(0);
  });

  it('the approver approves it from the 审批待办 queue', async () => {
    const page = await as(APPROVER);
    await openMenu(page, '审批待办');
    const row = page.getByTestId(`queue-${batchId}`);
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(TOTAL_TEXT);
    expect(text).toContain('帮扶中心领导委员会'); // > 1,000 元 a grant: the committee decides (seed 000 第三篇)
    await button(row, '批准').click();
    const modal = dialog(page, '批准发放');
    await modal.getByLabel('审批意见').fill('经委员会研究，同意发放');
    await button(modal, '批准').click();
    await modal.waitFor({ state: 'hidden' });
    await page.getByTestId('approval-queue').getByText('暂无待审批事项').waitFor();

    await page.goto(batchUrl);
    await page.getByTestId('batch-status').filter({ hasText: '已审批' }).waitFor();
    await page.getByRole('tab', { name: '审批记录与意见' }).click();
    const history = page.getByTestId('approval-history');
    await history.getByText('经委员会研究，同意发放').waitFor();
    await history.getByText('王审批').waitFor();
    await shot(page, 'batch-approved');
  });

  it('finance prints the payment list, downloads it, pays the batch and finds the expense in the ledger', async () => {
    const page = await as(FINANCE);
    await openMenu(page, '发放批次');
    await page.getByTestId('batches-table').getByRole('link').first().click();
    await page.waitForURL(batchUrl);
    await page.getByTestId('batch-status').filter({ hasText: '已审批' }).waitFor();

    // The real-name list (A4 print view): every recipient, masked IDs, a signature column, the total.
    await button(page, '打印发放名单').click();
    const sheet = page.getByTestId('payment-sheet');
    await sheet.getByText('实名制发放名单').waitFor();
    expect(await sheet.getByTestId('payment-row').count()).toBe(FILES);
    const sheetText = (await sheet.textContent()) ?? '';
    for (const word of ['序号', '姓名', '身份证号', '银行账户', '领取人签字', '经办人', '审核人', '负责人', COUNTY])
      expect(sheetText).toContain(word);
    expect(sheetText).toMatch(/\*{14}\d{3}[\dX]/);
    await expect(sheet.getByTestId('payment-total').textContent()).resolves.toBe(TOTAL_TEXT);
    await shot(page, 'payment-list');
    // The same list as the public notice: no bank accounts, no signatures.
    await page.getByText('名单公示', { exact: true }).click();
    await sheet.getByText('发放名单公示').waitFor();
    expect(await sheet.textContent()).not.toContain('银行账户');

    const [xlsx] = await Promise.all([page.waitForEvent('download'), button(page, '下载名单（Excel）').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const xlsxPath = path.join(shotDir, 'payment-list.xlsx');
    await xlsx.saveAs(xlsxPath);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsxPath);
    const ws = wb.worksheets[0];
    expect(ws?.name).toBe('发放名单');
    const cells = (ws?.getSheetValues() ?? []).flat().map(String);
    expect(cells).toContain('领取人签字');
    expect(cells).toContain('35500');

    // Part of the batch is paid from the bank's result file (流水号 = the bank file's first column)…
    await button(page, '返回批次').click();
    const [bank] = await Promise.all([page.waitForEvent('download'), button(page, '下载银行代发文件').click()]);
    const bankPath = path.join(shotDir, 'bank.csv');
    await bank.saveAs(bankPath);
    const bankLines = fs
      .readFileSync(bankPath, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(bankLines[0]).toBe('流水号,户名,卡号,开户行,金额');
    expect(bankLines.length).toBe(FILES + 1);
    await page.getByTestId('batch-status').filter({ hasText: '发放中' }).waitFor();
    const result = ['流水号,结果,原因', ...bankLines.slice(1, 16).map((l) => `${l.split(',')[0]},成功,`)].join('\n');
    await page
      .getByTestId('batch-actions')
      .locator('input[type=file]')
      .setInputFiles({ name: 'bank-result.csv', mimeType: 'text/csv', buffer: Buffer.from(result, 'utf8') });
    await page.getByText(/对账完成：成功 15 笔，失败 0 笔/).waitFor();

    // …and the rest with the pay button once the bank confirms.
    await button(page, '确认代发成功').click();
    await button(page.locator('.ant-popconfirm'), '确定').click();
    await page.getByText('已确认发放并记账').waitFor();
    await page.getByTestId('batch-status').filter({ hasText: '已办结' }).waitFor();
    const batchTotal = ((await page.getByTestId('batch-total').textContent()) ?? '').replace(/^.*?(¥[\d,.]+).*$/, '$1');
    expect(batchTotal).toBe(TOTAL_TEXT);
    await shot(page, 'batch-closed');

    // The ledger page: the programme's expense equals the batch total, and the books balance.
    await button(page, '查看账簿').click();
    await page.waitForURL(/\/funds\/ledger\?/);
    await page.getByTestId('trial-balance').getByText('试算平衡').waitFor();
    const expense = page.getByTestId('ledger-expense').locator('.ant-statistic-content');
    await expense.filter({ hasText: TOTAL_TEXT }).waitFor();
    expect(await expense.textContent()).toBe(batchTotal);
    const payments = page.getByTestId('ledger-table').locator('.ant-table-row').filter({ hasText: '发放' });
    await expect(payments.count()).resolves.toBe(2);
    await shot(page, 'ledger');

    // The recipients' files: their grants add up to the same amount, to the 分.
    const reader = new MoneyApi(server.baseUrl);
    await reader.login(FINANCE.username, PASSWORD);
    let paid = 0;
    for (const id of householdIds) {
      const g = await reader.call<{ items: { amountFen: number; status: string }[]; paidFen: number }>(
        'GET',
        `/v1/households/${id}/grants`,
      );
      expect(g.items.map((x) => x.status)).toEqual(['paid']);
      paid += g.paidFen;
    }
    expect(paid).toBe(TOTAL);
    expect(`¥${(paid / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`).toBe(batchTotal);
  });

  it('an individual medical application: the clerk applies, the approver approves it, finance pays it', async () => {
    // Not the point here: the county adopts the medical template and finance opens an unrestricted fund.
    const admin = new MoneyApi(server.baseUrl);
    await admin.login(ADMIN.username, PASSWORD);
    await admin.call('POST', '/v1/programmes/rules', {
      orgId: countyId,
      templateId: 'seed004.p1.medical',
      effectiveFrom: '2020-01-01',
      params: {},
    });
    const finance = new MoneyApi(server.baseUrl);
    await finance.login(FINANCE.username, PASSWORD);
    const fund = await finance.call<{ id: number }>('POST', '/v1/funds', {
      orgId: countyId,
      name: MEDICAL_FUND,
      source: 'union',
      restrictedProgramme: null,
      year: 2026,
    });
    await finance.call('POST', `/v1/funds/${fund.id}/receipts`, { amountFen: 5_000_000, memo: '工会经费' });

    const clerk = await as(CLERK);
    await openMenu(clerk, '个案救助');
    await button(clerk, '新建救助申请').click();
    await clerk.getByRole('heading', { name: '新建救助申请', level: 4 }).waitFor();
    await clerk.getByLabel('困难职工').click();
    await clerk.keyboard.type(FIRST);
    await chooseOption(clerk, FIRST);
    await clerk.getByLabel('救助标准').click();
    await chooseOption(clerk, '医疗救助（县）');
    await clerk.getByLabel('合规医疗费用个人自付（元）').fill('8000');
    await clerk.getByLabel('支付资金').click();
    await chooseOption(clerk, MEDICAL_FUND);
    await button(clerk, '提交申请').click();
    await clerk.waitForURL(/\/applications\/\d+$/);
    const appUrl = clerk.url();
    await clerk.getByTestId('application-status').filter({ hasText: '待审批' }).waitFor();
    // 深度困难: 100 % of the compliant self-paid cost, to the nearest 100 元 (seed 004 篇一).
    await expect(clerk.getByTestId('application-amount').textContent()).resolves.toContain('¥8,000.00');
    await clerk.getByText('合规自付医疗费8,000.00元 × 100%', { exact: false }).waitFor();

    const approver = await as(APPROVER);
    await openMenu(approver, '审批待办');
    await approver.getByRole('tab', { name: /个案申请/ }).click();
    await approver.getByTestId('application-queue').getByRole('link', { name: FIRST }).click();
    await approver.waitForURL(appUrl);
    await button(approver, '批准').click();
    const modal = dialog(approver, '批准救助申请');
    await modal.getByLabel('审批意见').fill('同意救助');
    await button(modal, '批准').click();
    await modal.waitFor({ state: 'hidden' });
    await approver.getByTestId('application-status').filter({ hasText: '已批准' }).waitFor();

    const payer = await as(FINANCE);
    await payer.goto(appUrl);
    await button(payer, '确认已转账').click();
    await payer.getByTestId('application-status').filter({ hasText: '已发放' }).waitFor();
    const grants = await finance.call<{ items: { programme: string; amountFen: number; status: string }[] }>(
      'GET',
      `/v1/households/${householdIds[0]}/grants`,
    );
    expect(grants.items.find((g) => g.programme === 'medical')).toMatchObject({ amountFen: 800_000, status: 'paid' });
    expect(pageErrors).toEqual([]);
  });
});
