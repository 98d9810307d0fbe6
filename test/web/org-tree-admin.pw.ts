import { randomUUID } from 'node:crypto';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD, logIn, SCREENSHOTS } from './login';
import { pickOption } from './pick-option';
import { cancelModal } from './cancel-modal';

interface Node {
  id: string;
  name: string;
  disabled: boolean;
  children: Node[];
}

const find = (nodes: Node[], name: string): Node | undefined =>
  nodes.map((n) => (n.name === name ? n : find(n.children, name))).find(Boolean);

/** Opens the 操作 menu of the organisation named `name` and picks `action`. */
async function act(page: Page, name: string, action: string): Promise<Locator> {
  await page.getByTestId(`org-node-${name}`).getByTestId('org-actions').click();
  await page.getByTestId(`org-action-${action}`).filter({ visible: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  // Typing and clicking while the dialog still zooms in can miss on a loaded machine.
  await expect(dialog).not.toHaveClass(/ant-zoom-appear/);
  return dialog;
}

/** Picks the new parent named `name` in the move dialog (searched first: the list scrolls virtually). */
async function choose(page: Page, dialog: Locator, name: string): Promise<void> {
  await dialog.getByTestId('org-move-parent').click();
  await page.keyboard.type(name);
  await page.locator('.ant-select-tree-title').filter({ hasText: name }).click();
  await expect(dialog.getByTestId('org-move-parent')).toContainText(name);
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}

test('an administrator adds, renames and moves organisations, reads the refusal of a cycle, and disables an empty branch', async ({
  page,
}) => {
  const tag = randomUUID().slice(0, 6);
  const GENERAL = `试点村党总支-${tag}`;
  const BRANCH = `试点村党支部-${tag}`;
  const RENAMED = `试点村第一党支部-${tag}`;
  const SECOND = `试点村第二党支部-${tag}`;
  const api = page.request;
  const login = await api.post('/api/auth/login', { data: { username: 'admin', password: DEMO_PASSWORD } });
  const headers = { Authorization: `Bearer ${(await login.json()).accessToken}` };
  const tree = async (): Promise<Node[]> => (await api.get('/api/organisations', { headers })).json();
  // A branch of our own that someone else moves while the administrator is choosing.
  const THIRD = `试点村第三党支部-${tag}`;
  const town = find(await tree(), '青石镇党委') as Node;
  const third = await api.post('/api/organisations', { headers, data: { name: THIRD, parentId: town.id } });
  expect(third.status()).toBe(201);

  await logIn(page, 'admin');
  await page.getByTestId('nav-organisations').click();
  await expect(page.getByTestId('organisations-page')).toBeVisible();
  await expect(page.getByTestId('org-node-青石镇党委')).toContainText('党委');

  // A 党总支 below the town (the kind chosen), a 党支部 below it and a second below the town (the
  // kind judged from the name).
  let dialog = await act(page, '青石镇党委', 'add');
  await dialog.getByTestId('org-name').fill(GENERAL);
  await pickOption(page, dialog.getByTestId('org-kind'), '党总支');
  await page.getByTestId('modal-submit').click();
  await expect(page.getByText(`已在"青石镇党委"下新增"${GENERAL}"。`)).toBeVisible();
  dialog = await act(page, GENERAL, 'add');
  await dialog.getByTestId('org-name').fill(BRANCH);
  await page.getByTestId('modal-submit').click();
  await expect(page.getByTestId(`org-node-${BRANCH}`)).toContainText('党支部');
  dialog = await act(page, '青石镇党委', 'add');
  await dialog.getByTestId('org-name').fill(SECOND);
  await page.getByTestId('modal-submit').click();
  await expect(page.getByTestId(`org-node-${SECOND}`)).toContainText('党支部');
  await expect(page.getByTestId(`org-node-${SECOND}`)).not.toContainText('党总支');

  // Rename: a taken name is refused in the dialog, a free one is saved.
  dialog = await act(page, BRANCH, 'rename');
  await dialog.getByTestId('org-name').fill('白沙社区党支部');
  await page.getByTestId('modal-submit').click();
  await expect(dialog.getByTestId('org-modal-error')).toContainText('组织名称"白沙社区党支部"已被使用');
  await dialog.getByTestId('org-name').fill(RENAMED);
  await page.getByTestId('modal-submit').click();
  await expect(page.getByTestId(`org-node-${RENAMED}`)).toBeVisible();
  await expect(page.getByTestId(`org-node-${BRANCH}`)).toHaveCount(0);

  // Move the second 党支部 under the new 党总支.
  dialog = await act(page, SECOND, 'move');
  await choose(page, dialog, GENERAL);
  await page.getByTestId('modal-submit').click();
  await expect(page.getByText(`已移动"${SECOND}"（连同其下级组织）。`)).toBeVisible();
  expect(find(find(await tree(), GENERAL)?.children ?? [], SECOND)).toBeDefined();
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.screenshot({ path: `${SCREENSHOTS}/org-tree-admin-1366.png`, fullPage: true });

  // The 党总支 cannot be moved under its own branches: they are not offered …
  dialog = await act(page, GENERAL, 'move');
  await dialog.getByTestId('org-move-parent').click();
  await expect(page.locator('.ant-select-tree-title').filter({ hasText: '白沙社区党支部' })).toBeVisible();
  await expect(page.locator('.ant-select-tree-title').filter({ hasText: RENAMED })).toHaveCount(0);
  await expect(page.locator('.ant-select-tree-title').filter({ hasText: GENERAL })).toHaveCount(0);
  // … and when the tree changed meanwhile (the third branch was moved below it by someone else),
  // the server refuses, and the dialog says why.
  await page.keyboard.press('Escape');
  await choose(page, dialog, THIRD);
  const general = find(await tree(), GENERAL) as Node;
  const meanwhile = await api.post(`/api/organisations/${(await third.json()).id}/move`, {
    headers,
    data: { parentId: general.id },
  });
  expect(meanwhile.status()).toBe(200);
  await page.getByTestId('modal-submit').click();
  await expect(dialog.getByTestId('org-modal-error')).toContainText('不能把组织移到它自己或其下级组织之下。');
  await page.screenshot({ path: `${SCREENSHOTS}/org-tree-admin-cycle.png` });
  await cancelModal(page);
  expect(
    find(await tree(), GENERAL)
      ?.children.map((c) => c.name)
      .sort(),
  ).toEqual([RENAMED, SECOND, THIRD].sort());

  // The 党总支 cannot be disabled while its branches are active; the empty branch can.
  dialog = await act(page, GENERAL, 'deactivate');
  await page.getByTestId('modal-submit').click();
  await expect(dialog.getByTestId('org-modal-error')).toContainText('在用的下级组织');
  await cancelModal(page);
  await act(page, RENAMED, 'deactivate');
  await page.getByTestId('modal-submit').click();
  await expect(page.getByText(`已停用"${RENAMED}"。`)).toBeVisible();
  await expect(page.getByTestId(`org-node-${RENAMED}`).getByTestId('org-disabled-tag')).toHaveText('已停用');
  expect(find(await tree(), RENAMED)?.disabled).toBe(true);

  // On a phone the tree fits the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  expect(
    await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth'),
  ).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SCREENSHOTS}/org-tree-admin-390.png`, fullPage: true });
});
