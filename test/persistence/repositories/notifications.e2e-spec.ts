import { randomUUID } from 'node:crypto';
import { DEFAULT_NOTIFICATION_PREFERENCES } from '@rectify/domain';
import {
  type Database,
  PgNotificationInboxRepository,
  PgNotificationPreferencesRepository,
  PgOrganisationRobotsRepository,
  type RobotSettings,
} from '@rectify/persistence';
import {
  REMINDER_BACKENDS,
  type ReminderWorld,
  seedReminderWorld,
} from '../../support/reminder-repository-fixture';

// The notification centre's, the preferences' and the group robots' SQL on PostgreSQL and on
// PGlite (what `npm start` runs on). Notification rows are inserted as the fan-out would.
describe.each(REMINDER_BACKENDS)('notification repositories on %s', (_name, open) => {
  let db: Database;
  let close: () => Promise<void>;
  let world: ReminderWorld;
  const q = (sql: string, params: unknown[] = []) => db.dataSource.query(sql, params);
  beforeAll(async () => {
    ({ db, close } = await open());
    world = await seedReminderWorld(db);
  });
  afterAll(() => close());

  async function inApp(recipientId: string, headline: string): Promise<string> {
    const [row] = await q(
      `INSERT INTO notification (dedupe_key, kind, channel, item_id, recipient_id, headline, detail, status)
       VALUES ($1, 'returned', 'in_app', $2, $3, $4, '原因：材料不全', 'sent') RETURNING id::text AS id`,
      [randomUUID(), world.items.owned, recipientId, headline],
    );
    return row.id;
  }

  it('lists a person’s messages newest first by keyset, counts and marks only theirs', async () => {
    const inbox = new PgNotificationInboxRepository(db.dataSource);
    const me = world.people.sec.userId;
    const other = world.people.otherSec.userId;
    const ids = [
      await inApp(me, '一'),
      await inApp(other, '别人的'),
      await inApp(me, '二'),
      await inApp(me, '三'),
    ];
    const page = (before: string | null, unreadOnly = false) =>
      inbox.list({ recipientId: me, unreadOnly, before, limit: 2 });
    expect((await page(null)).map((e) => e.headline)).toEqual(['三', '二']);
    expect((await page(ids[2])).map((e) => e.headline)).toEqual(['一']);
    expect((await page(null))[0]).toEqual({
      id: ids[3],
      kind: 'returned',
      headline: '三',
      detail: '原因：材料不全',
      itemId: world.items.owned,
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      readAt: null,
    });
    expect(await inbox.unreadCount(me)).toBe(3);

    expect(await inbox.markRead(me, { ids: [ids[0], ids[1]] })).toBe(1);
    expect(await inbox.markRead(me, { ids: [ids[0]] })).toBe(0);
    expect(await inbox.markRead(me, { ids: [] })).toBe(0);
    expect((await page(null, true)).map((e) => e.headline)).toEqual(['三', '二']);
    expect(await inbox.unreadCount(other)).toBe(1);
    expect(await inbox.markRead(me, 'all')).toBe(2);
    expect(await inbox.unreadCount(me)).toBe(0);
    expect(await inbox.unreadCount(other)).toBe(1);
  });

  it('orders by the number, not its text, once ids pass 9 and 99', async () => {
    const inbox = new PgNotificationInboxRepository(db.dataSource);
    const me = world.people.parentSup.userId;
    await q(`SELECT setval(pg_get_serial_sequence('notification', 'id'), 97)`);
    const ids = [await inApp(me, '九十八'), await inApp(me, '九十九'), await inApp(me, '一百')];
    expect(
      (await inbox.list({ recipientId: me, unreadOnly: false, before: null, limit: 3 })).map((e) => e.id),
    ).toEqual([...ids].reverse());
  });

  it('reads the defaults until a person saves, then their choice, replaced on the next save', async () => {
    const preferences = new PgNotificationPreferencesRepository(db.dataSource);
    const me = world.people.parentSup.userId;
    expect(await preferences.read(me)).toEqual(DEFAULT_NOTIFICATION_PREFERENCES);
    expect(
      await preferences.save(me, { emailMode: 'digest', emailKinds: ['signed_off', 'submitted'] }),
    ).toEqual({
      emailMode: 'digest',
      emailKinds: ['submitted', 'signed_off'],
    });
    await preferences.save(me, { emailMode: 'off', emailKinds: [] });
    expect(await preferences.read(me)).toEqual({ emailMode: 'off', emailKinds: [] });
  });

  it('saves a robot per organisation and platform, counts its last 30 days, lists its deliveries and deletes only an unused one', async () => {
    const robots = new PgOrganisationRobotsRepository(db.dataSource);
    const org = world.orgs.branch.id;
    const settings: RobotSettings = {
      webhookUrl: 'https://open.feishu.cn/open-apis/bot/v2/hook/0123456789abcdef',
      secret: 'sig-secret',
      kinds: ['overdue', 'submitted'],
      quietHours: { from: '22:00', until: '07:00' },
      enabled: true,
    };
    const feishu = await robots.save(org, 'feishu', settings, world.people.grandSup.userId);
    await robots.save(org, 'wecom', { ...settings, secret: null, quietHours: null }, null);
    expect(feishu).toMatchObject({ ...settings, organisationId: org, platform: 'feishu', failedAt: null });

    await q(`UPDATE organisation_robot SET failed_at = now(), last_error = '令牌无效' WHERE id = $1`, [
      feishu.id,
    ]);
    const robotRow = (status: string, error: string | null, age = '0 days') =>
      q(
        `INSERT INTO notification (dedupe_key, kind, channel, item_id, robot_id, headline, detail, status, error, created_at)
         VALUES ($1, 'overdue', 'robot', $2, $3, $4, '', $5, $6, now() - $7::interval)`,
        [randomUUID(), world.items.owned, feishu.id, `推送（${status}）`, status, error, age],
      );
    await robotRow('sent', null);
    await robotRow('failed', '令牌无效');
    await robotRow('failed', '很久以前', '40 days');

    const listed = await robots.list(org);
    expect(listed.map((r) => r.platform)).toEqual(['wecom', 'feishu']);
    expect(listed[1]).toMatchObject({
      lastError: '令牌无效',
      failedAt: expect.any(String),
      recentDeliveries: { pending: 0, sending: 0, sent: 1, failed: 1, skipped: 0 },
    });
    expect(listed[0].recentDeliveries).toEqual({ pending: 0, sending: 0, sent: 0, failed: 0, skipped: 0 });
    expect(await robots.list(world.orgs.otherBranch.id)).toEqual([]);

    const failed = await robots.deliveries(org, { status: 'failed', limit: 10 });
    expect(failed.map((d) => [d.platform, d.error])).toEqual([
      ['feishu', '很久以前'],
      ['feishu', '令牌无效'],
    ]);
    expect(await robots.deliveries(org, { status: null, limit: 2 })).toHaveLength(2);
    expect(await robots.deliveries(world.orgs.otherBranch.id, { status: null, limit: 10 })).toEqual([]);

    // Saving again replaces the settings and clears the recorded failure.
    const saved = await robots.save(org, 'feishu', { ...settings, enabled: false }, null);
    expect(saved).toMatchObject({ id: feishu.id, enabled: false, failedAt: null, lastError: null });

    expect(await robots.remove(org, 'feishu')).toBe('has_deliveries');
    expect(await robots.remove(org, 'wecom')).toBe('removed');
    expect(await robots.remove(org, 'wecom')).toBe('not_found');
    expect(await robots.find(org, 'wecom')).toBeNull();
    expect(await robots.find(org, 'feishu')).toMatchObject({ platform: 'feishu' });
  });
});
