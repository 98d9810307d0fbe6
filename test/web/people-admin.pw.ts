import { randomUUID } from 'node:crypto';
import { expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD, logIn, SCREENSHOTS } from './login';
import { cancelModal } from './cancel-modal';

const ORIGINAL = 'Original-pass-2024';
const CHOSEN = 'Qingshi-chosen-2025';

/** Logs in through the login page with any password, without waiting to leave it. */
async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

test('an administrator resets a password; the person logs in with the one-time password, must change it, then works', async ({
  page,
}) => {
  // A person of our own, so the demo accounts keep their passwords for the other tests.
  const username = `renyuan-${randomUUID().slice(0, 8)}`;
  const api = page.request;
  const login = await api.post('/api/auth/login', { data: { username: 'admin', password: DEMO_PASSWORD } });
  const headers = { Authorization: `Bearer ${(await login.json()).accessToken}` };
  const [root] = await (await api.get('/api/organisations', { headers })).json();
  const branch = root.children[0]?.children[0] ?? root.children[0] ?? root;
  const created = await api.post('/api/users', {
    headers,
    data: {
      username,
      displayName: '测试人员',
      positions: [{ kind: 'secretary' }],
      organisationId: branch.id,
      password: ORIGINAL,
    },
  });
  expect(created.status()).toBe(201);

  // The administrator finds the person in 人员管理 and resets the password.
  await logIn(page, 'admin');
  await page.getByTestId('nav-users').click();
  await expect(page.getByTestId('users-page')).toBeVisible();
  await page.getByPlaceholder('姓名或账号').fill(username);
  await page.getByPlaceholder('姓名或账号').press('Enter');
  const row = page.getByTestId(`user-row-${username}`);
  await expect(row).toBeVisible();
  await expect(page.locator('[data-testid^="user-row-"]')).toHaveCount(1);
  await row.getByTestId('user-reset-password').click();
  await page.getByTestId('user-reset-password-confirm').click();
  const shown = page.getByTestId('one-time-password');
  await expect(shown).toBeVisible();
  const oneTime = ((await shown.textContent()) ?? '').trim();
  expect(oneTime).toMatch(/^\S{4}-\S{4}-\S{4}$/);
  await page.screenshot({ path: `${SCREENSHOTS}/people-one-time-password.png` });
  await cancelModal(page, 'one-time-password-close');
  // Shown once: closed, it is nowhere on the page any more.
  await expect(page.getByTestId('one-time-password-modal')).toHaveCount(0);
  await expect(page.getByText(oneTime)).toHaveCount(0);
  await expect(row.getByText('待修改密码')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/people-list.png`, fullPage: true });
  await page.getByTestId('logout').click();

  // The old password no longer works.
  await submitLogin(page, username, ORIGINAL);
  await expect(page.getByTestId('login-error')).toContainText('用户名或密码不正确');

  // With the one-time password, the change comes before anything else, whatever the address.
  await submitLogin(page, username, oneTime);
  await expect(page.getByTestId('forced-password-change')).toBeVisible();
  await page.goto('/items');
  await expect(page.getByTestId('forced-password-change')).toBeVisible();
  await expect(page.getByTestId('main-menu')).toHaveCount(0);
  await page.getByTestId('current-password').fill(oneTime);
  await page.getByTestId('new-password').fill(CHOSEN);
  await page.getByTestId('confirm-password').fill(`${CHOSEN}x`);
  await page.getByTestId('change-password-submit').click();
  await expect(page.getByText('两次输入的新密码不一致')).toBeVisible();
  await page.getByTestId('confirm-password').fill(CHOSEN);
  await page.screenshot({ path: `${SCREENSHOTS}/people-forced-change.png` });
  await page.getByTestId('change-password-submit').click();
  await expect(page.getByTestId('main-menu')).toBeVisible();
  await expect(page.getByTestId('current-user')).toContainText('测试人员');
  await expect(page).toHaveURL(/\/items$/);
  await page.getByTestId('logout').click();

  // Neither the old password nor the one-time password works any more; the chosen one does.
  for (const stale of [ORIGINAL, oneTime]) {
    await submitLogin(page, username, stale);
    await expect(page.getByTestId('login-error')).toContainText('用户名或密码不正确');
  }
  await submitLogin(page, username, CHOSEN);
  await expect(page.getByTestId('main-menu')).toBeVisible();

  // 修改密码 from the user menu: the current password is checked, in Chinese.
  await page.getByTestId('current-user').click();
  await page.getByTestId('menu-change-password').click();
  await expect(page.getByTestId('change-password-modal').getByTestId('change-password-form')).toBeVisible();
  await page.getByTestId('current-password').fill('not-my-password');
  await page.getByTestId('new-password').fill('Another-choice-2026');
  await page.getByTestId('confirm-password').fill('Another-choice-2026');
  await page.getByTestId('change-password-submit').click();
  await expect(page.getByTestId('change-password-error')).toContainText('当前密码不正确');
  await page.getByTestId('current-password').fill(CHOSEN);
  await page.getByTestId('change-password-submit').click();
  await expect(page.getByTestId('change-password-form')).toHaveCount(0);
  await expect(page.getByText('密码已修改')).toBeVisible();
  // Still signed in with the new token.
  await page.reload();
  await expect(page.getByTestId('main-menu')).toBeVisible();
});
