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

test('the secretary views fit a phone screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await logIn(page, 'diyi.shuji');
  await page.goto('/items');
  await expect(page.getByTestId('item-row')).toHaveCount(3);
  // Nothing wider than the screen: no sideways scrolling on a phone.
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SCREENSHOTS}/items-phone.png`, fullPage: true });
  await page.getByTestId('item-link').first().click();
  await expect(page.getByTestId('timeline')).toBeVisible();
  expect(
    await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth'),
  ).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SCREENSHOTS}/item-phone.png`, fullPage: true });
});
