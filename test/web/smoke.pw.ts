import { expect, test } from '@playwright/test';
import { logIn, SCREENSHOTS } from './login';

test('a secretary logs in and sees their items with their lights', async ({ page }) => {
  await logIn(page, 'diyi.shuji');
  await expect(page).toHaveURL(/\/items$/);
  await expect(page.getByText('第一党支部书记')).toBeVisible();
  const rows = page.getByTestId('item-row');
  await expect(rows).toHaveCount(3);
  await expect(page.getByText('红灯').first()).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/items-secretary.png`, fullPage: true });
});

test('a wrong password is refused in Chinese', async ({ page }) => {
  await page.goto('/login');
  await page.getByTestId('login-username').fill('diyi.shuji');
  await page.getByTestId('login-password').fill('wrong');
  await page.getByTestId('login-submit').click();
  await expect(page.getByText(/用户名或密码/)).toBeVisible();
});
