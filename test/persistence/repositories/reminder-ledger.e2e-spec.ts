import {
  type Database,
  type DueDelivery,
  PgReminderLedgerRepository,
  reminderKey,
} from '@rectify/persistence';
import {
  REMINDER_BACKENDS,
  type ReminderWorld,
  seedReminderWorld,
} from '../../support/reminder-repository-fixture';

const SEND_ON = '2025-03-11';

describe.each(REMINDER_BACKENDS)('reminder ledger on %s', (_name, open) => {
  let db: Database;
  let close: () => Promise<void>;
  let w: ReminderWorld;
  let repo: PgReminderLedgerRepository;
  beforeAll(async () => {
    ({ db, close } = await open());
  });
  afterAll(() => close());
  // Each test sees its own rows only (the database is the describe's own).
  beforeEach(async () => {
    await db.dataSource.query(`DELETE FROM reminder_delivery`);
    w = await seedReminderWorld(db);
    repo = new PgReminderLedgerRepository(db.dataSource);
  });

  const due = (
    recipientId: string,
    itemId: string,
    kind: DueDelivery['kind'] = 'approaching',
  ): DueDelivery => ({
    recipientId,
    itemId,
    kind,
    dueDate: w.deadline,
    sendOn: SEND_ON,
  });
  const all = () => repo.search('operator', { limit: 100 });

  it('records each (recipient, item, kind, due date) once: a second recording adds nothing and returns nothing', async () => {
    const { sec, mute } = w.people;
    const rows = [
      due(sec.userId, w.items.owned),
      due(mute.userId, w.items.unowned),
      due(sec.userId, w.items.unowned),
    ];
    const first = await repo.recordDue(rows);
    expect(first.map((r) => [r.recipientId, reminderKey(r), r.status]).sort()).toEqual(
      [
        [sec.userId, reminderKey(rows[0]), 'pending'],
        [mute.userId, reminderKey(rows[1]), 'failed'],
        [sec.userId, reminderKey(rows[2]), 'pending'],
      ].sort(),
    );
    expect(await repo.recordDue(rows)).toEqual([]);
    const ledger = await all();
    expect(ledger).toHaveLength(3);
    expect(ledger.find((r) => r.recipient.id === mute.userId)).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('电子邮箱'),
      sendOn: SEND_ON,
      dueDate: w.deadline,
    });
    expect(await repo.recordDue([])).toEqual([]);
  });

  it('refuses a batch with a value the database cannot store, recording none of it', async () => {
    await expect(
      repo.recordDue([due(w.people.sec.userId, w.items.owned), due(w.people.sec.userId, 'not-a-uuid')]),
    ).rejects.toThrow(/uuid/);
    expect(await all()).toEqual([]);
  });

  it('records a failed reminder for its recipients once, one attempt each, leaving an existing row alone', async () => {
    const { sec, parentSup } = w.people;
    await repo.recordDue([due(sec.userId, w.items.owned, 'overdue')]);
    const reminder = {
      itemId: w.items.owned,
      kind: 'overdue' as const,
      dueDate: w.deadline,
      sendOn: SEND_ON,
    };
    expect(await repo.recordFailed([sec.userId, parentSup.userId], reminder, '处理提醒时出错：x')).toBe(1);
    expect(await repo.recordFailed([sec.userId, parentSup.userId], reminder, '处理提醒时出错：x')).toBe(0);
    const rows = await all();
    expect(rows.find((r) => r.recipient.id === sec.userId)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(rows.find((r) => r.recipient.id === parentSup.userId)).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: '处理提醒时出错：x',
    });
  });

  it("claims a recipient's pending rows for a digest, and on a retry exactly those again, not rows added since", async () => {
    const { sec, otherSec } = w.people;
    await repo.recordDue([
      due(sec.userId, w.items.owned),
      due(sec.userId, w.items.unowned),
      due(otherSec.userId, w.items.other),
    ]);
    expect(await repo.waitingRecipients([sec.userId, otherSec.userId, w.people.mute.userId])).toEqual(
      expect.arrayContaining([
        { recipientId: sec.userId, claimed: 0 },
        { recipientId: otherSec.userId, claimed: 0 },
      ]),
    );
    const claimed = await repo.claimForDigest(sec.userId, 'digest.a');
    expect(claimed.map((c) => c.itemId).sort()).toEqual([w.items.owned, w.items.unowned].sort());
    expect(claimed.map((c) => Number(c.id))).toEqual(claimed.map((c) => Number(c.id)).sort((x, y) => x - y));
    expect(claimed.find((c) => c.itemId === w.items.owned)).toMatchObject({
      messageId: null,
      kind: 'approaching',
      dueDate: w.deadline,
      itemTitle: `有责任人的问题-${w.tag}`,
      organisationName: w.orgs.branch.name,
      email: `sec-${w.tag}@example.com`,
      displayName: 'sec的名字',
    });

    await repo.recordDue([due(sec.userId, w.items.owned, 'due')]);
    expect(await repo.waitingRecipients([sec.userId])).toEqual([{ recipientId: sec.userId, claimed: 2 }]);
    const retried = await repo.claimForDigest(sec.userId, 'digest.a');
    expect(retried.map((c) => c.id)).toEqual(claimed.map((c) => c.id));
    const rows = await all();
    expect(rows.filter((r) => r.status === 'sending').map((r) => r.attempts)).toEqual([2, 2]);
    // The follow-up digest (another key) claims the row recorded since, and its retry that row again.
    expect(await repo.claimForDigest(sec.userId, 'digest.b')).toHaveLength(1);
    expect(await repo.claimForDigest(sec.userId, 'digest.b')).toHaveLength(1);
  });

  it('expects a digest per recipient with pending rows and per digest key with rows left sending', async () => {
    const { sec, otherSec } = w.people;
    await repo.recordDue([due(sec.userId, w.items.owned), due(otherSec.userId, w.items.other)]);
    await repo.claimForDigest(sec.userId, 'digest.lost');
    await repo.recordDue([due(sec.userId, w.items.unowned)]);
    expect(await repo.expectedDigests()).toEqual(
      expect.arrayContaining([
        { recipientId: sec.userId, digestKey: null, claimed: 1 },
        { recipientId: otherSec.userId, digestKey: null, claimed: 0 },
        { recipientId: sec.userId, digestKey: 'digest.lost', claimed: null },
      ]),
    );
    expect(await repo.expectedDigests()).toHaveLength(3);
  });

  it('marks rows sent with their Message-ID, or skipped/failed without one, notes errors, and sets rows aside', async () => {
    const { sec } = w.people;
    await repo.recordDue([
      due(sec.userId, w.items.owned),
      due(sec.userId, w.items.unowned),
      due(sec.userId, w.items.longTerm, 'review'),
      due(sec.userId, w.items.owned, 'due'),
    ]);
    const [a, b, c, d] = (await repo.claimForDigest(sec.userId, 'digest.x')).map((r) => r.id);
    await repo.setMessageId([a, b, c, d], '<digest.x.1@rectify.invalid>');
    expect((await repo.claimForDigest(sec.userId, 'digest.x')).map((r) => r.messageId)).toEqual(
      Array(4).fill('<digest.x.1@rectify.invalid>'),
    );
    await repo.noteError([a], '暂时无法发送，将自动重试：timeout');
    await repo.markSent([a], '<digest.x.1@rectify.invalid>');
    await repo.markNotSent([b], 'skipped', '事项状态或时限已变化，提醒不再适用。');
    await repo.setAside([{ id: c, error: 'c 出错' }], true);
    await repo.setAside([{ id: d, error: 'd 出错' }], false);
    const byId = new Map((await all()).map((r) => [r.id, r]));
    expect(byId.get(a)).toMatchObject({
      status: 'sent',
      error: null,
      messageId: '<digest.x.1@rectify.invalid>',
    });
    expect(byId.get(a)!.sentAt).not.toBeNull();
    expect(byId.get(b)).toMatchObject({
      status: 'skipped',
      messageId: null,
      error: expect.stringContaining('不再适用'),
    });
    expect(byId.get(c)).toMatchObject({ status: 'sending', error: 'c 出错' });
    expect(byId.get(d)).toMatchObject({ status: 'failed', error: 'd 出错' });
    expect(await repo.countByStatus()).toEqual({ pending: 0, sending: 1, sent: 1, failed: 1, skipped: 1 });
  });

  it('answers which reminders are recorded, by item status or among given keys', async () => {
    const { sec, otherSec } = w.people;
    await repo.recordDue([
      due(sec.userId, w.items.owned),
      due(sec.userId, w.items.unowned),
      due(otherSec.userId, w.items.other),
    ]);
    await db.dataSource.query(`UPDATE rectification_item SET status = 'pending_review' WHERE id = $1`, [
      w.items.other,
    ]);
    const key = (itemId: string) => reminderKey({ itemId, kind: 'approaching', dueDate: w.deadline });
    expect((await repo.recordedKeysOfItemsIn(['measures_set', 'long_term'])).sort()).toEqual(
      [key(w.items.owned), key(w.items.unowned)].sort(),
    );
    const asked = [w.items.owned, w.items.longTerm].map((itemId) => ({
      itemId,
      kind: 'approaching' as const,
      dueDate: w.deadline,
    }));
    expect(await repo.recordedKeysAmong(asked)).toEqual([key(w.items.owned)]);
    expect(await repo.recordedKeysAmong([])).toEqual([]);
  });

  it("shows each person the rows of their organisations' items only, newest first, filtered and limited", async () => {
    const { sec, otherSec, parentSup } = w.people;
    await repo.recordDue([due(sec.userId, w.items.owned), due(otherSec.userId, w.items.other)]);
    await repo.recordDue([due(sec.userId, w.items.unowned)]);
    const items = async (scope: Parameters<typeof repo.search>[0], search = {}) =>
      (await repo.search(scope, { limit: 100, ...search })).map((r) => r.itemId);
    expect(await items(sec)).toEqual([w.items.unowned, w.items.owned]);
    expect(await items(otherSec)).toEqual([w.items.other]);
    expect((await items(parentSup)).sort()).toEqual([w.items.owned, w.items.unowned, w.items.other].sort());
    expect(await items(parentSup, { itemId: w.items.owned })).toEqual([w.items.owned]);
    expect(await items(parentSup, { status: 'sent' })).toEqual([]);
    expect(await items('operator', { limit: 1 })).toEqual([w.items.unowned]);
    const [row] = await repo.search(sec, { limit: 1 });
    expect(row).toMatchObject({
      itemTitle: `无责任人的问题-${w.tag}`,
      organisationName: w.orgs.branch.name,
      recipient: {
        id: sec.userId,
        username: `sec-${w.tag}`,
        displayName: 'sec的名字',
        email: `sec-${w.tag}@example.com`,
      },
      kind: 'approaching',
      status: 'pending',
      attempts: 0,
      messageId: null,
      sentAt: null,
    });
  });

  it('answers a ping', async () => {
    await expect(repo.ping()).resolves.toBeUndefined();
  });
});
