import { expect, test } from '@playwright/test';
import { logIn, SCREENSHOTS } from './login';

test('a secretary logs in and sees their items with their lights', async ({ page }) => {
  await logIn(page, 'diyi.shuji');
  await expect(page).toHaveURL(/\/items$/);
  await expect(page.getByText('第一党支部书记')).toBeVisible();
  const rows = page.getByTestId('item-row');
  await expect(rows).toHaveCount(3);
  await expect(page.getByText('红灯').first()).toBeVisible();
  // Each row offers exactly what the API allows now: on an item with measures, the secretary may
  // change or submit them, and never sign off.
  const row = page.getByTestId('item-row').filter({ hasText: '落实党内政治生活制度有差距' });
  await expect(row.getByTestId('row-action-SET_MEASURES')).toBeVisible();
  await expect(row.getByTestId('row-action-SUBMIT_COMPLETION')).toBeVisible();
  await expect(page.getByTestId('row-action-APPROVE_COMPLETION')).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOTS}/items-secretary.png`, fullPage: true });
});

test('a wrong password is refused in Chinese', async ({ page }) => {
  await page.goto('/login');
  await page.screenshot({ path: `${SCREENSHOTS}/login.png` });
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

test('an administrator reads the reminder emails the development mailbox received', async ({ page }) => {
  await logIn(page, 'admin');
  await page.goto('/mailbox');
  await expect(page.getByTestId('mailbox-list')).toBeVisible();
  // No worker runs in the browser tests, so the mailbox is empty and says what will fill it.
  await expect(page.getByText('暂无邮件')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/mailbox.png`, fullPage: true });
});
