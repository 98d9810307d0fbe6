import { type Browser, expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { logIn, SCREENSHOTS } from './login';
import { pickOption } from './pick-option';

/** A page of its own (its own login) for `username`. */
async function pageAs(browser: Browser, username: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await logIn(page, username);
  return page;
}

/** How many rows of the year's ledger (台账 .xlsx, downloaded on the outputs page) name `title`. */
async function ledgerRowsNaming(page: Page, year: string, title: string): Promise<number> {
  await page.goto('/outputs');
  await pickOption(page, page.getByTestId('year-select'), year);
  await page.getByRole('tab', { name: /台账/ }).click();
  const download = page.waitForEvent('download');
  await page.getByTestId('download-ledger-xlsx').click();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await (await download).path())!);
  let rows = 0;
  workbook.getWorksheet('整改台账')!.eachRow((row) => {
    if ((row.values as unknown[]).some((v) => String(v ?? '').includes(title))) rows++;
  });
  return rows;
}

test('a secretary cannot withdraw; a supervisor withdraws an item with a reason, it leaves the list and the ledger, and restores it', async ({
  browser,
}) => {
  // The secretary of 镇机关党支部 sees their item without any 撤销.
  const secretary = await pageAs(browser, 'jiguan.shuji');
  await secretary.goto('/items');
  const first = secretary.getByTestId('item-link').first();
  const title = (await first.textContent())!.trim();
  await first.click();
  await secretary.waitForURL(/\/items\/[0-9a-f-]{36}$/);
  const itemPath = new URL(secretary.url()).pathname;
  await expect(secretary.getByTestId('item-title')).toHaveText(title);
  const year = (await secretary.getByTestId('item-facts').textContent())!.match(/(\d{4})年度/)![1];
  await expect(secretary.getByTestId('withdraw-item')).toHaveCount(0);

  // The town committee's secretary (a supervisor above) withdraws it.
  const supervisor = await pageAs(browser, 'zhen.shuji');
  const inLedgerBefore = await ledgerRowsNaming(supervisor, year, title);
  expect(inLedgerBefore).toBeGreaterThan(0);
  await supervisor.goto(itemPath);
  await supervisor.getByTestId('withdraw-item').click();
  const dialog = supervisor.getByRole('dialog');
  await expect(dialog).toContainText('撤销整改事项');
  await expect(dialog).not.toHaveClass(/ant-zoom-appear/);
  // The reason is required.
  await supervisor.getByTestId('modal-submit').click();
  await expect(dialog).toContainText('请填写撤销原因');
  await supervisor.getByTestId('field-withdraw-reason').fill('与上级点评事项重复录入');
  await supervisor.getByTestId('modal-submit').click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  const banner = supervisor.getByTestId('withdrawn-banner');
  await expect(banner).toContainText('该整改事项已撤销');
  await expect(banner).toContainText('镇党委书记');
  await expect(supervisor.getByTestId('withdrawn-reason')).toContainText('与上级点评事项重复录入');
  await expect(supervisor.getByTestId('withdraw-item')).toHaveCount(0);
  await expect(supervisor.getByTestId('no-actions')).toBeVisible();
  const line = supervisor.locator('[data-testid="timeline-entry"][data-event="WITHDRAW"]');
  await expect(line).toContainText('撤销整改事项');
  await expect(line).toContainText('与上级点评事项重复录入');
  await supervisor.screenshot({ path: `${SCREENSHOTS}/withdrawn-item.png`, fullPage: true });

  // Out of the list, unless asked for: then marked 已撤销.
  await supervisor.goto(`/items?q=${encodeURIComponent(title)}`);
  await expect(supervisor.getByTestId('items-page')).toBeVisible();
  const listed = () => supervisor.getByTestId('item-link').filter({ hasText: title });
  await expect(supervisor.getByTestId('withdrawn-tag')).toHaveCount(0);
  const standing = await listed().count();
  await supervisor.goto(`/items?q=${encodeURIComponent(title)}&withdrawn=only`);
  await expect(listed()).toHaveCount(1);
  await expect(supervisor.getByTestId('withdrawn-tag')).toHaveCount(1);
  await supervisor.screenshot({ path: `${SCREENSHOTS}/withdrawn-list.png`, fullPage: true });
  await supervisor.goto(`/items?q=${encodeURIComponent(title)}&withdrawn=include`);
  await expect(listed()).toHaveCount(standing + 1);

  // Out of the ledger.
  expect(await ledgerRowsNaming(supervisor, year, title)).toBe(inLedgerBefore - 1);

  // The secretary sees the banner, and no 恢复.
  await secretary.reload();
  await expect(secretary.getByTestId('withdrawn-banner')).toBeVisible();
  await expect(secretary.getByTestId('restore-item')).toHaveCount(0);

  // The supervisor restores it: the banner goes, the ledger counts it again.
  await supervisor.goto(itemPath);
  await supervisor.getByTestId('restore-item').click();
  const restore = supervisor.getByRole('dialog');
  await expect(restore).not.toHaveClass(/ant-zoom-appear/);
  await supervisor.getByTestId('modal-submit').click();
  await expect(restore).toBeHidden({ timeout: 30_000 });
  await expect(supervisor.getByTestId('withdrawn-banner')).toHaveCount(0);
  await expect(supervisor.locator('[data-testid="timeline-entry"][data-event="RESTORE"]')).toContainText(
    '恢复整改事项',
  );
  expect(await ledgerRowsNaming(supervisor, year, title)).toBe(inLedgerBefore);
});

test('an administrator is refused removing an import whose items were worked on, and told why', async ({
  page,
}) => {
  await logIn(page, 'admin');
  await page.goto('/import');
  const card = page.getByTestId('imported-reports');
  const row = card.locator('tr').filter({ hasText: '青石村第一党支部' }).first();
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: /删\s*除/ }).click();
  await expect(page.getByText('删除该导入？')).toBeVisible();
  await page.getByTestId('confirm-remove-report').click();
  const notice = page.locator('.ant-notification-notice');
  await expect(notice).toContainText('不能删除该导入');
  await expect(notice).toContainText('开始办理');
  await expect(row).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/imported-reports.png`, fullPage: true });
});
