import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { addOrganisation, addUser, type TestRole } from '../support/admin-fixtures';
import { type AuthTestApp, bearer, PASSWORD, startAuthTestApp } from '../support/auth-test-app';
import { importProblems, seedReminderTree } from '../support/reminder-fixture';
import { createTestDatabase } from '../support/test-database';

// An organisation's group robots (群机器人) through the API on the real PostgreSQL: only its
// administrators (there or above) see and set them; the secret never comes back and the webhook
// only masked; a wrong webhook is refused in Chinese with a stable code.
jest.setTimeout(90_000);

const WECOM_KEY = '693a91f6-7aaa-4bc4-97a0-0ec2sifa5aaa';
const WECOM = `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${WECOM_KEY}`;
const DINGTALK_TOKEN = '0123456789abcdef0123456789abcdef';
const DINGTALK = `https://oapi.dingtalk.com/robot/send?access_token=${DINGTALK_TOKEN}`;
const SECRET = 'SEC0123456789abcdef0123456789abcdef';

describe('group robot settings', () => {
  let database: { url: string; drop: () => Promise<void> };
  let t: AuthTestApp;
  let itemId: string;
  const orgs = {} as Record<'town' | 'village' | 'otherVillage', { id: string; name: string }>;
  const tokens = {} as Record<
    'townAdmin' | 'villageAdmin' | 'otherAdmin' | 'supervisor' | 'secretary',
    string
  >;

  beforeAll(async () => {
    database = await createTestDatabase();
    t = await startAuthTestApp({ DATABASE_URL: database.url, ROBOT_WEBHOOK_HOSTS: '127.0.0.1:9' });
    const tag = randomUUID().slice(0, 8);
    orgs.town = await addOrganisation(t.db, { name: `镇党委-${tag}` });
    orgs.village = await addOrganisation(t.db, { name: `甲村党支部-${tag}`, parentName: orgs.town.name });
    orgs.otherVillage = await addOrganisation(t.db, {
      name: `乙村党支部-${tag}`,
      parentName: orgs.town.name,
    });
    const person = async (organisationName: string, role: TestRole) => {
      const username = `${role}-${randomUUID().slice(0, 8)}`;
      await addUser(t.db, { username, organisationName, role, password: PASSWORD });
      return t.token(username);
    };
    tokens.townAdmin = await person(orgs.town.name, 'admin');
    tokens.villageAdmin = await person(orgs.village.name, 'admin');
    tokens.otherAdmin = await person(orgs.otherVillage.name, 'admin');
    tokens.supervisor = await person(orgs.town.name, 'supervisor');
    tokens.secretary = await person(orgs.village.name, 'secretary');
    const tree = await seedReminderTree(t.db);
    [itemId] = await importProblems(t.db, tree, 1);
  });
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  const robots = (token: string, orgId = orgs.village.id) =>
    request(t.http).get(`/api/organisations/${orgId}/robots`).set(bearer(token));
  const put = (token: string, platform: string, body: object, orgId = orgs.village.id) =>
    request(t.http).put(`/api/organisations/${orgId}/robots/${platform}`).set(bearer(token)).send(body);
  const del = (token: string, platform: string, orgId = orgs.village.id) =>
    request(t.http).delete(`/api/organisations/${orgId}/robots/${platform}`).set(bearer(token));

  it('saves a robot and shows it again masked, the secret only as set, never in any answer', async () => {
    const saved = await put(tokens.villageAdmin, 'dingtalk', { webhookUrl: DINGTALK, secret: SECRET }).expect(
      200,
    );
    expect(saved.body).toEqual({
      platform: 'dingtalk',
      platformLabel: '钉钉',
      webhook: 'https://oapi.dingtalk.com/robot/send?access_token=0123****cdef',
      secretSet: true,
      kinds: expect.arrayContaining(['submitted', 'overdue']),
      quietHours: { from: '22:00', until: '07:00' },
      enabled: true,
      lastSentAt: null,
      failedAt: null,
      lastError: null,
      recentDeliveries: { pending: 0, sending: 0, sent: 0, failed: 0, skipped: 0 },
    });
    const listed = await robots(tokens.townAdmin).expect(200);
    expect(listed.body).toEqual([saved.body]);
    for (const answer of [saved.text, listed.text]) {
      expect(answer).not.toContain(SECRET);
      expect(answer).not.toContain(DINGTALK_TOKEN);
    }
    const [stored]: { secret: string; webhook_url: string }[] = await t.db.query(
      `SELECT secret, webhook_url FROM organisation_robot WHERE organisation_id = $1 AND platform = 'dingtalk'`,
      [orgs.village.id],
    );
    expect(stored).toEqual({ secret: SECRET, webhook_url: DINGTALK });

    // Omitted fields are kept; an empty secret clears it; quiet hours can be switched off.
    const changed = await put(tokens.townAdmin, 'dingtalk', {
      kinds: ['overdue', 'escalated'],
      quietHours: null,
      enabled: false,
    }).expect(200);
    expect(changed.body).toMatchObject({
      secretSet: true,
      kinds: ['overdue', 'escalated'],
      quietHours: null,
      enabled: false,
    });
    expect((await put(tokens.villageAdmin, 'dingtalk', { secret: '' }).expect(200)).body.secretSet).toBe(
      false,
    );
  });

  it('refuses a wrong webhook in Chinese with ROBOT_WEBHOOK_INVALID, and a new robot without one', async () => {
    const wrongHost = await put(tokens.villageAdmin, 'wecom', {
      webhookUrl: 'https://example.com/cgi-bin/webhook/send?key=abcdefgh12',
    }).expect(400);
    expect(wrongHost.body).toEqual({
      code: 'ROBOT_WEBHOOK_INVALID',
      message: expect.stringContaining('这不是企业微信机器人的地址（主机应为 qyapi.weixin.qq.com）'),
      details: { platform: 'wecom' },
    });
    const signed = await put(tokens.villageAdmin, 'dingtalk', {
      webhookUrl: `${DINGTALK}&timestamp=1&sign=abc`,
    }).expect(400);
    expect(signed.body.code).toBe('ROBOT_WEBHOOK_INVALID');
    expect(signed.body.message).toContain('不应包含 timestamp 或 sign 参数');
    expect((await put(tokens.villageAdmin, 'feishu', { enabled: true }).expect(400)).body).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: '请填写飞书机器人的 Webhook 地址。',
    });
    expect((await put(tokens.villageAdmin, 'telegram', { webhookUrl: WECOM }).expect(400)).body.code).toBe(
      'INVALID_ARGUMENT',
    );
    const badFields = await put(tokens.villageAdmin, 'wecom', {
      webhookUrl: WECOM,
      quietHours: { from: '7点', until: '07:00' },
      kinds: ['nonsense'],
    }).expect(400);
    expect(badFields.body.code).toBe('VALIDATION_FAILED');
    expect(badFields.body.message).toContain('必须是 HH:MM 格式的时间');
    // A stand-in host named in ROBOT_WEBHOOK_HOSTS is accepted, over http too.
    await put(tokens.villageAdmin, 'wecom', {
      webhookUrl: 'http://127.0.0.1:9/cgi-bin/webhook/send?key=abcdefgh12',
    }).expect(200);
  });

  it('lets only administrators of the organisation or above read and write; others 403 or 404', async () => {
    for (const token of [tokens.supervisor, tokens.secretary]) {
      expect((await robots(token).expect(403)).body.code).toBe('ADMIN_ONLY');
      expect((await put(token, 'wecom', { webhookUrl: WECOM }).expect(403)).body.code).toBe('ADMIN_ONLY');
      expect((await del(token, 'wecom').expect(403)).body.code).toBe('ADMIN_ONLY');
    }
    // An administrator of another village, or of the village asking about the town, finds nothing.
    expect((await robots(tokens.otherAdmin).expect(404)).body.code).toBe('ORGANISATION_NOT_FOUND');
    expect((await put(tokens.otherAdmin, 'wecom', { webhookUrl: WECOM }).expect(404)).body.code).toBe(
      'ORGANISATION_NOT_FOUND',
    );
    expect((await robots(tokens.villageAdmin, orgs.town.id).expect(404)).body.code).toBe(
      'ORGANISATION_NOT_FOUND',
    );
    expect((await robots(tokens.townAdmin, 'not-a-uuid').expect(404)).body.code).toBe(
      'ORGANISATION_NOT_FOUND',
    );
  });

  it('deletes a robot that never sent; one with deliveries must be disabled; failures are listed with their reasons', async () => {
    const org = orgs.otherVillage.id;
    await put(
      tokens.otherAdmin,
      'feishu',
      {
        webhookUrl: 'https://open.feishu.cn/open-apis/bot/v2/hook/0123456789abcdef',
      },
      org,
    ).expect(200);
    expect((await del(tokens.otherAdmin, 'feishu', org).expect(200)).body).toEqual({
      organisationId: org,
      platform: 'feishu',
    });
    expect((await del(tokens.otherAdmin, 'feishu', org).expect(404)).body.code).toBe('ROBOT_NOT_FOUND');

    await put(tokens.otherAdmin, 'wecom', { webhookUrl: WECOM }, org).expect(200);
    const [robot]: { id: string }[] = await t.db.query(
      `SELECT id FROM organisation_robot WHERE organisation_id = $1 AND platform = 'wecom'`,
      [org],
    );
    const reason =
      '企业微信机器人的 Webhook 已失效：请在群机器人设置中重新复制 Webhook 地址。（errcode 93000）';
    const insert = (status: string, error: string | null) =>
      t.db.query(
        `INSERT INTO notification (dedupe_key, kind, channel, item_id, robot_id, headline, detail, status, error)
         VALUES ($1, 'overdue', 'robot', $2, $3, $4, '', $5, $6)`,
        [`test:${randomUUID()}`, itemId, robot.id, `乙村「事项」已逾期（${status}）`, status, error],
      );
    await insert('sent', null);
    await insert('failed', reason);
    await t.db.query(`UPDATE organisation_robot SET failed_at = now(), last_error = $2 WHERE id = $1`, [
      robot.id,
      reason,
    ]);

    const [listed] = (await robots(tokens.otherAdmin, org).expect(200)).body;
    expect(listed).toMatchObject({
      lastError: reason,
      failedAt: expect.any(String),
      recentDeliveries: { pending: 0, sending: 0, sent: 1, failed: 1, skipped: 0 },
    });
    const failed = await request(t.http)
      .get(`/api/organisations/${org}/robots/deliveries`)
      .query({ status: 'failed' })
      .set(bearer(tokens.otherAdmin))
      .expect(200);
    expect(failed.body).toEqual([
      {
        id: expect.any(String),
        platform: 'wecom',
        kind: 'overdue',
        itemId,
        headline: '乙村「事项」已逾期（failed）',
        status: 'failed',
        error: reason,
        attempts: 0,
        createdAt: expect.any(String),
        sentAt: null,
      },
    ]);
    expect(
      (
        await request(t.http)
          .get(`/api/organisations/${org}/robots/deliveries`)
          .set(bearer(tokens.villageAdmin))
          .expect(404)
      ).body.code,
    ).toBe('ORGANISATION_NOT_FOUND');

    const refused = await del(tokens.otherAdmin, 'wecom', org).expect(409);
    expect(refused.body).toMatchObject({
      code: 'ROBOT_HAS_DELIVERIES',
      message: '企业微信机器人已有推送记录，不能删除：如不再使用，请停用该机器人（推送记录将保留）。',
    });
    // Saving again means the administrator fixed it: the failure is cleared.
    const fixed = await put(tokens.otherAdmin, 'wecom', { webhookUrl: WECOM }, org).expect(200);
    expect(fixed.body).toMatchObject({ failedAt: null, lastError: null });
  });
});
