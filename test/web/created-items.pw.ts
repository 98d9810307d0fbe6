import { expect, test } from '@playwright/test';
import { logIn, SCREENSHOTS } from './login';
import { pickOrganisation } from './pick-option';

const PROBLEMS = ['村务公开栏更新不及时', '党员积分管理流于形式', '主题党日活动内容单一'];

test('a supervisor creates three 上级点评 items from a pasted list, sees them in the list and corrects one', async ({
  page,
}) => {
  await logIn(page, 'zhen.shuji');
  await page.goto('/items');
  await page.getByTestId('create-items').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('新建整改事项');
  // Typing and clicking while the dialog still zooms in can miss on a loaded machine.
  await expect(dialog).not.toHaveClass(/ant-zoom-appear/);

  await pickOrganisation(page, page.getByTestId('field-organisation'), '白沙社区党支部');
  await expect(page.getByTestId('field-source')).toContainText('上级点评');
  await page.getByTestId('field-reason').fill('年度述职评议会议点评');
  await page.getByTestId('field-list').fill(`1. ${PROBLEMS[0]}\n\n2、${PROBLEMS[1]}\n（三）${PROBLEMS[2]}\n`);
  await expect(page.getByTestId('create-items-count')).toContainText('将新建 3 个整改事项');
  await page.screenshot({ path: `${SCREENSHOTS}/create-items.png` });
  await page.getByTestId('modal-submit').click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(page.getByText('已新建 3 个整改事项')).toBeVisible();

  // Newest first: the three stand at the top of the list, numbering stripped.
  const links = page.getByTestId('item-link');
  for (const title of PROBLEMS) await expect(links.filter({ hasText: title })).toHaveCount(1);
  await page.screenshot({ path: `${SCREENSHOTS}/created-items-list.png`, fullPage: true });

  await links.filter({ hasText: PROBLEMS[1] }).click();
  await page.waitForURL(/\/items\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('item-title')).toHaveText(PROBLEMS[1]);
  await expect(page.getByTestId('item-facts')).toContainText('上级点评');
  const created = page.locator('[data-testid="timeline-entry"][data-event="CREATE"]');
  await expect(created).toContainText('新建整改事项');
  await expect(created).toContainText('年度述职评议会议点评');

  // The creator corrects the title; the history keeps the old one.
  await page.getByTestId('edit-details').click();
  const editor = page.getByRole('dialog');
  await expect(editor).not.toHaveClass(/ant-zoom-appear/);
  await page.getByTestId('field-title').fill('党员积分管理不够严格');
  await page.getByTestId('modal-submit').click();
  await expect(editor).toBeHidden({ timeout: 30_000 });
  await expect(page.getByTestId('item-title')).toHaveText('党员积分管理不够严格');
  await expect(page.locator('[data-testid="timeline-entry"][data-event="UPDATE_DETAILS"]')).toContainText(
    `${PROBLEMS[1]} → 党员积分管理不够严格`,
  );
});
