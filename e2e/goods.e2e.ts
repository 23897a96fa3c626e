import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launchBrowser, mustHaveChromium } from './support/browser.js';
import { MoneyApi, moneyHousehold, signedInPage } from './support/money.js';
import { type RunningServer, startServer } from './support/server.js';
import { button, chooseOption, dialog, openMenu, text } from './support/ui.js';

/**
 * The goods and certificates walk: the county's clerk registers 20 袋 of donated rice, hands 2 袋 to a household
 * in the archive signed by the worker, is refused a hand-out signed by someone not listed in the file (不得代领),
 * sees 18 袋 left and the hand-out on the 物资发放签领表; then issues a 特困证 to the household, prints it, revokes
 * it with a reason, and finds the rice and the revoked card on the household file's 帮扶记录 tab.
 */
const COUNTY = '武江区总工会';
const STREET = '西河镇总工会';
const PASSWORD = 'Goods2026pass';
const ADMIN = { username: 'wj.admin', name: '周主任' };
const CLERK = { username: 'wj.clerk', name: '陈经办' };
const APPROVER = { username: 'wj.approver', name: '王审批' };
const FILES = 2;
const DAY = 86_400_000;

if (chromiumMissing && mustHaveChromium)
  describe('goods walk', () => {
    it('needs /usr/bin/chromium in CI', () => {
      throw new Error('/usr/bin/chromium is missing and CI=true: install Debian chromium and fonts-noto-cjk.');
    });
  });

