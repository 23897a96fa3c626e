import { checkChar } from '@bangfu/policy';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { HOUSEHOLD_COLUMNS, MEMBER_COLUMNS } from '../../apps/server/src/modules/archive/archive.sheet.js';
import { signIn } from './ui.js';

export { Api } from './api.js';

/** A fresh browser context signed in as the user (each actor has their own cookies, like their own PC). */
export async function pageAs(browser: Browser, baseUrl: string, username: string, password: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, baseUrl, username, password);
  await page.getByTestId('user-menu').waitFor();
  return page;
}

/** A valid ID for the n-th generated person (region 440203, born 1970–1999). */
export function generatedId(n: number): string {
  const y = 1970 + (n % 30);
  const m = String((n % 12) + 1).padStart(2, '0');
  const d = String((n % 28) + 1).padStart(2, '0');
  const body = `440203${y}${m}${d}${String(100 + (n % 900)).padStart(3, '0')}`;
  return body + checkChar(body);
}

/** One household row of the import template (header → value). */
export const importRow = (n: number, over: Record<string, string> = {}) => ({
  姓名: `导入职工${n}`,
  身份证号: generatedId(n),
  婚姻状况: '已婚',
  工作状态: '下岗',
  主要致困原因: '下岗失业',
  次要致困原因: '重特大疾病、子女上学',
  '工资性收入（元/年）': '12,000.50',
  '医疗刚性支出（元/年）': '3000',
  低保情况: '低保边缘户',
  ...over,
});

/** An .xlsx in the archive import layout (the server's own column list, apps/server archive.sheet.ts). */
export async function archiveWorkbook(households: Record<string, string>[], members: Record<string, string>[] = []) {
  const wb = new ExcelJS.Workbook();
  const main = wb.addWorksheet('困难职工档案');
  const headers = [...HOUSEHOLD_COLUMNS.map((c) => c.header), '困难类别'];
  main.addRow(headers);
  for (const h of households) main.addRow(headers.map((k) => h[k] ?? ''));
  const ms = wb.addWorksheet('家庭成员');
  const mh = MEMBER_COLUMNS.map((c) => c.header);
  ms.addRow(mh);
  for (const m of members) ms.addRow(mh.map((k) => m[k] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Type a date into an antd DatePicker found by its label. */
export async function pickDate(page: Page, scope: Page | ReturnType<Page['locator']>, label: string, date: string) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  await page.keyboard.press('Escape');
}
