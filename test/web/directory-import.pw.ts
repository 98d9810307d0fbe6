import { randomUUID } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import { directoryWorkbook, largeDirectory } from '../support/directory-workbook';
import { logIn, SCREENSHOTS } from './login';

const CHOSEN = 'Qingshi-import-2026';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function chooseFile(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page
    .getByTestId('directory-import-page')
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType: XLSX, buffer });
  await expect(page.getByTestId('directory-import-page')).toContainText(name);
  await expect(page.getByTestId('directory-submit')).toBeEnabled();
}

/** Clicks a button that sends the file, and waits for the API's answer (its status). */
async function send(page: Page, button: 'directory-check' | 'directory-submit'): Promise<number> {
  const answer = page.waitForResponse((r) => r.url().includes('/api/directory/import'));
  await page.getByTestId(button).click();
  return (await answer).status();
}

test('an administrator imports 50 organisations and 200 people after fixing 3 bad rows; a new person logs in with the one-time password and must change it', async ({
  page,
}) => {
  const tag = `w${randomUUID().slice(0, 5)}`;
  // The 50 organisations join the demo's tree, which the other tests pick from by name in
  // lists sorted by name: 鹿 sorts after every demo name (青, 白, 镇), so theirs stay on top.
  const directory = largeDirectory('青石镇党委', tag, `鹿${tag}`);
  const bad = directory.rows.map((r) => [...r]);
  bad[4][2] = '党小组'; // Excel row 6
  bad[9][1] = `${tag}不存在的党委`; // Excel row 11
  bad[20][5] = '主任'; // Excel row 22

  await logIn(page, 'admin');
  await page.getByTestId('nav-directory-import').click();
  await expect(page.getByTestId('directory-import-page')).toBeVisible();
  const template = page.waitForEvent('download');
  await page.getByTestId('directory-template').click();
  expect((await template).suggestedFilename()).toBe('组织和人员导入模板.xlsx');

  // The file with 3 bad rows: the problems by row, nothing written.
  await chooseFile(page, '组织和人员-有误.xlsx', await directoryWorkbook(bad));
  expect(await send(page, 'directory-submit')).toBe(422);
  const problems = page.getByTestId('directory-problems');
  await expect(problems).toBeVisible();
  await expect(problems).toContainText('文件有 3 处问题');
  await expect(problems.locator('[data-testid^="directory-problem-"]')).toHaveCount(3);
  await expect(page.getByTestId('directory-problem-6')).toContainText('组织类别"党小组"无效');
  await expect(page.getByTestId('directory-problem-11')).toContainText('上级组织');
  await expect(page.getByTestId('directory-problem-22')).toContainText('职务"主任"无效');
  await page.screenshot({ path: `${SCREENSHOTS}/directory-import-problems.png`, fullPage: true });

  // Fixed: checked, then imported, with the counts and the one-time passwords once.
  await chooseFile(page, '组织和人员.xlsx', await directoryWorkbook(directory.rows));
  expect(await send(page, 'directory-check')).toBe(200);
  await expect(page.getByTestId('directory-summary')).toHaveText('预计新增组织50个、人员200人、职务210个');
  const started = Date.now();
  expect(await send(page, 'directory-submit')).toBe(200);
  await expect(page.getByTestId('directory-summary')).toHaveText('新增组织50个、人员200人、职务210个');
  console.log(
    `browser import of 50 organisations and 200 people: ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  await expect(page.getByTestId('one-time-passwords-warning')).toContainText('只显示这一次');
  await page.screenshot({ path: `${SCREENSHOTS}/directory-import-result.png`, fullPage: true });
  const download = page.waitForEvent('download');
  await page.getByTestId('download-passwords').click();
  expect((await download).suggestedFilename()).toBe('新账号一次性密码.xlsx');
  // The first account shown (people in file order: the rows come reversed, so p010 first).
  const shown = page.locator('[data-testid^="one-time-password-w"]').first();
  const username = ((await shown.getAttribute('data-testid')) ?? '').replace('one-time-password-', '');
  expect(directory.usernames).toContain(username);
  const oneTime = ((await shown.textContent()) ?? '').trim();
  expect(oneTime).toMatch(/^\S{4}-\S{4}-\S{4}$/);
  await page.getByTestId('logout').click();

  // The new person: the one-time password opens nothing but its change.
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(oneTime);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('forced-password-change')).toBeVisible();
  await page.getByTestId('current-password').fill(oneTime);
  await page.getByTestId('new-password').fill(CHOSEN);
  await page.getByTestId('confirm-password').fill(CHOSEN);
  await page.screenshot({ path: `${SCREENSHOTS}/directory-import-forced-change.png` });
  await page.getByTestId('change-password-submit').click();
  await expect(page.getByTestId('main-menu')).toBeVisible();
  await expect(page.getByTestId('current-user')).toContainText(`人员${Number(username.split('.p')[1])}`);
});
