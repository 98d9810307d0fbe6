import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD, logIn, SCREENSHOTS } from './login';
import { cancelModal } from './cancel-modal';

// The to-do lists (待办): 白沙社区党支部's secretary has three items submitted for sign-off; the
// 镇党委书记 above returns one with a reason. The secretary sees it under 被退回 (and as 被退回
// in the item list), the header counts it; the 镇党委书记 signs off the other two in bulk.

const SECRETARY = 'baisha.shuji';
const SUPERVISOR = 'zhen.shuji';
const REASON = '佐证材料不全，请补充整改前后对比照片';

async function tokenOf(api: APIRequestContext, username: string): Promise<string> {
  const res = await api.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(res.ok()).toBeTruthy();
  return (await res.json()).accessToken;
}

/** Sends one lifecycle event through the API, at the item's current version. */
async function send(api: APIRequestContext, token: string, itemId: string, event: string, payload: object) {
  const headers = { Authorization: `Bearer ${token}` };
  const item = await (await api.get(`/api/items/${itemId}`, { headers })).json();
  const res = await api.post(`/api/items/${itemId}/transitions`, {
    headers,
    data: { event, payload, expectedVersion: item.version },
  });
  expect(res.ok(), await res.text()).toBeTruthy();
}

let returned: { id: string; title: string };
let submitted: { id: string; title: string }[];

test.beforeAll(async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  const secretary = await tokenOf(api, SECRETARY);
  const supervisor = await tokenOf(api, SUPERVISOR);
  // Three problems of its own for 白沙社区党支部 (上级点评), so no other test's items are touched.
  const mine = await (
    await api.get('/api/items?pageSize=1', { headers: { Authorization: `Bearer ${secretary}` } })
  ).json();
  const created = await api.post('/api/items', {
    headers: { Authorization: `Bearer ${supervisor}` },
    data: {
      organisationId: mine.items[0].organisationId,
      source: 'superior_review',
      list: '待办测试：村务公开栏更新不及时\n待办测试：党员积分管理不够严格\n待办测试：主题党日活动内容单一',
    },
  });
  expect(created.ok(), await created.text()).toBeTruthy();
  const [first, second, third] = (await created.json()).items as { id: string; title: string }[];
  for (const item of [first, second, third]) {
    await send(api, secretary, item.id, 'SET_MEASURES', {
      measures: [{ title: '逐项落实整改', responsible: '白沙社区党支部书记', deadline: '2030-06-30' }],
    });
    await send(api, secretary, item.id, 'SUBMIT_COMPLETION', { evidence: '已按措施整改完毕' });
  }
  await send(api, supervisor, first.id, 'RETURN_FOR_REWORK', { reason: REASON });
  returned = first;
  submitted = [second, third];
  await api.dispose();
});

/** The badge's number as the page shows it, once the to-do lists have loaded. */
async function badgeCount(page: Page): Promise<number> {
  const badge = page.getByTestId('todo-badge');
  await expect(badge).toHaveAttribute('aria-label', /待办 [1-9]\d* 项/);
  return Number((await badge.getAttribute('aria-label'))!.match(/\d+/)![0]);
}

test('the secretary sees the returned item under 被退回 with the reason, counted in the header', async ({
  page,
}) => {
  await logIn(page, SECRETARY);
  // 待办 is the first menu entry for those who only work items.
  await expect(page.getByTestId('main-menu').getByRole('menuitem').first()).toContainText('我的待办');
  await page.getByTestId('nav-todo').click();
  await page.waitForURL(/\/todo$/);
  const section = page.getByTestId('todo-returned');
  const entry = section.getByTestId('todo-entry').filter({ hasText: returned.title });
  await expect(entry).toBeVisible();
  await expect(entry.getByTestId('todo-return-reason')).toContainText(REASON);
  await expect(entry.getByTestId('todo-return-reason')).toContainText('镇党委书记');
  await expect(section.getByTestId('todo-returned-count')).toContainText('1');
  // The badge counts the items on any list, each once: the page's total says the same.
  const count = await badgeCount(page);
  await expect(page.getByTestId('todo-total')).toHaveText(`共 ${count} 个事项需要处理`);
  await page.screenshot({ path: `${SCREENSHOTS}/todo-secretary.png`, fullPage: true });

  // The entry opens the item at its action: the form to submit again.
  await entry.getByTestId('todo-entry-link').click();
  await page.waitForURL(new RegExp(`/items/${returned.id}`));
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('提交销号申请');
  await expect(page).toHaveURL(new RegExp(`/items/${returned.id}$`));
  await cancelModal(page);

  // In the item list the returned item no longer looks unchanged: 被退回, the reason on hover.
  await page.goto(`/items?q=${encodeURIComponent(returned.title)}`);
  const tag = page.getByTestId('returned-tag');
  await expect(tag).toHaveCount(1);
  await tag.hover();
  await expect(page.getByRole('tooltip')).toContainText(REASON);
  await page.screenshot({ path: `${SCREENSHOTS}/todo-returned-tag.png` });

  // On a phone: the same lists, the badge beside the menu button.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/todo');
  await expect(page.getByTestId('todo-returned').getByTestId('todo-entry')).toHaveCount(1);
  expect(await badgeCount(page)).toBe(count);
  await page.screenshot({ path: `${SCREENSHOTS}/todo-secretary-phone.png`, fullPage: true });
});

test('the supervisor signs off two submissions in bulk from 待我审核', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await logIn(page, SUPERVISOR);
  await page.goto('/todo');
  const review = page.getByTestId('todo-review');
  for (const item of submitted)
    await expect(review.getByTestId('todo-entry').filter({ hasText: item.title })).toBeVisible();
  await expect(review.getByTestId('todo-entry').filter({ hasText: returned.title })).toHaveCount(0);
  const before = await badgeCount(page);
  await page.screenshot({ path: `${SCREENSHOTS}/todo-supervisor.png`, fullPage: true });

  for (const item of submitted)
    await review
      .getByTestId('todo-entry')
      .filter({ hasText: item.title })
      .getByTestId('review-select')
      .check();
  await review.getByTestId('bulk-sign-off').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('批量审核销号');
  // A click on a modal still zooming in is lost on a loaded machine (seen in CI: the dialog stayed).
  await expect(dialog).not.toHaveClass(/ant-zoom-appear/);
  await expect(page.getByTestId('bulk-sign-off-comment')).toHaveValue('同意销号');
  await page.getByTestId('bulk-sign-off-comment').fill('整改到位，同意销号');
  await page.getByTestId('modal-submit').click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });

  const result = page.getByTestId('bulk-sign-off-result');
  await expect(result).toContainText('已审核销号 2 项');
  await expect(result.locator('[data-testid="bulk-sign-off-outcome"][data-ok="true"]')).toHaveCount(2);
  for (const item of submitted) {
    await expect(result).toContainText(item.title);
    await expect(review.getByTestId('todo-entry').filter({ hasText: item.title })).toHaveCount(0);
  }
  // Refreshed after the action: two fewer to do.
  await expect(page.getByTestId('todo-badge')).toHaveAttribute('aria-label', `待办 ${before - 2} 项`);
  await page.screenshot({ path: `${SCREENSHOTS}/todo-supervisor-signed-off.png`, fullPage: true });

  // Each was signed off with the opinion given.
  await page.goto(`/items/${submitted[0].id}`);
  await expect(page.getByTestId('history-card')).toContainText('整改到位，同意销号');
});