describe.skipIf(chromiumMissing)('goods walk: receipt, hand-out, 不得代领, sheet, certificate, 帮扶记录', () => {
  let server: RunningServer;
  let browser: Browser;
  let clerk: Page;
  let certNo = '';
  const households: { id: number; name: string }[] = [];
  const pageErrors: string[] = [];
  const shotDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-e2e-goods-'));
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(shotDir, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    console.log(`[e2e] goods screenshots in ${shotDir}`);
  });

  it('sets up the county, its people and two households filed into the archive (API: not the point)', async () => {
    const root = new MoneyApi(server.baseUrl);
    const me = await root.login('admin', server.adminPassword);
    const province = await root.org(me.orgId, '广东省总工会', 'province', '440000');
    const county = await root.org(province, COUNTY, 'county', '440203');
    const street = await root.org(county, STREET, 'street');
    await root.user({ ...ADMIN, orgId: county, roles: ['admin'], password: PASSWORD });
    await root.user({ ...CLERK, orgId: county, roles: ['intake_clerk', 'reviewer'], password: PASSWORD });
    await root.user({ ...APPROVER, orgId: county, roles: ['approver'], password: PASSWORD });
    const admin = new MoneyApi(server.baseUrl);
    await admin.login(ADMIN.username, PASSWORD);
    await admin.call('POST', '/v1/policies/eligibility', {
      orgId: county,
      effectiveFrom: '2020-01-01',
      dibaoLineFen: 78_000,
    });

    let api = new MoneyApi(server.baseUrl);
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
      households.push({ id, name: h.body.name });
      grades.set(id, h.grade);
    }
    await root.advanceClock(8 * DAY);
    api = new MoneyApi(server.baseUrl);
    await api.login(CLERK.username, PASSWORD);
    for (const { id } of households) await api.call('POST', `/v1/households/${id}/finish-notice`);
    const approver = new MoneyApi(server.baseUrl);
    await approver.login(APPROVER.username, PASSWORD);
    for (const { id } of households)
      await approver.call('POST', `/v1/households/${id}/approve`, {
        decision: 'approve',
        grade: grades.get(id),
        overrideReason: '按收入核定',
        opinion: '同意纳入帮扶',
      });

    clerk = await signedInPage(browser, server.baseUrl, CLERK.username, PASSWORD);
    clerk.on('pageerror', (e) => pageErrors.push(e.message));
  });

  it('registers 20 袋 of rice received at the county', async () => {
    const page = clerk;
    await openMenu(page, '物资管理');
    await button(page, '物资登记').click();
    const modal = dialog(page, `物资登记：${COUNTY}`);
    await modal.getByLabel('捐赠方', { exact: true }).fill('韶关市粮油有限公司');
    await modal.getByLabel('物品', { exact: true }).fill('大米');
    await modal.getByLabel('类别', { exact: true }).click();
    await chooseOption(page, '粮油');
    await modal.getByLabel('单位', { exact: true }).fill('袋');
    await modal.getByLabel('单位', { exact: true }).press('Tab');
    await modal.getByLabel('数量', { exact: true }).fill('20');
    await modal.getByLabel('估值（元，可选）').fill('1200');
    await modal.getByLabel('存放地点').fill('中心一号仓库');
    await button(modal, '登记入库').click();
    await modal.waitFor({ state: 'hidden' });
    await page.getByText('已登记入库：大米，现有库存 20 袋').waitFor();
    await page.getByTestId('stock-大米').getByTestId('stock-quantity').filter({ hasText: '20 袋' }).waitFor();
  });

  it('hands 2 袋 to a household, signed by the worker; a proxy signature is refused; 18 袋 are left', async () => {
    const page = clerk;
    const [first] = households;
    if (!first) throw new Error('no household');
    const row = page.getByTestId('stock-大米');
    await button(row, '发放到户').click();
    let modal = dialog(page, '发放到户：大米');
    await modal.getByLabel('困难职工').click();
    await page.keyboard.type(first.name);
    await chooseOption(page, first.name);
    await modal.getByLabel('数量', { exact: true }).fill('2');
    await modal.getByLabel('签领人').fill(first.name);
    await modal.getByTestId('signer-relation').filter({ hasText: '将登记为：本人' }).waitFor();
    await modal.getByLabel('签领人').press('Tab');
    await button(modal, '确认发放').click();
    await modal.waitFor({ state: 'hidden' });
    await page.getByText(`已发放：${first.name} 大米 2 袋`).waitFor();

    // Someone not listed in the file signs: the server refuses (不得代领) and the page says why.
    await button(row, '发放到户').click();
    modal = dialog(page, '发放到户：大米');
    await modal.getByLabel('困难职工').click();
    await page.keyboard.type(first.name);
    await chooseOption(page, first.name);
    await modal.getByLabel('数量', { exact: true }).fill('1');
    await modal.getByLabel('签领人').fill('王代领');
    await modal.getByText('此人不在档案所列家庭成员中：不得代领').waitFor();
    await modal.getByLabel('签领人').press('Tab');
    await button(modal, '确认发放').click();
    const refusal = modal.getByTestId('handout-error');
    await refusal.waitFor();
    expect(await text(refusal)).toContain(`不得代领：签领人须为职工本人（${first.name}）或档案所列家庭成员`);
    await shot(page, 'proxy-refused');
    await button(modal, '取消').click();
    await modal.waitFor({ state: 'hidden' });

    await row.getByTestId('stock-quantity').filter({ hasText: '18 袋' }).waitFor();
    await shot(page, 'stock');
  });

  it('the 物资发放签领表 lists the hand-out, on screen and as .xlsx', async () => {
    const page = clerk;
    const [first] = households;
    await page.getByRole('tab', { name: '出入库记录' }).click();
    const movements = page.getByTestId('movements-table');
    await movements.locator('.ant-table-row').filter({ hasText: '发放到户' }).waitFor();
    expect(await movements.locator('.ant-table-row').count()).toBe(2);
    await button(page, '打印签领表').click();
    await page.waitForURL(/\/goods\/sheet\?/);
    const sheet = page.getByTestId('handout-sheet');
    await sheet.getByText(`${COUNTY}物资发放签领表`).waitFor();
    const rows = sheet.getByTestId('handout-row');
    expect(await rows.count()).toBe(1);
    const line = await text(rows.first());
    for (const word of [first?.name ?? '?', '大米', '2', '袋', `${first?.name}`, CLERK.name])
      expect(line).toContain(word);
    expect(line).toMatch(/\*{14}\d{3}[\dX]/);
    expect(await button(page, '打印').isEnabled()).toBe(true);
    await shot(page, 'handout-sheet');

    const [xlsx] = await Promise.all([page.waitForEvent('download'), button(page, '下载签领表（Excel）').click()]);
    expect(xlsx.suggestedFilename()).toBe('物资发放签领表.xlsx');
    const file = path.join(shotDir, 'sheet.xlsx');
    await xlsx.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const cells = (wb.worksheets[0]?.getSheetValues() ?? []).flat().map(String);
    expect(cells).toContain('签领人');
    expect(cells).toContain(first?.name);
  });

  it('transfers 5 袋 down to the street and writes 1 袋 off', async () => {
    const page = clerk;
    await openMenu(page, '物资管理');
    const row = page.getByTestId('stock-大米');
    await button(row, '调拨').click();
    const transfer = dialog(page, '调拨下级：大米');
    await transfer.getByLabel('调入单位').click();
    await page.keyboard.type('西河');
    await chooseOption(page, STREET);
    await transfer.getByLabel('数量', { exact: true }).fill('5');
    await button(transfer, '确认调拨').click();
    await transfer.waitFor({ state: 'hidden' });
    await row.getByTestId('stock-quantity').filter({ hasText: '13 袋' }).waitFor();

    await button(row, '报损').click();
    const writeOff = dialog(page, '报损核销：大米');
    await writeOff.getByLabel('核销原因').fill('仓库漏雨，一袋受潮霉变');
    await button(writeOff, '确认核销').click();
    await writeOff.waitFor({ state: 'hidden' });
    await row.getByTestId('stock-quantity').filter({ hasText: '12 袋' }).waitFor();
    // The county and the street together: 17 袋 at 2 unions.
    const total = page.getByTestId('stock-subtree').locator('.ant-table-row').filter({ hasText: '大米' });
    await total.filter({ hasText: '17 袋' }).waitFor();

    await button(row, '流水').click();
    await page.waitForURL(/\/goods\/movements\?/);
    const movements = page.getByTestId('movements-table').locator('.ant-table-row');
    await movements.filter({ hasText: '报损核销' }).waitFor();
    const kinds = (await movements.allTextContents()).join('\n');
    for (const k of ['登记入库', '发放到户', '调拨下级', '上级调入', '报损核销']) expect(kinds).toContain(k);
    expect(kinds).toContain('受潮霉变');
    await shot(page, 'movements');
  });

  it('issues a 特困证 to the household, prints it, revokes it with a reason', async () => {
    const page = clerk;
    const [first] = households;
    if (!first) throw new Error('no household');
    await openMenu(page, '证件管理');
    await button(page, '发证').click();
    const modal = dialog(page, '发放特困证 / 优待证');
    await modal.getByLabel('困难职工').click();
    await page.keyboard.type(first.name);
    await chooseOption(page, first.name);
    await modal.getByLabel('享受优待').fill('凭证享受水、电、煤气补贴；子女就学减免学杂费');
    await button(modal, '发证').click();
    await modal.waitFor({ state: 'hidden' });
    const issued = page.getByText(/已发放特困证：TK44-\d{4}-\d+/);
    await issued.waitFor();
    certNo = /TK44-\d{4}-\d+/.exec(await text(issued))?.[0] ?? '';
    const row = page.getByTestId(`cert-${certNo}`);
    await row.getByTestId('cert-state').filter({ hasText: '有效' }).waitFor();

    await button(row, '打印').click();
    await page.waitForURL(/\/certificates\/\d+\/print$/);
    const card = page.getByTestId('certificate-card');
    await card.getByText('特困职工证').waitFor();
    await expect(text(card.getByTestId('certificate-number'))).resolves.toBe(certNo);
    expect(await text(card)).toContain(first.name);
    expect(await button(page, '打印证件').isEnabled()).toBe(true);
    await shot(page, 'certificate');

    await button(page, '返回').click();
    await page.waitForURL(/\/certificates$/);
    await button(page.getByTestId(`cert-${certNo}`), '撤销').click();
    const revoke = dialog(page, `撤销特困证：${certNo}`);
    await revoke.getByLabel('撤销原因').fill('家庭收入已稳定，经复核不再符合特困条件');
    await button(revoke, '撤销').click();
    await revoke.waitFor({ state: 'hidden' });
    await page.getByTestId(`cert-${certNo}`).getByTestId('cert-state').filter({ hasText: '已撤销' }).waitFor();

    // Verification by number: revoked, the holder masked to the first character.
    await page.getByRole('tab', { name: '证件核验' }).click();
    await page.getByLabel('证件编号').fill(certNo);
    await button(page, '核验').click();
    const verdict = page.getByTestId('verify-result');
    await verdict.getByText('证件无效：已撤销').waitFor();
    await expect(text(verdict.getByTestId('verify-holder'))).resolves.toBe(`${[...first.name][0]}*`);
  });

  it('renews a 优待证; when its file leaves the archive the card is listed to revoke', async () => {
    const page = clerk;
    const second = households[1];
    if (!second) throw new Error('no household');
    await openMenu(page, '证件管理');
    await button(page, '发证').click();
    const modal = dialog(page, '发放特困证 / 优待证');
    await modal.getByLabel('困难职工').click();
    await page.keyboard.type(second.name);
    await chooseOption(page, second.name);
    await modal.getByText('优待证', { exact: true }).click();
    await modal.getByLabel('享受优待').fill('凭证享受水、电、煤气补贴');
    await button(modal, '发证').click();
    await modal.waitFor({ state: 'hidden' });
    const issued = page.getByText(/已发放优待证：YD44-\d{4}-\d+/);
    await issued.waitFor();
    const oldNo = /YD44-\d{4}-\d+/.exec(await text(issued))?.[0] ?? '';

    await button(page.getByTestId(`cert-${oldNo}`), '续期').click();
    const renew = dialog(page, `续期换证：优待证 ${oldNo}`);
    await button(renew, '换发新证').click();
    await renew.waitFor({ state: 'hidden' });
    const renewed = page.getByText(/已换发新证：YD44-\d{4}-\d+/);
    await renewed.waitFor();
    const newNo = /YD44-\d{4}-\d+/.exec(await text(renewed))?.[0] ?? '';
    expect(newNo).not.toBe(oldNo);
    await page.getByTestId(`cert-${oldNo}`).getByTestId('cert-state').filter({ hasText: '已换发' }).waitFor();
    await page.getByTestId(`cert-${newNo}`).getByTestId('cert-state').filter({ hasText: '有效' }).waitFor();
    await shot(page, 'certificates');

    // 脱困 (not the point: through the API): the card is still active, so it waits in 待撤销.
    const approver = new MoneyApi(server.baseUrl);
    await approver.login(APPROVER.username, PASSWORD);
    await approver.call('POST', `/v1/households/${second.id}/exit`, { reason: '家庭收入稳定超过低保标准' });
    await page.reload();
    await page.getByRole('tab', { name: /待撤销/ }).click();
    const row = page.getByTestId('to-revoke-table').getByTestId(`cert-${newNo}`);
    await row.getByText('已脱困').waitFor();
    await button(row, '撤销').click();
    const revoke = dialog(page, `撤销优待证：${newNo}`);
    await expect(revoke.getByLabel('撤销原因').inputValue()).resolves.toContain('已脱困');
    await button(revoke, '撤销').click();
    await revoke.waitFor({ state: 'hidden' });
    await page.getByTestId('to-revoke-table').getByText('没有需要撤销的证件').waitFor();
  });

  it("the household's 帮扶记录 tab shows the rice and the revoked certificate", async () => {
    const page = clerk;
    const [first] = households;
    await page.goto(`${server.baseUrl}/archive/${first?.id}`);
    await page
      .getByTestId('file-name')
      .filter({ hasText: first?.name ?? '?' })
      .waitFor();
    await page.getByRole('tab', { name: '帮扶记录' }).click();
    const goods = page.getByTestId('household-goods');
    await goods.locator('.ant-table-row').filter({ hasText: '大米' }).waitFor();
    expect(await goods.locator('.ant-table-row').count()).toBe(1);
    expect(await text(goods.locator('.ant-table-row').first())).toContain('2 袋');
    await expect(text(goods.getByTestId('household-goods-totals'))).resolves.toContain('大米 2 袋');
    const cert = page.getByTestId('household-certificates').getByTestId(`cert-${certNo}`);
    await cert.getByTestId('cert-state').filter({ hasText: '已撤销' }).waitFor();
    // The hand-out counts as assistance: the file shows when.
    expect(await text(page.getByRole('tabpanel'))).not.toContain('从未帮扶');
    await shot(page, 'assistance-tab');
    expect(pageErrors).toEqual([]);
  });
});
