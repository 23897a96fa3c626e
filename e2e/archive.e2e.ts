import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, archiveWorkbook, generatedId, importRow, pageAs, pickDate } from './support/archive.js';
import { chromiumMissing, launchBrowser, mustHaveChromium } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';
import { button, chooseOption, dialog, expectStatus, openMenu, select, text } from './support/ui.js';

/**
 * The archive walk (申请 → 审核 → 公示 → 异议 → 重新公示 → 审批 → 在档) through the pages, as the people who do
 * each step: a street union's clerk files a household of three, the county's reviewer visits and reviews it, an
 * objection during the first notice sends it back to verification, a second notice runs out (the server's clock
 * is moved), and the county's approver files it. Then a second filing of the same person is refused, naming the
 * union that holds the file, and a 50-row workbook with 3 bad rows is imported through the import page.
 */
const COUNTY = '武江区总工会';
const STREET = '西河镇总工会';
const PASSWORD = 'Walk2026pass';
const CLERK = { username: 'xh.clerk', name: '赵红梅' };
const REVIEWER = { username: 'wj.reviewer', name: '李秀英' };
const APPROVER = { username: 'wj.approver', name: '张伟' };
const WORKER = { name: '张建国', id: '11010519491231002X', masked: '**************002X', phone: '13812345678' };
const SPOUSE = { name: '李秀兰', id: '440203198001010015' };
const CHILD = { name: '张小明', id: '440203201005050027' };
const SELF = { username: 'wang.worker', name: '王师傅', idNumber: generatedId(500) };
const DAY = 86_400_000;

if (chromiumMissing && mustHaveChromium)
  describe('archive walk', () => {
    it('needs /usr/bin/chromium in CI', () => {
      throw new Error('/usr/bin/chromium is missing and CI=true: install Debian chromium and fonts-noto-cjk.');
    });
  });

