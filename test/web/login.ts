import { type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'rectify-demo';
/** Screenshots for people to look at; git-ignored. */
export const SCREENSHOTS = 'test/web/screenshots';

/** Logs in through the login page, as a user would. */
export async function logIn(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
