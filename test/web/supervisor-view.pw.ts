import ExcelJS from 'exceljs';
import { expect, type Page, test } from '@playwright/test';
import { logIn, SCREENSHOTS } from './login';
import { pickOption, pickOrganisation } from './pick-option';
import { sql } from './test-database';

// A 镇党委书记 chasing items across branches: from a dashboard count to the items behind it (the
// filters in the address, so it can be shared and "back" works), the list narrowed to one
// organisation with or without those below it, exported to Excel as filtered; and the outputs
// page as an administrator first meets it. Reads only: nothing here changes the demo data.

const SUPERVISOR = 'zhen.shuji';
const GENERAL_BRANCH = '青石村党总支';

/** A year in the open year dropdown (the chosen one shows in the select too). */
const yearOption = (page: Page, year: number) =>
  page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTestId(`year-option-${year}`);

/** The item count the list's title shows (共 N 项), once loaded. */
async function listTotal(page: Page): Promise<number> {
  const title = page.getByTestId('items-page').locator('.ant-card-head-title');
  await expect(title).toContainText(/共 \d+ 项/);
  return Number(/共 (\d+) 项/.exec((await title.textContent()) ?? '')![1]);
}

test('a supervisor opens the items behind a dashboard count, shares the address, and comes back', async ({
  page,
}) => {
  await logIn(page, SUPERVISOR);
  await page.goto('/dashboard');
  await pickOption(page, page.getByTestId('year-select'), '2023');
  await expect(page).toHaveURL(/[?&]year=2023/);

  // The 党总支's row counts it and the branches below it: its 尚未完成 opens exactly those.
  const row = page.getByTestId('organisation-table').locator('tr').filter({ hasText: GENERAL_BRANCH });
  const cell = row.locator('a[data-testid^="cell-open-"]');
  const count = Number(await cell.innerText());
  expect(count).toBeGreaterThan(0);
  await cell.click();
  await page.waitForURL(/\/items\?/);
  const address = new URL(page.url());
  expect(Object.fromEntries(address.searchParams)).toEqual({
    org: expect.stringMatching(/^[0-9a-f-]{36}$/),
    year: '2023',
    stage: 'open',
  });
  expect(await listTotal(page)).toBe(count);
  await expect(page.getByTestId('filter-org')).toContainText(GENERAL_BRANCH);
  await expect(page.getByTestId('filter-subtree')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('filter-status')).toContainText('尚未完成');
  await expect(page.getByTestId('filter-year')).toContainText('2023年度');
  const branches = [GENERAL_BRANCH, '青石村第一党支部', '青石村第二党支部'];
  for (const name of await page.getByTestId('item-row').locator('td:nth-child(3)').allInnerTexts())
    expect(branches).toContain(name.trim());
  await page.screenshot({ path: `${SCREENSHOTS}/items-from-dashboard.png`, fullPage: true });

  // The address alone, opened elsewhere, shows the same list.
  const shared = await page.context().newPage();
  await shared.goto(address.toString());
  expect(await listTotal(shared)).toBe(count);
  await shared.close();

  // Without 含下级组织 only the 党总支's own items: fewer, and the switch is in the address.
  await page.getByTestId('filter-subtree').click();
  await expect(page).toHaveURL(/subtree=false/);
  await expect.poll(() => listTotal(page)).toBeLessThan(count);
  for (const name of await page.getByTestId('item-row').locator('td:nth-child(3)').allInnerTexts())
    expect(name.trim()).toBe(GENERAL_BRANCH);

  // Back: the wider list, then the dashboard on the year that was chosen.
  await page.goBack();
  await expect(page).not.toHaveURL(/subtree=/);
  expect(await listTotal(page)).toBe(count);
  await page.goBack();
  await expect(page).toHaveURL(/\/dashboard\?.*year=2023/);
  await expect(page.getByTestId('year-select')).toContainText('2023');

  // The red list's link opens every overdue item, of all years.
  const all = page.getByTestId('red-items-all');
  await expect(all).toContainText(/（\d+）/);
  const red = Number(/（(\d+)）/.exec((await all.textContent()) ?? '')![1]);
  await all.click();
  await page.waitForURL(/overdue=true/);
  expect(new URL(page.url()).searchParams.get('year')).toBeNull();
  await expect(page.getByTestId('filter-year')).toContainText('全部年度');
  await expect(page.getByTestId('filter-overdue')).toContainText('已超期');
  expect(await listTotal(page)).toBe(red);
});

