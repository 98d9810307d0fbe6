import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { logIn, SCREENSHOTS } from './login';

// Every page of the web UI, as each kind of person who may see it, on a desktop and on a phone:
// no serious or critical accessibility fault (axe, WCAG 2 A and AA), nothing wider than a phone's
// screen, and a screenshot of each for people to look at. Read-only: opens pages, sends nothing.

const DESKTOP = { width: 1366, height: 800 };
const PHONE = { width: 390, height: 844 };

interface PageVisit {
  /** Names the screenshot: test/web/screenshots/<name>-<width>.png. */
  name: string;
  /** Opens the page (or the dialog) and waits until it shows what it loaded. */
  open(page: Page): Promise<void>;
}

/** Waits until no loading spinner or skeleton is left: the page shows what it loaded. */
async function settled(page: Page): Promise<void> {
  await expect(page.locator('.ant-spin-spinning, .ant-skeleton-active')).toHaveCount(0);
}

function route(name: string, path: string, testId: string): PageVisit {
  return {
    name,
    async open(page) {
      await page.goto(path);
      await expect(page.getByTestId(testId)).toBeVisible();
      await settled(page);
    },
  };
}

/** An item's detail page, reached as its user does: from the first row of their list. */
const itemDetail: PageVisit = {
  name: 'item',
  async open(page) {
    await page.goto('/items');
    await page.getByTestId('item-link').first().click();
    await expect(page.getByTestId('history-card')).toBeVisible();
    await settled(page);
  },
};

/** The account dialog (修改密码), opened from the user menu in the header. */
const account: PageVisit = {
  name: 'account',
  async open(page) {
    await page.goto('/items');
    await expect(page.getByTestId('items-page')).toBeVisible();
    await page.getByTestId('current-user').click();
    await page.getByTestId('menu-change-password').click();
    await expect(page.getByRole('dialog', { name: '修改密码' })).toBeVisible();
  },
};

/** A page or dialog as one kind of person sees it: the screenshot is named `<role>-<page>`. */
const as = (role: string, visits: PageVisit[]): PageVisit[] =>
  visits.map((visit) => ({ ...visit, name: `${role}-${visit.name}` }));

const items = route('items', '/items', 'items-page');
const todo = route('todo', '/todo', 'todo-page');
const outputs = route('outputs', '/outputs', 'outputs-page');
const dashboard = route('dashboard', '/dashboard', 'dashboard-page');

// Pages that show everyone the same (消息中心, 通知设置, 使用说明, the account dialog) are visited once;
// those whose content follows the person's positions, once per kind of person who may see them.
const AS: { user: string; role: string; pages: PageVisit[] }[] = [
  {
    user: 'admin',
    role: 'admin',
    pages: as('admin', [
      dashboard,
      route('import', '/import', 'import-page'),
      route('users', '/users', 'users-table'),
      route('organisations', '/organisations', 'org-tree'),
      route('directory-import', '/directory-import', 'directory-import-page'),
      route('mailbox', '/mailbox', 'mailbox-list'),
      items,
      itemDetail,
    ]),
  },
  {
    user: 'zhen.shuji',
    role: 'supervisor',
    pages: as('supervisor', [dashboard, items, itemDetail, todo, outputs]),
  },
  {
    user: 'diyi.shuji',
    role: 'secretary',
    pages: as('secretary', [
      items,
      itemDetail,
      todo,
      outputs,
      route('notifications', '/notifications', 'notifications-page'),
      route('notification-settings', '/notification-settings', 'notification-settings-page'),
      route('help', '/help', 'help-page'),
      account,
    ]),
  },
];

/** The serious and critical axe findings on the page now, one readable line each. */
async function accessibilityFaults(page: Page): Promise<string[]> {
  const axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']);
  // With a dialog open, only the dialog: the page behind it is checked on its own.
  if (await page.locator('.ant-modal').isVisible()) axe.include('.ant-modal');
  const { violations } = await axe.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes
          .slice(0, 5)
          .map((n) => `      at ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ')}`)
          .join('\n'),
    );
}

/** Checks the page open now (at the width it was opened at) and saves its screenshot. */
async function check(page: Page, name: string, viewport: { width: number; height: number }) {
  // Colours are judged as they end, not half-way through a transition (a button that has just
  // become enabled once measured 2.61:1 mid-fade).
  await page.addStyleTag({
    content: '*, *::before, *::after { transition: none !important; animation: none !important; }',
  });
  const faults = await accessibilityFaults(page);
  expect.soft(faults, `${name} at ${viewport.width} px: accessibility faults`).toEqual([]);
  if (viewport.width === PHONE.width) {
    const { scrollWidth, clientWidth } = await page.evaluate<{ scrollWidth: number; clientWidth: number }>(
      '({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth })',
    );
    expect
      .soft(scrollWidth, `${name} at ${viewport.width} px: wider than the screen`)
      .toBeLessThanOrEqual(clientWidth + 1);
  }
  await page.screenshot({ path: `${SCREENSHOTS}/${name}-${viewport.width}.png`, fullPage: true });
}

test('the login page is accessible and fits a phone', async ({ page }) => {
  for (const viewport of [DESKTOP, PHONE]) {
    await page.setViewportSize(viewport);
    await page.goto('/login');
    await expect(page.getByTestId('login-form')).toBeVisible();
    await check(page, 'login', viewport);
  }
});

for (const { user, role, pages } of AS) {
  test.describe(`as the ${role} (${user})`, () => {
    // One login per person: its token (kept in localStorage) opens every page test below.
    const session = path.join(os.tmpdir(), `rectify-every-page-${role}-${process.pid}.json`);
    test.beforeAll(async ({ browser }) => {
      // Not this group's storageState (`test.use` below): that file is what this writes.
      const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
      await logIn(await context.newPage(), user);
      await context.storageState({ path: session });
      await context.close();
    });
    test.afterAll(() => fs.rmSync(session, { force: true }));
    test.use({ storageState: session });

    for (const visit of pages) {
      test(`${visit.name} is accessible and fits a phone`, async ({ page }) => {
        // Opened afresh at each width, as someone at a desk or on a phone opens it.
        for (const viewport of [DESKTOP, PHONE]) {
          await page.setViewportSize(viewport);
          await visit.open(page);
          await check(page, visit.name, viewport);
        }
      });
    }
  });
}
