import { randomUUID } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import { logIn, SCREENSHOTS } from './login';
import { openOption, pickOrganisation } from './pick-option';
import { cancelModal } from './cancel-modal';

const CHOSEN = 'Qingshi-zuzhi-2026';

/** Picks an organisation in the TreeSelect of this test id (see pickOrganisation). */
const pickOrganisationIn = (page: Page, testId: string, name: string) =>
  pickOrganisation(page, page.getByTestId(testId), name);

test('an administrator adds a person with two positions; the person works one branch and supervises the other from the 党总支', async ({
  page,
}) => {
  const username = `zuzhi-${randomUUID().slice(0, 8)}`;
  await logIn(page, 'admin');
  await page.getByTestId('nav-users').click();
  await page.getByTestId('user-add').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('添加人员');
  await expect(dialog).not.toHaveClass(/ant-zoom-appear/);

  await page.getByTestId('add-user-username').fill(username);
  await page.getByTestId('add-user-name').fill('赵组织');
  await pickOrganisationIn(page, 'add-user-organisation', '青石村第二党支部');
  // The first position follows the home organisation; its kind is 书记 unless chosen.
  await expect(page.getByTestId('position-organisation-0')).toContainText('青石村第二党支部');
  await expect(page.getByTestId('position-kind-0')).toContainText('书记');
  await page.getByTestId('position-add').click();
  await pickOrganisationIn(page, 'position-organisation-1', '青石村党总支');
  await page.getByTestId('position-kind-1').click();
  await openOption(page, '组织委员').click();
  await expect(page.getByTestId('position-kind-1')).toContainText('组织委员');
  await page.screenshot({ path: `${SCREENSHOTS}/people-add-positions.png` });
  await page.getByTestId('modal-submit').click();

  const shown = page.getByTestId('one-time-password');
  await expect(shown).toBeVisible({ timeout: 30_000 });
  const oneTime = ((await shown.textContent()) ?? '').trim();
  expect(oneTime).toMatch(/^\S{4}-\S{4}-\S{4}$/);
  await page.getByTestId('one-time-password-close').click();
  await page.getByPlaceholder('姓名或账号').fill(username);
  await page.getByPlaceholder('姓名或账号').press('Enter');
  const row = page.getByTestId(`user-row-${username}`);
  await expect(row).toContainText('书记');
  await expect(row).toContainText('组织委员·青石村党总支');
  await page.screenshot({ path: `${SCREENSHOTS}/people-positions-list.png`, fullPage: true });

  // 设置职务 opens on the positions held.
  await row.getByTestId('user-positions').click();
  await expect(page.getByRole('dialog')).toContainText('设置职务');
  // Ordered by organisation: the 党总支 above the branch.
  await expect(page.getByTestId('position-kind-0')).toContainText('组织委员');
  await expect(page.getByTestId('position-organisation-1')).toContainText('青石村第二党支部');
  await cancelModal(page);
  await page.getByTestId('logout').click();

  // The person logs in with the one-time password, must change it, then works.
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(oneTime);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('forced-password-change')).toBeVisible();
  await page.getByTestId('current-password').fill(oneTime);
  await page.getByTestId('new-password').fill(CHOSEN);
  await page.getByTestId('confirm-password').fill(CHOSEN);
  await page.getByTestId('change-password-submit').click();
  await expect(page.getByTestId('main-menu')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('current-user')).toContainText('书记');
  // 督办 from the 党总支: the supervisor's dashboard is in the menu, administration is not.
  await expect(page.getByTestId('nav-dashboard')).toBeVisible();
  await expect(page.getByTestId('nav-users')).toHaveCount(0);
  await page.goto('/items');
  const organisations = page.getByTestId('items-table');
  await expect(organisations).toContainText('青石村第一党支部');
  await page.screenshot({ path: `${SCREENSHOTS}/positions-supervising-items.png`, fullPage: true });
});
