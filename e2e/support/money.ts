import { checkChar } from '@bangfu/policy';
import type { Browser, Locator, Page } from 'playwright-core';
import { signIn } from './ui.js';

/** The walks' API client (organisations, accounts, the clock), as the money walk names it. */
export { Api as MoneyApi } from './api.js';

/** A valid ID for the n-th generated person (region 440203, born 1970–1999). */
export function generatedId(n: number): string {
  const y = 1970 + (n % 30);
  const m = String((n % 12) + 1).padStart(2, '0');
  const d = String((n % 28) + 1).padStart(2, '0');
  const body = `440203${y}${m}${d}${String(100 + (n % 900)).padStart(3, '0')}`;
  return body + checkChar(body);
}

/**
 * The i-th household of the walk (apps/server test-support/money.ts): even ones a family of three without other
 * income (深度困难 under a 780 元 line), odd ones a single worker earning 1,500 元 a month (相对困难).
 */
export function moneyHousehold(orgId: number, i: number) {
  const deep = i % 2 === 0;
  return {
    grade: deep ? ('deep' as const) : ('relative' as const),
    body: {
      orgId,
      name: `职工${String.fromCharCode(0x4e00 + i * 7)}${i}`,
      idNumber: generatedId(2000 + i),
      phone: '13812345678',
      address: '武江区西河镇工业路12号',
      maritalStatus: deep ? 'married' : 'unmarried',
      health: 'chronic',
      workStatus: 'laid_off',
      education: 'junior_or_below',
      mainCause: 'laid_off',
      secondaryCauses: ['major_illness'],
      dibaoStatus: 'edge',
      incomes: { wagesFen: 1_800_000 },
      bank: { bankName: '中国工商银行', branch: '韶关西河支行', cardNumber: `62220202001122${String(33000 + i)}` },
      needs: '生活救助',
      members: deep
        ? [
            { name: `配偶${i}`, relation: 'spouse', maritalStatus: 'married', monthlyIncomeFen: 0 },
            { name: `子女${i}`, relation: 'child', maritalStatus: 'unmarried', monthlyIncomeFen: 0 },
          ]
        : [],
    },
  };
}

/** A fresh browser context signed in as the user (each actor has their own cookies, like their own PC). */
export async function signedInPage(browser: Browser, baseUrl: string, username: string, password: string) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signIn(page, baseUrl, username, password);
  await page.getByTestId('user-menu').waitFor();
  return page;
}

/** Type a date into an antd DatePicker found by its label. */
export async function typeDate(page: Page, scope: Page | Locator, label: string, date: string) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  await page.keyboard.press('Escape');
}
