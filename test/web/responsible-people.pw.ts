import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, logIn, SCREENSHOTS } from './login';

const ITEM_TITLE = '落实党内政治生活制度有差距';
const BRANCH = '青石村第一党支部';

interface TreeNode {
  id: string;
  name: string;
  children: TreeNode[];
}
const find = (nodes: TreeNode[], name: string): TreeNode | undefined =>
  nodes.map((n) => (n.name === name ? n : find(n.children, name))).find(Boolean);

test('a secretary picks a person of the branch as a measure’s 责任人, and the person’s id is stored', async ({
  page,
}) => {
  // A person of the branch besides its secretary, with a name of our own.
  const tag = randomUUID().slice(0, 6);
  const name = `张明${tag}`;
  const api = page.request;
  const login = await api.post('/api/auth/login', { data: { username: 'admin', password: DEMO_PASSWORD } });
  const headers = { Authorization: `Bearer ${(await login.json()).accessToken}` };
  const branch = find(await (await api.get('/api/organisations', { headers })).json(), BRANCH)!;
  const created = await api.post('/api/users', {
    headers,
    data: {
      username: `zhangming-${tag}`,
      displayName: name,
      positions: [{ kind: 'secretary' }],
      organisationId: branch.id,
      password: 'Zhangming-pass-2025',
    },
  });
  expect(created.status()).toBe(201);
  const personId = (await created.json()).id as string;

  // On a phone: the form and its list must fit the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await logIn(page, 'diyi.shuji');
  await page.getByTestId('item-link').filter({ hasText: ITEM_TITLE }).first().click();
  await page.waitForURL(/\/items\/[0-9a-f-]{36}$/);
  const itemId = page.url().split('/').pop()!;

  await page.getByTestId('action-SET_MEASURES').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).not.toHaveClass(/ant-zoom-appear/);
  const row = page.getByTestId('measure-row').first();
  await row.getByTestId('measure-title').fill('每季度召开一次专题组织生活会');
  const responsible = row.getByTestId('measure-responsible');
  await responsible.fill('');
  await responsible.pressSequentially('张明');
  const option = page.getByTestId('responsible-option').filter({ hasText: name });
  await expect(option).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/responsible-picker-phone.png` });
  // The list re-renders while the search settles: a click can land on an option being replaced.
  await expect(async () => {
    if ((await responsible.inputValue()) !== name) await option.click({ timeout: 2_000 });
    await expect(responsible).toHaveValue(name, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await page.getByTestId('modal-submit').click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(page.getByText('每季度召开一次专题组织生活会').first()).toBeVisible();
  await expect(page.getByText(name).first()).toBeVisible();

  const secretary = await api.post('/api/auth/login', {
    data: { username: 'diyi.shuji', password: DEMO_PASSWORD },
  });
  const item = await (
    await api.get(`/api/items/${itemId}`, {
      headers: { Authorization: `Bearer ${(await secretary.json()).accessToken}` },
    })
  ).json();
  expect(item.measures[0]).toMatchObject({ responsible: name, responsibleUserId: personId });

  // Typing a name by hand afterwards drops the pick: free text for someone without an account.
  await page.getByTestId('action-SET_MEASURES').click();
  await expect(dialog).not.toHaveClass(/ant-zoom-appear/);
  await expect(row.getByTestId('measure-responsible')).toHaveValue(name);
  await row.getByTestId('measure-responsible').fill('老支书');
  await page.getByTestId('modal-submit').click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  const after = await (
    await api.get(`/api/items/${itemId}`, {
      headers: { Authorization: `Bearer ${(await secretary.json()).accessToken}` },
    })
  ).json();
  expect(after.measures[0]).toMatchObject({ responsible: '老支书', responsibleUserId: null });
});
