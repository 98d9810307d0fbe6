import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Opens an antd select and picks the option showing `text`, then waits for its dropdown to be
 * gone: a dropdown still closing (slowly, on a loaded machine) covers the buttons below it. A
 * click on an option being re-rendered is lost on a loaded machine: it clicks again until the
 * choice shows, and closes a dropdown that stays open after it.
 */
export async function pickOption(page: Page, select: Locator, text: string): Promise<void> {
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await expect(async () => {
    if (!((await select.textContent()) ?? '').includes(text)) {
      if ((await open.count()) === 0) await select.click();
      await open
        .locator('.ant-select-item-option')
        .filter({ hasText: text })
        .first()
        .click({ timeout: 2_000 });
    }
    await expect(select).toContainText(text, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await expect(async () => {
    if ((await open.count()) > 0) await page.keyboard.press('Escape');
    await expect(open).toHaveCount(0, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}

/** The open dropdown's option or tree node with this text (closed dropdowns stay in the page). */
export const openOption = (page: Page, text: string) =>
  page
    .locator(
      '.ant-select-dropdown:not(.ant-select-dropdown-hidden) :is(.ant-select-tree-title, .ant-select-item-option-content)',
    )
    .filter({ hasText: new RegExp(`^${text}$`) });

/**
 * Picks an organisation in a TreeSelect by typing its name: the tree is a virtual list, so with
 * many organisations the one wanted may not be rendered until searched for.
 */
export async function pickOrganisation(page: Page, select: Locator, name: string): Promise<void> {
  await select.click();
  await select.locator('input').fill(name);
  // The filtered tree re-renders as the search settles; a click on a node being replaced is lost,
  // so click again until the choice shows (the dropdown closes once it is taken).
  await expect(async () => {
    const shown = (await select.textContent()) ?? '';
    if (!shown.includes(name)) await openOption(page, name).click({ timeout: 2_000 });
    await expect(select).toContainText(name, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}