describe.skipIf(chromiumMissing)('archive walk: file, review, notice, objection, approval, duplicates, import', () => {
  let server: RunningServer;
  let browser: Browser;
  let api: Api;
  let fileNo = '';
  let fileUrl = '';
  const pages: Page[] = [];
  const pageErrors: string[] = [];
  const shotDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bangfu-e2e-archive-'));
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(shotDir, `${name}.png`), fullPage: true });
  // Today on the server's and the web's calendar (Beijing, UTC+8 all year).
  const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

  /** Sign in as someone (a new browser context), watching for page errors. */
  async function as(user: { username: string }, password = PASSWORD) {
    const page = await pageAs(browser, server.baseUrl, user.username, password);
    page.on('pageerror', (e) => pageErrors.push(`${user.username}: ${e.message}`));
    pages.push(page);
    return page;
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    api = new Api(server.baseUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    console.log(`[e2e] archive screenshots in ${shotDir}`);
  });

  it('sets up the county, the street and the people of the workflow (through the API: not the point here)', async () => {
    const me = await api.login('admin', server.adminPassword);
    const province = await api.org(me.orgId, '广东省总工会', 'province', '440000');
    const county = await api.org(province, COUNTY, 'county', '440203');
    const street = await api.org(county, STREET, 'street');
    await api.user({ ...CLERK, orgId: street, roles: ['intake_clerk'], password: PASSWORD });
    await api.user({ ...REVIEWER, orgId: county, roles: ['reviewer'], password: PASSWORD });
    await api.user({ ...APPROVER, orgId: county, roles: ['approver'], password: PASSWORD });
    await api.user({ ...SELF, orgId: street, roles: ['worker'], password: PASSWORD });
  });

  it('the administrator sets the county’s 低保 line and a 3-day notice on the policy page', async () => {
    const admin = await as({ username: 'admin' }, server.adminPassword);
    await openMenu(admin, '认定政策');
    await admin.getByLabel('组织', { exact: true }).click();
    await admin.keyboard.type('武江');
    await chooseOption(admin, COUNTY);
    await admin.getByTestId('policy-none').waitFor();
    await button(admin, '发布新版本').click();
    const modal = dialog(admin, '发布认定政策新版本');
    await pickDate(admin, modal, '生效日期', today());
    await modal.getByLabel('低保标准（元/人/月）').fill('780');
    await modal.getByLabel('依据文件').fill('武江区民政局关于调整城乡低保标准的通知');
    await button(modal, '发布').click();
    await modal.waitFor({ state: 'hidden' });
    await admin.getByTestId('policy-dibao').filter({ hasText: '780.00 元' }).waitFor();
    await admin.getByText('本级政策').waitFor();

    const settings = admin.getByTestId('archive-settings');
    await settings.getByLabel('公示天数').fill('3');
    await button(settings, '保存').click();
    await admin.getByText('已保存公示与复核设置').waitFor();
    await shot(admin, 'policy');
  });

  it('the clerk files a household of three with the intake form and submits it', async () => {
    const clerk = await as(CLERK);
    await openMenu(clerk, '档案管理');
    await button(clerk, '新建档案').click();
    await clerk.getByRole('heading', { name: '新建档案', level: 4 }).waitFor();

    const basic = clerk.getByTestId('intake-basic');
    await basic.getByText(STREET).waitFor(); // the clerk's own union is preselected
    await basic.getByLabel('姓名', { exact: true }).fill(WORKER.name);
    // A mistyped check digit is caught on the page (GB 11643), before anything is sent.
    await basic.getByLabel('身份证号', { exact: true }).fill('110105194912310021');
    await basic.getByLabel('民族').click();
    await basic.getByText('身份证号码校验位不正确，请核对').waitFor();
    await basic.getByLabel('身份证号', { exact: true }).fill(WORKER.id);
    await basic.getByLabel('民族').fill('汉族');
    await basic.getByText('出生日期 1949-12-31，性别 女').waitFor();
    await select(clerk, basic, '婚姻状况', '已婚');
    await select(clerk, basic, '健康状况', '慢性病');
    const contact = clerk.getByTestId('intake-contact');
    await contact.getByLabel('手机号码').fill(WORKER.phone);
    await contact.getByLabel('家庭住址').fill('武江区西河镇工业路12号');
    const work = clerk.getByTestId('intake-work');
    await select(clerk, work, '工作状态', '下岗');
    await work.getByLabel('工作单位').fill('韶关某机械厂');
    await select(clerk, work, '低保情况', '低保边缘户');
    const causes = clerk.getByTestId('intake-causes');
    await select(clerk, causes, '主要致困原因', '下岗失业');
    await select(clerk, causes, '次要致困原因', '重特大疾病');
    await clerk.keyboard.press('Escape');
    const income = clerk.getByTestId('intake-income');
    await income.getByLabel('工资性收入').fill('18000');
    await income.getByLabel('医疗刚性支出').fill('6000.50');

    await button(clerk, '添加家庭成员').click();
    const spouse = clerk.getByTestId('member-0');
    await spouse.getByLabel('姓名').fill(SPOUSE.name);
    await select(clerk, spouse, '与户主关系', '配偶');
    await spouse.getByLabel('身份证号').fill(SPOUSE.id);
    await select(clerk, spouse, '婚姻状况', '已婚');
    await select(clerk, spouse, '健康状况', '重大疾病');
    await button(clerk, '添加家庭成员').click();
    const child = clerk.getByTestId('member-1');
    await child.getByLabel('姓名').fill(CHILD.name);
    await select(clerk, child, '与户主关系', '子女');
    await child.getByLabel('身份证号').fill(CHILD.id);
    await select(clerk, child, '婚姻状况', '未婚');
    await select(clerk, child, '在读情况', '高中');
    // The family rule counts three; (18,000 − 6,000.50) ÷ 3 ÷ 12 = 333.31 元 a month.
    const preview = clerk.getByTestId('income-preview');
    await preview.filter({ hasText: '计 3 人' }).waitFor();
    expect(await text(preview)).toContain('月人均 333.31 元');
    // Members' incomes count, each listed (issue 9); the form says whose income goes where.
    expect(await text(preview)).toContain(`${SPOUSE.name}：月收入 0.00 元 × 12 = 0.00 元，计入`);
    await income.getByText('本人及其他非成员收入（元/年）').waitFor();
    await spouse.getByLabel('月收入（工资、养老金、补贴等）').waitFor();
    await shot(clerk, 'intake');

    await button(clerk, '保存为草稿').click();
    await clerk.waitForURL(/\/archive\/\d+$/);
    fileUrl = clerk.url();
    await clerk.getByTestId('file-name').filter({ hasText: WORKER.name }).waitFor();
    await expectStatus(clerk, '草稿');
    fileNo = (await text(clerk.getByTestId('file-no'))).trim();
    expect(fileNo).toMatch(/^44-\d{4}-\d{7}$/);
    expect(await text(clerk.getByTestId('summary-id'))).toBe(WORKER.masked);
    // Without a reveal the birth date is the year alone: with the last four it rebuilds no ID.
    expect(await text(clerk.getByTestId('detail-birth'))).toBe('1949年');

    await clerk.getByRole('tab', { name: '家庭成员（2）' }).click();
    const members = await text(clerk.getByTestId('members-table'));
    expect(members).toContain(SPOUSE.name);
    expect(members).toContain(CHILD.name);
    expect(members).toContain('**************0015');
    expect(members).toContain('1980年');
    expect(members).not.toContain('440203');
    expect(members).not.toContain(SPOUSE.id);
    await clerk.getByRole('tab', { name: '致困原因与困难类别' }).click();
    expect(await text(clerk.getByTestId('grade-proposed'))).toContain('深度困难');
    expect(await text(clerk.getByTestId('grade-summary'))).toContain('建议认定为深度困难');

    await button(clerk, '提交审核').click();
    await button(dialog(clerk, '提交审核'), '确定').click();
    await expectStatus(clerk, '待审核');
  });

  it('the reviewer reviews it with the home-visit record; the notice starts and prints on an A4 list', async () => {
    const reviewer = await as(REVIEWER);
    await openMenu(reviewer, '审核待办');
    const row = reviewer.getByTestId('queue-submitted').getByRole('row').filter({ hasText: WORKER.name });
    await row.getByRole('link', { name: fileNo }).click();
    await reviewer.getByTestId('file-name').filter({ hasText: WORKER.name }).waitFor();
    await expectStatus(reviewer, '待审核');

    await button(reviewer, '审核').click();
    const modal = dialog(reviewer, `审核 — ${WORKER.name}`);
    await modal.getByLabel('核实人员').fill('李秀英、王海');
    await modal.getByLabel('核实情况').fill('住房简陋，配偶重病卧床，孩子读高中');
    await modal.getByLabel('审核/审批意见').fill('情况属实，同意公示');
    await button(modal, '确定').click();
    await modal.waitFor({ state: 'hidden' });
    await expectStatus(reviewer, '公示中');
    await reviewer.getByTestId('notice-period').waitFor();

    // The full ID only through the audited reveal.
    await reviewer.getByTestId('reveal').click();
    await button(dialog(reviewer, '查看完整个人信息'), '查看完整信息').click();
    await reviewer.getByTestId('summary-id').filter({ hasText: WORKER.id }).waitFor();
    await reviewer.getByTestId('detail-birth').filter({ hasText: '1949-12-31' }).waitFor();

    await openMenu(reviewer, '公示管理');
    await reviewer.getByTestId('notice-table').getByRole('row').filter({ hasText: WORKER.name }).waitFor();
    await button(reviewer, '打印公示名单').click();
    await reviewer.waitForURL('**/notices/print');
    await reviewer.getByLabel('联系人').fill('王海');
    await reviewer.getByLabel('联系电话').fill('0751-8123456');
    const sheet = reviewer.getByTestId('notice-sheet');
    const line = sheet.getByTestId('notice-row').filter({ hasText: WORKER.name });
    await line.filter({ hasText: '深度困难' }).waitFor();
    const printed = await text(line);
    for (const v of [fileNo, WORKER.masked, '下岗失业']) expect(printed).toContain(v);
    expect(printed).not.toContain(WORKER.id);
    expect(printed).not.toContain(WORKER.id.slice(0, 6));
    const whole = await text(sheet);
    expect(whole).toContain('困难职工建档公示');
    expect(whole).toContain(`${COUNTY}（盖章）`);
    expect(await text(sheet.getByTestId('notice-contact'))).toContain('王海');
    await reviewer.emulateMedia({ media: 'print' });
    expect(await reviewer.locator('.ant-layout-sider').isVisible()).toBe(false);
    expect(await reviewer.getByTestId('print').isVisible()).toBe(false);
    await reviewer.pdf({ path: path.join(shotDir, 'notice-list.pdf'), format: 'A4' });
    await reviewer.emulateMedia({ media: 'screen' });
  });

  it('an objection during the first notice sends the file back to verification, then a second notice', async () => {
    const reviewer = pages.at(-1) as Page;
    await reviewer.goto(fileUrl);
    await expectStatus(reviewer, '公示中');
    // Not before the notice has run its days.
    await button(reviewer, '公示期满报批').click();
    await button(dialog(reviewer, '公示期满报批'), '确定').click();
    await reviewer.getByText(/公示期至\d{4}-\d\d-\d\d止，公示期满后才能报批/).waitFor();

    await button(reviewer, '登记异议').click();
    const objection = dialog(reviewer, '登记异议');
    await objection.getByLabel('异议内容').fill('群众反映其家中有一辆轿车');
    await objection.getByLabel('异议人').fill('同单位职工');
    await button(objection, '确定').click();
    await objection.waitFor({ state: 'hidden' });
    await expectStatus(reviewer, '异议核实中');

    await button(reviewer, '异议核实').click();
    const verify = dialog(reviewer, '异议核实');
    await verify.getByLabel('核实情况').fill('核实车辆为残疾人代步车，不影响认定');
    await button(verify, '确定').click();
    await verify.waitFor({ state: 'hidden' });
    await expectStatus(reviewer, '公示中');
  });

  it('after the second notice’s 3 days the reviewer sends it up and the county approves it: 在档', async () => {
    await api.advanceClock(3 * DAY + 60_000);
    // Three days later everyone signs in again (sessions end after 30 idle minutes).
    for (const p of pages.splice(0)) await p.context().close();

    const reviewer = await as(REVIEWER);
    await openMenu(reviewer, '公示管理');
    const row = reviewer.getByTestId('notice-table').getByRole('row').filter({ hasText: WORKER.name });
    await button(row, '公示期满报批').click();
    await button(dialog(reviewer, '公示期满报批'), '确定').click();
    await reviewer.getByText(`“${WORKER.name}”已报上级审批`).waitFor();

    const approver = await as(APPROVER);
    await openMenu(approver, '审核待办');
    const pending = approver.getByTestId('queue-pending_approval').getByRole('row').filter({ hasText: WORKER.name });
    await pending.getByRole('link', { name: fileNo }).click();
    await expectStatus(approver, '待上级审批');
    await button(approver, '审批').click();
    const modal = dialog(approver, `审批 — ${WORKER.name}`);
    // The proposed grade is the default; the approver confirms it.
    await modal.locator('.ant-form-item').filter({ hasText: '认定困难类别' }).filter({ hasText: '深度困难' }).waitFor();
    await modal.getByLabel('审核/审批意见').fill('同意纳入帮扶');
    await button(modal, '确定').click();
    await modal.waitFor({ state: 'hidden' });
    await expectStatus(approver, '在档');
    await approver.reload();
    await expectStatus(approver, '在档');
    expect(await text(approver.getByTestId('file-no'))).toBe(fileNo);

    await approver.getByRole('tab', { name: '办理记录与版本' }).click();
    const steps = approver.getByTestId('history-events');
    await steps.getByText('审批通过，纳入帮扶档案').waitFor();
    const history = await text(steps);
    const order = [
      '建立档案',
      '提交审核',
      '审核通过，开始公示',
      '公示期间收到异议',
      '核实完毕，重新公示',
      '公示期满，报上级审批',
    ];
    let at = -1;
    for (const s of order) {
      const i = history.indexOf(s, at + 1);
      expect(i, s).toBeGreaterThan(at);
      at = i;
    }
    expect(history).toContain('住房简陋，配偶重病卧床，孩子读高中');
    await shot(approver, 'filed');
  });

  it('a second filing of the same person is refused, naming the union that holds the file', async () => {
    const clerk = await as(CLERK);
    await openMenu(clerk, '档案管理');
    await clerk
      .getByTestId('archive-table')
      .getByRole('row')
      .filter({ hasText: WORKER.name })
      .filter({ hasText: '在档' })
      .waitFor();
    await button(clerk, '新建档案').click();
    const basic = clerk.getByTestId('intake-basic');
    await basic.getByLabel('姓名', { exact: true }).fill('张建国');
    await basic.getByLabel('身份证号', { exact: true }).fill(WORKER.id.toLowerCase());
    await select(clerk, basic, '婚姻状况', '已婚');
    await select(clerk, clerk.getByTestId('intake-work'), '工作状态', '失业');
    await select(clerk, clerk.getByTestId('intake-causes'), '主要致困原因', '有劳动能力未就业');
    await button(clerk, '保存为草稿').click();
    const error = clerk.getByTestId('intake-error');
    await error.filter({ hasText: `此人已在“${STREET}”建档，不能重复建档` }).waitFor();
    expect(clerk.url()).toMatch(/\/archive\/new$/);
  });

  it('imports a 50-row workbook: the report names exactly the 3 bad rows, the 47 others are committed', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => importRow(i + 1));
    rows[9] = importRow(10, { 身份证号: '440203199001011234' });
    rows[19] = importRow(20, { 婚姻状况: '离婚了' });
    rows[29] = importRow(30, { '工资性收入（元/年）': '一万二' });
    const members = [{ 户主身份证号: generatedId(1), 姓名: '配偶甲', 与户主关系: '配偶', 身份证号: generatedId(101) }];
    const workbook = await archiveWorkbook(rows, members);

    const clerk = pages.at(-1) as Page;
    await openMenu(clerk, '档案导入');
    await clerk.locator('input[type=file]').setInputFiles({
      name: '西河镇困难职工档案.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: workbook,
    });
    await button(clerk, '上传并校验').click();
    await clerk.getByText('可导入 47 户，有错误 3 行，疑似重复 0 行').waitFor({ timeout: 60_000 });
    expect(await text(clerk.getByTestId('import-progress-text'))).toContain('校验完成：共 50 行');

    const report = clerk.getByTestId('import-rows');
    const bad = report.locator('tbody tr.ant-table-row');
    await expect.poll(() => bad.count()).toBe(3);
    const lines = await bad.allTextContents();
    expect(lines[0]).toMatch(/^11.*身份证号.*校验位/);
    expect(lines[1]).toMatch(/^21.*婚姻状况.*“离婚了”不是有效选项/);
    expect(lines[2]).toMatch(/^31.*工资性收入（元\/年）.*“一万二”不是有效金额（元）/);
    await shot(clerk, 'import-report');

    await button(clerk, '导入可导入的档案').click();
    await clerk
      .getByTestId('import-done')
      .filter({ hasText: '导入完成，共导入 47 户档案（草稿）' })
      .waitFor({ timeout: 60_000 });
    await openMenu(clerk, '档案管理');
    await clerk.getByText('共 48 条').waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('a worker applies for themselves in 我的档案 and follows the application', async () => {
    const worker = await as(SELF);
    await worker.waitForURL('**/self');
    await worker.getByText('尚未查到您的档案').waitFor();
    await button(worker, '申请建档').click();
    const basic = worker.getByTestId('intake-basic');
    await expect(basic.getByLabel('所属组织').count()).resolves.toBe(0);
    await basic.getByLabel('姓名', { exact: true }).fill(SELF.name);
    await basic.getByLabel('身份证号', { exact: true }).fill(SELF.idNumber);
    await select(worker, basic, '婚姻状况', '未婚');
    await select(worker, worker.getByTestId('intake-work'), '工作状态', '失业');
    await select(worker, worker.getByTestId('intake-causes'), '主要致困原因', '重特大疾病');
    await worker.getByTestId('intake-income').getByLabel('医疗刚性支出').fill('8000');
    await button(worker, '提交申请').click();
    await expectStatus(worker, '待审核');
    const steps = await text(worker.getByTestId('self-steps'));
    expect(steps).toContain('建立档案');
    expect(steps).toContain('提交申请');
    expect(pageErrors).toEqual([]);
  });
});
