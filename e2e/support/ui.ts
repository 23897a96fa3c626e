import type { Locator, Page } from 'playwright-core';

/**
 * Steps of the walks, written the way a user acts: labels, roles and the visible text of the page.
 * antd puts a space between two Chinese characters on buttons (登录 → 登 录), hence the \s* in names; an
 * icon in the button adds its own name in front ("plus 新增下级").
 */
export const button = (scope: Page | Locator, text: string) =>
  scope.getByRole('button', { name: new RegExp(`(^|\\s)${[...text].join('\\s*')}\\s*$`) });

/** The open modal dialog whose title contains the text. */
export const dialog = (page: Page, title: string | RegExp) => page.getByRole('dialog').filter({ hasText: title });

/** Pick an option of the open antd select dropdown. */
export async function chooseOption(page: Page, text: string): Promise<void> {
  const option = page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: text })
    .first();
  await option.waitFor({ state: 'visible' });
  await option.click();
}

export async function signIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.waitForURL('**/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await button(page, '登录').click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await page.waitForURL('**/login');
}

export async function openMenu(page: Page, name: string): Promise<void> {
  await page.getByRole('menuitem', { name }).click();
  await page.getByRole('heading', { name, level: 4 }).waitFor();
}

/** 组织机构 → select a node in the tree by its name. */
export async function selectTreeNode(page: Page, name: string): Promise<void> {
  await page.getByTestId('org-tree').getByText(name, { exact: true }).click();
  await page.getByTestId('org-detail-name').filter({ hasText: name }).waitFor();
}

/** With a node selected: 新增下级 → fill the modal → save; the new node becomes the selection. */
export async function createChildOrg(page: Page, org: { name: string; type: string; code?: string }): Promise<void> {
  await button(page, '新增下级').click();
  const modal = dialog(page, '新增下级组织');
  await modal.getByLabel('单位名称').fill(org.name);
  await modal.getByLabel('组织类型').click();
  await chooseOption(page, org.type);
  if (org.code) await modal.getByLabel('行政区划代码').fill(org.code);
  await button(modal, '保存').click();
  await modal.waitFor({ state: 'hidden' });
  await page.getByTestId('org-detail-name').filter({ hasText: org.name }).waitFor();
}

/** Open an antd select by its label and pick the option (once the previous dropdown has finished closing). */
export async function select(page: Page, scope: Page | Locator, label: string, option: string) {
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').first().waitFor({ state: 'hidden' });
  await scope.getByLabel(label, { exact: true }).click();
  await chooseOption(page, option);
}

/** A locator's text, '' when it has none. */
export const text = async (l: Locator) => (await l.textContent()) ?? '';

/** Wait until the file's status tag shows this status. */
export async function expectStatus(page: Page, status: string) {
  await page.getByTestId('file-status').filter({ hasText: status }).first().waitFor();
}
