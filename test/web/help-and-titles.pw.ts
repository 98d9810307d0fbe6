import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD, logIn, SCREENSHOTS } from './login';
import { cancelModal } from './cancel-modal';

// Help, blank pages, long titles and evidence from a phone. 青石村党总支's secretary hands one
// problem with a title of the longest allowed length (200 characters) down to 青石村第二党支部,
// whose secretary finds it cut to two lines in the lists (whole on hover, and on tap of 全文 on a
// phone) and adds a camera photo as evidence. Blank pages are shown by answering the lists with
// nothing (page.route), so no other test's data changes.

const SUPERVISOR = 'zongzhi.shuji';
const SECRETARY = 'dier.shuji';
const TITLE_LIMIT = 200;
const CLAUSE = '党员教育管理工作存在薄弱环节，';
const LONG_TITLE = `长标题测试：${CLAUSE.repeat(20)}`.slice(0, TITLE_LIMIT);
/** The smallest PNG: one red pixel. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

async function tokenOf(api: APIRequestContext, username: string): Promise<string> {
  const res = await api.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(res.ok()).toBeTruthy();
  return (await res.json()).accessToken;
}

/** Answers the item list and the reports with nothing, as on a new installation. */
async function showNothingImported(page: Page): Promise<void> {
  await page.route(
    (url) => url.pathname === '/api/items',
    (route) => route.fulfill({ json: { items: [], total: 0, page: 1, pageSize: 20 } }),
  );
  await page.route(
    (url) => url.pathname === '/api/reports',
    (route) => route.fulfill({ json: [] }),
  );
}

test.beforeAll(async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  const secretary = await tokenOf(api, SECRETARY);
  const supervisor = await tokenOf(api, SUPERVISOR);
  const me = await (await api.get('/api/me', { headers: { Authorization: `Bearer ${secretary}` } })).json();
  const create = (title: string) =>
    api.post('/api/items', {
      headers: { Authorization: `Bearer ${supervisor}` },
      data: { organisationId: me.organisation.id, source: 'superior_review', problems: [{ title }] },
    });
  // The API keeps to the same limit as the editors: one character more is refused.
  const tooLong = await create(`${LONG_TITLE}长`);
  expect(tooLong.status()).toBe(400);
  expect((await tooLong.json()).message).toMatch(new RegExp(`${TITLE_LIMIT} ?个字`));
  const created = await create(LONG_TITLE);
  expect(created.ok(), await created.text()).toBeTruthy();
  await api.dispose();
});

test('a supervisor finds their own 使用说明 first, and blank pages say what to do before anything is imported', async ({
  page,
}) => {
  await showNothingImported(page);
  await logIn(page, 'zhen.zuzhi');

  // 督导总览 and 整改材料输出 say who imports; the item list offers creating items.
  await page.goto('/dashboard');
  await expect(page.getByTestId('no-reports-notice')).toContainText('管理员导入');
  await page.goto('/outputs');
  await expect(page.getByTestId('no-reports-notice')).toContainText('管理员导入');
  await page.goto('/items');
  await expect(page.getByTestId('items-empty')).toContainText('新建整改事项');
  await expect(page.getByTestId('empty-create-items')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/items-empty-supervisor.png` });

  // The help from the header: the supervisor's part first and open, the others folded.
  await page.getByTestId('help-link').click();
  await expect(page).toHaveURL(/\/help$/);
  const titles = page.locator('[data-testid^="help-section-title-"]');
  await expect(titles.first()).toHaveAttribute('data-testid', 'help-section-title-supervisor');
  await expect(titles.first()).toContainText('您的角色');
  await expect(page.getByTestId('help-section-supervisor')).toContainText('待我审核');
  await expect(page.getByTestId('help-section-secretary')).toBeHidden();
  await titles.filter({ hasText: '管理员' }).click();
  await expect(page.getByTestId('help-section-admin')).toContainText('导入报告');
  await page.screenshot({ path: `${SCREENSHOTS}/help.png`, fullPage: true });
});

test('a long title takes two lines in the lists, whole on hover and on tap; the editor stops at the same limit; a camera photo shows as a thumbnail', async ({
  page,
}) => {
  // A secretary without items is told what brings them and where.
  await showNothingImported(page);
  await logIn(page, SECRETARY);
  await expect(page.getByTestId('items-empty')).toContainText('我的待办');
  await expect(page.getByTestId('empty-help')).toBeVisible();
  await page.unrouteAll();

  // Desktop list: two lines at most, the whole title in a tooltip.
  await page.goto('/items');
  const link = page.getByTestId('item-link').filter({ hasText: '长标题测试' });
  await expect(link).toHaveAttribute('data-clamped', 'true');
  // antd's body text is 22 px a line: two lines are 44 px, the whole title would take six.
  expect((await link.boundingBox())!.height).toBeLessThanOrEqual(2 * 22 + 2);
  await link.hover();
  await expect(page.getByRole('tooltip')).toHaveText(LONG_TITLE);

  // The item: its title editor stops at the limit; a photo taken with the camera is shown small,
  // and full size on a tap.
  await link.click();
  await expect(page.getByTestId('item-title')).toHaveText(LONG_TITLE);
  await page.getByTestId('edit-details').click();
  await expect(page.getByTestId('field-title')).toHaveAttribute('maxlength', String(TITLE_LIMIT));
  await cancelModal(page);
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.getByTestId('evidence-upload').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).not.toHaveClass(/ant-zoom-appear/);
  const camera = dialog.locator('input[type=file][capture]');
  await expect(camera).toHaveAttribute('capture', 'environment');
  await expect(camera).toHaveAttribute('accept', 'image/*');
  await camera.setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: PHOTO });
  await expect(dialog).toContainText('现场照片.png');
  await page.getByTestId('modal-submit').click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  const thumbnail = page.getByTestId('evidence-item').filter({ hasText: '现场照片.png' }).locator('img');
  await expect(thumbnail).toBeVisible();
  await expect
    .poll(() => thumbnail.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
    .toBe(1);
  await page.getByTestId('evidence-card').screenshot({ path: `${SCREENSHOTS}/evidence-thumbnail.png` });
  await thumbnail.click();
  await expect(page.locator('.ant-image-preview img')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('.ant-image-preview')).toBeHidden();

  // A phone: the to-do list cuts the title too; 全文 unfolds it where it is, without opening it.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/todo');
  const entry = page.getByTestId('todo-entry').filter({ hasText: '长标题测试' });
  const title = entry.getByTestId('todo-entry-link');
  await expect(title).toHaveAttribute('data-clamped', 'true');
  await entry.getByTestId('title-toggle').click();
  await expect(title).toHaveAttribute('data-clamped', 'false');
  await expect(entry.getByTestId('title-toggle')).toHaveText('收起');
  await expect(page).toHaveURL(/\/todo$/);
  await page.screenshot({ path: `${SCREENSHOTS}/todo-long-title-phone.png`, fullPage: true });

  // On a phone the 使用说明 is under the name, the secretary's part first.
  await page.getByTestId('current-user').click();
  await page.getByTestId('menu-help').click();
  await expect(page.locator('[data-testid^="help-section-title-"]').first()).toHaveAttribute(
    'data-testid',
    'help-section-title-secretary',
  );
  await expect(page.getByTestId('help-section-secretary')).toContainText('拍照上传');
});