test('a 镇 supervisor sees one row per village with everything below it, and opens a village for its branches', async ({
  page,
}) => {
  await logIn(page, SUPERVISOR);
  await page.goto('/dashboard');
  await pickOption(page, page.getByTestId('year-select'), '2023');
  const table = page.getByTestId('organisation-table');
  const row = (name: string) => table.locator('tr').filter({ hasText: name }).first();
  await expect(row('青石镇党委')).toContainText('本级');
  await expect(row(GENERAL_BRANCH)).toBeVisible();
  // The branches are counted in the 党总支's row, not listed at the 镇's level.
  await expect(table).not.toContainText('青石村第一党支部');
  const villageItems = (await row(GENERAL_BRANCH).locator('td').nth(1).innerText()).trim();
  expect(Number(villageItems)).toBeGreaterThan(0);

  await table.getByRole('button', { name: `查看${GENERAL_BRANCH}及其下级党组织的整改情况` }).click();
  await expect(page.getByTestId('organisation-select')).toContainText(GENERAL_BRANCH);
  await expect(row('青石村第一党支部')).toBeVisible();
  await expect(row(GENERAL_BRANCH)).toContainText('本级');
  // The village's own summary totals what its row counted one level up.
  await expect(page.getByTestId('total-items')).toContainText(villageItems);
  await page.screenshot({ path: `${SCREENSHOTS}/dashboard-drill-down.png`, fullPage: true });
});

test('the items list narrowed to an organisation and its branches exports every page to Excel', async ({
  page,
}) => {
  await logIn(page, SUPERVISOR);
  // Two rows a page, so the export has to reach past the page on screen.
  await page.goto('/items?pageSize=2');
  const everything = await listTotal(page);
  const org = page.getByTestId('filter-org');
  await pickOrganisation(page, org, GENERAL_BRANCH);
  await expect(page.getByTestId('filter-subtree')).toHaveAttribute('aria-checked', 'true');
  // The narrowed list has loaded once its count differs from the whole scope's (白沙、机关 are out).
  await expect.poll(() => listTotal(page)).toBeLessThan(everything);
  const total = await listTotal(page);
  expect(total).toBeGreaterThan(2);
  await expect(page.getByTestId('item-row')).toHaveCount(2);

  const download = page.waitForEvent('download');
  await page.getByTestId('export-items').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^整改事项清单_\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await file.path())!);
  const sheet = workbook.worksheets[0];
  expect(sheet.getCell(2, 2).value).toBe('党组织');
  const organisations: string[] = [];
  for (let r = 3; sheet.getCell(r, 4).value; r++) organisations.push(String(sheet.getCell(r, 2).value));
  expect(organisations).toHaveLength(total);
  // Only the 党总支 and its two branches: 白沙社区、镇机关 are outside the filter.
  const branches = [GENERAL_BRANCH, '青石村第一党支部', '青石村第二党支部'];
  for (const name of organisations) expect(branches).toContain(name);
  expect(organisations).toContain(GENERAL_BRANCH);
});

test('the outputs page opens an administrator on the root and its latest year, with web remedies only', async ({
  page,
}) => {
  await logIn(page, 'admin');
  await page.goto('/outputs');
  await expect(page.getByTestId('organisation-select')).toContainText('青石镇党委');
  // The root has no report of its own: the latest year of those below it, on the ledger, which
  // counts them (the demo's 2024, or a later one an earlier test imported).
  const [{ latest }] = await sql<{ latest: number }>(`SELECT max(year)::int AS latest FROM report`);
  const year = page.getByTestId('year-select');
  await expect(year).toContainText(String(latest));
  await expect(page.getByTestId('ledger-preview')).toBeVisible();
  await year.click();
  await expect(yearOption(page, latest)).toContainText('下级已导入');
  await expect(yearOption(page, latest)).not.toContainText(/(^|[^级])已导入/);
  await page.keyboard.press('Escape');

  // The 党总支 imported 2024 itself: 已导入, and the section opens.
  await pickOrganisation(page, page.getByTestId('organisation-select'), GENERAL_BRANCH);
  await year.click();
  await expect(yearOption(page, 2024)).toContainText('2024年度已导入');
  await yearOption(page, 2024).click();
  // The tab follows the organisation when it opens on the year; a year changed later keeps it.
  await page.getByRole('tab', { name: '上年度整改情况' }).click();
  await expect(page.getByTestId('section-preview')).toBeVisible();

  // A year with nothing: what to do in the web UI, never a command to run.
  await pickOption(page, year, '2022');
  const failure = page.getByTestId('output-error');
  await expect(failure).toContainText('请先由管理员导入该组织2022年度的报告');
  await expect(failure.getByRole('button', { name: '前往报告导入' })).toBeVisible();
  await expect(failure.getByRole('button', { name: '改看2024年度' })).toBeVisible();
  await expect(page.locator('body')).not.toContainText('rectify');
  await page.screenshot({ path: `${SCREENSHOTS}/outputs-no-items.png`, fullPage: true });
  await failure.getByRole('button', { name: '改看2024年度' }).click();
  await expect(page.getByTestId('section-preview')).toBeVisible();
});
