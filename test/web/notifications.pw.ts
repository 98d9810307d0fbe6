import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { sql } from './test-database';
import { logIn, SCREENSHOTS } from './login';

test('the bell counts a branch secretary’s unread messages; the 消息中心 lists them and marks them read', async ({
  page,
}) => {
  const tag = randomUUID().slice(0, 6);
  const [{ user_id, item_id, title }] = await sql<{ user_id: string; item_id: string; title: string }>(
    `SELECT u.id AS user_id, i.id AS item_id, i.title FROM app_user u
       JOIN rectification_item i ON i.organisation_id = u.organisation_id
      WHERE u.username = 'diyi.shuji' ORDER BY i.seq LIMIT 1`,
  );
  const deliver = (kind: string, headline: string, detail: string) =>
    sql(
      `INSERT INTO notification (dedupe_key, kind, channel, item_id, recipient_id, headline, detail, status, sent_at)
       VALUES ($1, $2, 'in_app', $3, $4, $5, $6, 'sent', now())`,
      [`browser:${tag}:${kind}`, kind, item_id, user_id, headline, detail],
    );
  await deliver(
    'returned',
    `第一村党支部「${title}」被退回整改`,
    '镇书记 原因：佐证材料不全，请补充会议记录',
  );
  await deliver('signed_off', `第一村党支部「${title}」已审核销号`, '镇书记 意见：同意');
  await deliver('supervision_comment', `第一村党支部「${title}」上级提出督办意见`, '镇书记：请本月底前完成');

  await logIn(page, 'diyi.shuji');
  const bell = page.getByTestId('notification-badge');
  await expect(bell).toContainText('3');
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.getByTestId('notification-bell').click();
  await expect(page.getByTestId('notifications-page')).toBeVisible();
  const entries = page.getByTestId('notification-entry');
  await expect(entries).toHaveCount(3);
  // Newest first, unread in bold with its kind.
  await expect(entries.first()).toContainText('上级督办意见');
  await expect(entries.first()).toHaveAttribute('data-unread', 'true');
  await expect(entries.nth(2)).toContainText('原因：佐证材料不全');
  await page.screenshot({ path: `${SCREENSHOTS}/notifications-1366.png`, fullPage: true });

  // Opening one marks it read and goes to its item.
  await entries.nth(2).click();
  await page.waitForURL(`**/items/${item_id}`);
  await expect(bell).toContainText('2');
  await page.goBack();
  await expect(page.getByTestId('notification-entry').nth(2)).toHaveAttribute('data-unread', 'false');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENSHOTS}/notifications-390.png`, fullPage: true });
  await page.getByTestId('mark-all-read').click();
  await expect(page.getByTestId('notification-entry').first()).toHaveAttribute('data-unread', 'false');
  await expect(bell).not.toContainText(/\d/);
  await page.getByTestId('notifications-filter').getByText('未读').click();
  await expect(page.getByTestId('notifications-empty')).toContainText('没有未读消息');
});

test('an administrator sets up a group robot: the webhook comes back masked and the secret only as 已设置', async ({
  page,
}) => {
  await logIn(page, 'admin');
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.getByTestId('nav-organisations').click();
  await page.getByTestId('org-node-青石镇党委').getByTestId('org-actions').first().click();
  await page.getByTestId('org-action-robots').filter({ visible: true }).click();
  const drawer = page.getByTestId('robots-drawer');
  await expect(drawer.getByTestId('robot-card-wecom')).toContainText('未设置');

  // A pasted address of the wrong platform is refused with what to do.
  const dingtalk = drawer.getByTestId('robot-card-dingtalk');
  await dingtalk
    .getByTestId('robot-webhook-input-dingtalk')
    .fill('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7aaa-4bc4-97a0-0ec2sifa5aaa');
  await dingtalk.getByTestId('robot-save-dingtalk').click();
  await expect(dingtalk).toContainText('这不是钉钉机器人的地址');

  await dingtalk
    .getByTestId('robot-webhook-input-dingtalk')
    .fill('https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef0123456789abcdef');
  await dingtalk.getByTestId('robot-secret-input-dingtalk').fill('SEC0123456789abcdef0123456789abcdef');
  await dingtalk.getByTestId('robot-save-dingtalk').click();
  await expect(dingtalk.getByTestId('robot-secret-set-dingtalk')).toHaveText('已设置');
  await expect(dingtalk).toContainText(
    '当前：https://oapi.dingtalk.com/robot/send?access_token=0123****cdef',
  );
  await expect(dingtalk).toContainText('已启用');
  await expect(dingtalk.getByTestId('robot-secret-input-dingtalk')).toHaveValue('');
  await expect(drawer).not.toContainText('0123456789abcdef0123456789abcdef');
  await page.screenshot({ path: `${SCREENSHOTS}/robots-1366.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(drawer.getByTestId('robot-secret-set-dingtalk')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/robots-390.png` });
});
