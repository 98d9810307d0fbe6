import { randomUUID } from 'node:crypto';
import { DEFAULT_NOTIFICATION_PREFERENCES } from '@rectify/domain';
import {
  type Database,
  PgNotificationInboxRepository,
  PgNotificationLedgerRepository,
  PgNotificationPreferencesRepository,
  PgOrganisationRobotsRepository,
  PgReminderLedgerRepository,
  PgRobotTierBacklogRepository,
  type RobotSettings,
} from '@rectify/persistence';
import {
  REMINDER_BACKENDS,
  type ReminderWorld,
  seedReminderWorld,
} from '../../support/reminder-repository-fixture';
import { TierInbox1732850000000 } from '../../../libs/persistence/src/migrations/1732850000000-tier-inbox';

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

  it('records rows as given, whatever their text holds, each dedupe key once', async () => {
    const ledger = new PgNotificationLedgerRepository(db.dataSource);
    const me = world.people.sec.userId;
    const key = randomUUID();
    // Characters an array literal or JSON would have to escape, and words that mean NULL there.
    const headline = '「整改」"引号" \\反斜杠 {花,括号} NULL';
    const sendAfter = new Date('2026-12-01T01:02:03.456Z');
    const row = (dedupeKey: string, detail: string) => ({
      dedupeKey,
      kind: 'returned' as const,
      channel: 'in_app' as const,
      itemId: world.items.owned,
      historyId: null,
      recipientId: me,
      robotId: null,
      headline,
      detail,
      status: 'sent' as const,
      sendAfter,
    });
    expect(await ledger.record([row(key, 'null'), row(`${key}.2`, '')])).toBe(2);
    expect(await ledger.record([row(key, '又一次'), row(`${key}.3`, '第三条')])).toBe(1);
    const stored = await q(
      `SELECT dedupe_key, headline, detail, history_id, robot_id, send_after, sent_at FROM notification
        WHERE dedupe_key LIKE $1 ORDER BY dedupe_key`,
      [`${key}%`],
    );
    expect(stored.map((r: { detail: string }) => r.detail)).toEqual(['null', '', '第三条']);
    for (const r of stored) {
      expect(r).toMatchObject({ headline, history_id: null, robot_id: null });
      expect(new Date(r.send_after)).toEqual(sendAfter);
      expect(new Date(r.sent_at)).toEqual(sendAfter);
    }
    expect(await ledger.record([])).toBe(0);
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

  it('lists deadline tiers from the reminder ledger among the messages: one order, pages across both, counts and marks both', async () => {
    const inbox = new PgNotificationInboxRepository(db.dataSource);
    const me = world.people.grandSup.userId;
    const other = world.people.otherSec.userId;
    const otherUnread = await inbox.unreadCount(other);
    const at = (hour: number) => `2026-11-30T0${hour}:00:00Z`;
    const message = async (headline: string, createdAt: string) => {
      const [row] = await q(
        `INSERT INTO notification (dedupe_key, kind, channel, item_id, recipient_id, headline, detail, status, created_at)
         VALUES ($1, 'returned', 'in_app', $2, $3, $4, '', 'sent', $5) RETURNING id::text AS id`,
        [randomUUID(), world.items.owned, me, headline, createdAt],
      );
      return row.id as string;
    };
    const tier = async (recipient: string, kind: string, createdAt: string, inApp = true) => {
      const [row] = await q(
        `INSERT INTO reminder_delivery (recipient_id, item_id, kind, due_date, send_on, status, created_at, in_app)
         VALUES ($1, $2, $3, '2025-03-14', '2025-03-14', 'pending', $4, $5) RETURNING 't' || id AS id`,
        [recipient, world.items.owned, kind, createdAt, inApp],
      );
      return row.id as string;
    };
    const m1 = await message('消息一', at(1));
    const t1 = await tier(me, 'approaching', at(2));
    const m2 = await message('消息二', at(3));
    const t2 = await tier(me, 'due', at(3)); // the same instant as m2: tiers come first
    const t3 = await tier(me, 'overdue', at(4));
    await tier(me, 'escalated', at(5), false); // a failed job's row: no message
    const othersTier = await tier(other, 'escalated', at(6));

    const page = async (before: string | null, unreadOnly = false) =>
      (await inbox.list({ recipientId: me, unreadOnly, before, limit: 2 })).map((e) => e.id);
    expect(await page(null)).toEqual([t3, t2]);
    expect(await page(t2)).toEqual([m2, t1]);
    expect(await page(t1)).toEqual([m1]);
    expect(await page(m2)).toEqual([t1, m1]);
    expect(await page(othersTier)).toEqual([]);

    const [overdue] = await inbox.list({ recipientId: me, unreadOnly: false, before: null, limit: 1 });
    expect(overdue).toEqual({
      id: t3,
      kind: 'overdue',
      headline: `${world.orgs.branch.name}「有责任人的问题-${world.tag}」已逾期（红灯）`,
      detail: '整改时限 2025-03-14',
      itemId: world.items.owned,
      createdAt: '2026-11-30T04:00:00.000Z',
      readAt: null,
    });

    expect(await inbox.unreadCount(me)).toBe(5);
    expect(await inbox.unreadCount(other)).toBe(otherUnread + 1);
    expect(await inbox.markRead(me, { ids: [t2, m2, othersTier] })).toBe(2);
    expect(await page(null, true)).toEqual([t3, t1]);
    expect(await inbox.markRead(me, 'all')).toBe(3);
    expect(await inbox.unreadCount(me)).toBe(0);
    expect(await inbox.unreadCount(other)).toBe(otherUnread + 1);
  });

  it('notes each new tier once in the robots’ backlog with its ledger rows, and reads it with the items’ places', async () => {
    const reminders = new PgReminderLedgerRepository(db.dataSource);
    const backlog = new PgRobotTierBacklogRepository(db.dataSource);
    await q(`DELETE FROM robot_tier_backlog`);
    expect(await backlog.hasPendingTiers()).toBe(false);
    const { sec, mute, otherSec } = world.people;
    const row = (recipientId: string, itemId: string, kind: 'due' | 'overdue') => ({
      recipientId,
      itemId,
      kind,
      dueDate: '2026-12-31',
      sendOn: '2026-12-31',
    });
    // Two people for one tier, one of them without an address (their row fails): one entry.
    const first = [row(sec.userId, world.items.owned, 'due'), row(mute.userId, world.items.owned, 'due')];
    first.push(row(otherSec.userId, world.items.identified, 'overdue'));
    expect(await reminders.recordDue(first)).toHaveLength(3);
    // Recorded again (a retried batch): nothing new, so no second backlog row.
    expect(await reminders.recordDue(first)).toEqual([]);
    expect(await reminders.recordDue([row(otherSec.userId, world.items.other, 'due')])).toHaveLength(1);
    expect(await backlog.hasPendingTiers()).toBe(true);

    // An item withdrawn since is read without a place: nobody is told of it.
    await q(
      `UPDATE rectification_item SET withdrawn_at = now(), withdraw_reason = '重复录入' WHERE id = $1`,
      [world.items.identified],
    );
    try {
      const slice = await backlog.pendingTiers(1);
      expect(slice.ids).toHaveLength(1);
      const byItem = new Map(slice.tiers.map((t) => [t.itemId, t]));
      expect(slice.tiers).toHaveLength(2);
      expect(byItem.get(world.items.owned)).toEqual({
        itemId: world.items.owned,
        kind: 'due',
        dueDate: '2026-12-31',
        place: {
          itemId: world.items.owned,
          itemTitle: `有责任人的问题-${world.tag}`,
          organisationId: world.orgs.branch.id,
          organisationName: world.orgs.branch.name,
          parentId: world.orgs.general.id,
          grandparentId: world.orgs.committee.id,
        },
      });
      expect(byItem.get(world.items.identified)).toMatchObject({ kind: 'overdue', place: null });

      const all = await backlog.pendingTiers(10);
      expect(all.ids).toHaveLength(2);
      expect(all.tiers.map((t) => t.itemId)).toContain(world.items.other);
      await backlog.dropPendingTiers(slice.ids);
      expect((await backlog.pendingTiers(10)).tiers.map((t) => t.itemId)).toEqual([world.items.other]);
      await backlog.dropPendingTiers(all.ids);
      expect(await backlog.pendingTiers(10)).toEqual({ ids: [], tiers: [] });
      expect(await backlog.hasPendingTiers()).toBe(false);
    } finally {
      await q(`UPDATE rectification_item SET withdrawn_at = NULL, withdraw_reason = NULL WHERE id = $1`, [
        world.items.identified,
      ]);
      await q(`DELETE FROM reminder_delivery WHERE due_date = '2026-12-31'`);
    }
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

  it('moves the tier messages stored as notification rows into the reminder ledger when its migration runs, read or not', async () => {
    const inbox = new PgNotificationInboxRepository(db.dataSource);
    const me = world.people.mute.userId;
    const tier = async (kind: string) =>
      (
        await q(
          `INSERT INTO reminder_delivery (recipient_id, item_id, kind, due_date, send_on, status)
           VALUES ($1, $2, $3, '2025-03-14', '2025-03-14', 'skipped') RETURNING 't' || id AS id`,
          [me, world.items.unowned, kind],
        )
      )[0].id as string;
    const [read, unread, failed] = [await tier('approaching'), await tier('due'), await tier('overdue')];
    await q(`UPDATE reminder_delivery SET in_app = false WHERE id = $1`, [failed.slice(1)]);
    const runner = db.dataSource.createQueryRunner();
    const migration = new TierInbox1732850000000();
    try {
      // Before the migration: each tier message was a notification row, worded as it was sent.
      await migration.down(runner);
      const stored = await q(
        `SELECT kind, headline, detail FROM notification WHERE channel = 'in_app' AND recipient_id = $1 ORDER BY kind`,
        [me],
      );
      expect(stored).toEqual([
        {
          kind: 'approaching',
          headline: `${world.orgs.branch.name}「无责任人的问题-${world.tag}」临近整改时限（黄灯）`,
          detail: '整改时限 2025-03-14',
        },
        {
          kind: 'due',
          headline: `${world.orgs.branch.name}「无责任人的问题-${world.tag}」今日到期（黄灯）`,
          detail: '整改时限 2025-03-14',
        },
      ]);
      await q(
        `UPDATE notification SET read_at = '2026-11-01T00:00:00Z' WHERE recipient_id = $1 AND kind = 'approaching'`,
        [me],
      );
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(await q(`SELECT count(*)::int AS n FROM notification WHERE dedupe_key LIKE 'tier.%'`)).toEqual([
      { n: 0 },
    ]);
    const entries = await inbox.list({ recipientId: me, unreadOnly: false, before: null, limit: 10 });
    expect(entries.map((e) => [e.id, e.readAt])).toEqual([
      [unread, null],
      [read, '2026-11-01T00:00:00.000Z'],
    ]);
    expect(entries.map((e) => e.id)).not.toContain(failed);
    expect(await inbox.unreadCount(me)).toBe(1);
  });
});
