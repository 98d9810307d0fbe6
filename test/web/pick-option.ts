import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Opens an antd select and picks the option showing `text`, then waits for its dropdown to be
 * gone: a dropdown still closing (slowly, on a loaded machine) covers the buttons below it.
 */
export async function pickOption(page: Page, select: Locator, text: string): Promise<void> {
  await select.click();
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await open.locator('.ant-select-item-option').filter({ hasText: text }).first().click();
  await expect(open).toHaveCount(0);
  await expect(select).toContainText(text);
}
