import { InMemoryOutboxRepository } from '../../testing/in-memory-outbox.repository';
import { InMemoryReminderLedgerRepository } from '../../testing/in-memory-reminder-ledger.repository';
import { InMemoryReminderQueues } from '../../testing/in-memory-reminder-queues';
import { InMemoryReminderSubjectsRepository } from '../../testing/in-memory-reminder-subjects.repository';
import {
  DEADLINE,
  measuresSet,
  POISON_DEADLINE,
  reminderSettings,
  TODAY,
  uuid,
} from '../../testing/reminder-fixtures';
import { digestJobId, reminderJobId } from '../reminder-jobs';
import { SweepRemindersUseCase } from './sweep-reminders.usecase';

const OWNER = uuid(1, 'a');
const [A, B, C] = [uuid(1), uuid(2), uuid(3)];
const approaching = (itemId: string) => ({
  itemId,
  kind: 'approaching' as const,
  dueDate: DEADLINE,
  sendOn: TODAY,
});

function setUp() {
  const item = {
    title: '问题',
    organisationName: '第一支部',
    organisationPath: '/x/',
    status: 'measures_set',
  };
  const ledger = new InMemoryReminderLedgerRepository(
    new Map([[OWNER, { username: 'owner', displayName: '张三', email: 'owner@example.com' }]]),
    new Map([A, B, C].map((id) => [id, item])),
  );
  const outbox = new InMemoryOutboxRepository();
  const subjects = new InMemoryReminderSubjectsRepository().add(measuresSet(A)).add(measuresSet(B));
  const queues = new InMemoryReminderQueues();
  const settings = reminderSettings();
  const sweep = new SweepRemindersUseCase(ledger, outbox, subjects, queues, settings);
  return { ledger, outbox, subjects, queues, settings, sweep };
}

describe('SweepRemindersUseCase', () => {
  it('re-adds the reminder jobs the queue lost, and none the ledger already records or the queue holds', async () => {
    const { ledger, queues, sweep } = setUp();
    await ledger.recordDue([{ ...approaching(A), recipientId: OWNER }]);
    const result = await sweep.execute();
    // A's current tier is recorded; B's is expected and missing; later tiers (the deadline, three
    // working days ahead) are beyond the two-day queue window.
    expect(queues.reminders.has(reminderJobId(approaching(A)))).toBe(false);
    expect(queues.reminders.has(reminderJobId(approaching(B)))).toBe(true);
    expect(result).toMatchObject({ expectedReminders: 1, restoredReminders: 1 });

    const again = await sweep.execute();
    expect(again).toMatchObject({ restoredReminders: 0, expectedReminders: result.expectedReminders });
  });

  it('queues a later tier once the queue window reaches it, and not before', async () => {
    const { queues, settings, sweep } = setUp();
    const due = (itemId: string) => ({ itemId, kind: 'due' as const, dueDate: DEADLINE, sendOn: DEADLINE });
    await sweep.execute();
    expect(queues.reminders.has(reminderJobId(due(A)))).toBe(false);
    // DEADLINE (Friday 15 November) is three days ahead; the window of two reaches it on Wednesday.
    settings.clock.at = new Date('2024-11-13T00:05:00+08:00');
    const next = await sweep.execute();
    expect(queues.reminders.has(reminderJobId(due(A)))).toBe(true);
    expect(queues.reminders.has(reminderJobId(due(B)))).toBe(true);
    expect(next.restoredReminders).toBe(2);
  });

  it('retries expected reminder jobs that failed for good, and leaves items still in the outbox to the relay', async () => {
    const { outbox, queues, sweep } = setUp();
    outbox.add(B);
    await sweep.execute();
    expect([...queues.reminders.values()].some((j) => j.data.itemId === B)).toBe(false);
    queues.failed.add(reminderJobId(approaching(A)));
    expect(await sweep.execute()).toMatchObject({ retriedReminders: 1, restoredReminders: 0 });
    expect(queues.failed.size).toBe(0);
  });

  it('hands an item whose schedule throws to the outbox once, and sweeps the others', async () => {
    const { outbox, subjects, queues, sweep } = setUp();
    subjects.add(measuresSet(C, POISON_DEADLINE));
    expect(await sweep.execute()).toMatchObject({ unschedulable: 1 });
    expect(outbox.rows.map((r) => [r.itemId, r.reason])).toEqual([[C, 'SWEEP_UNSCHEDULABLE']]);
    expect(queues.reminders.has(reminderJobId(approaching(A)))).toBe(true);

    // Parked, it is swept again, but never given a second row.
    outbox.rows[0].failedAt = outbox.now;
    expect(await sweep.execute()).toMatchObject({ unschedulable: 1 });
    expect(outbox.rows).toHaveLength(1);
  });

  it('restores digests: the day’s round for waiting rows before the digest time, a digest each after it, and at once for rows a lost digest had claimed', async () => {
    const { ledger, queues, settings, sweep } = setUp();
    await ledger.recordDue([
      { ...approaching(A), recipientId: OWNER },
      { ...approaching(B), recipientId: OWNER },
    ]);
    const lostKey = digestJobId(OWNER, TODAY, 0);
    await ledger.claimForDigest(OWNER, lostKey);
    await ledger.recordDue([{ ...approaching(C), recipientId: OWNER }]);

    const result = await sweep.execute();
    expect(result.restoredDigests).toBe(1);
    expect(queues.digests.get(lostKey)!.runAt).toEqual(settings.clock.now());
    expect([...queues.digestRounds.values()]).toEqual([
      { id: `digestround.${TODAY}`, data: { date: TODAY }, runAt: new Date(`${TODAY}T17:00:00+08:00`) },
    ]);
    expect(queues.digests.has(digestJobId(OWNER, TODAY, 2))).toBe(false);
    expect((await sweep.execute()).restoredDigests).toBe(0);

    // After the digest time, while the round is still held (queueing the digests), its rows are its own.
    settings.clock.at = new Date(`${TODAY}T17:30:00+08:00`);
    expect((await sweep.execute()).restoredDigests).toBe(0);
    // The round is gone and did not queue the digest (Redis lost both, say): the digest goes now.
    queues.digestRounds.clear();
    expect((await sweep.execute()).restoredDigests).toBe(1);
    expect(queues.digests.get(digestJobId(OWNER, TODAY, 2))!.runAt).toEqual(settings.clock.at);
  });

  it('does not restore a digest that finished between reading the ledger and asking the queue', async () => {
    const { ledger, settings, subjects, outbox } = setUp();
    const OTHER = uuid(2, 'a');
    ledger.users.set(OTHER, { username: 'other', displayName: '李四', email: 'other@example.com' });
    await ledger.recordDue([
      { ...approaching(A), recipientId: OWNER },
      { ...approaching(B), recipientId: OTHER },
    ]);
    settings.clock.at = new Date(`${TODAY}T17:30:00+08:00`);
    const finishing = digestJobId(OWNER, TODAY, 0);
    // The owner's digest runs and is removed when done (as BullMQ's removeOnComplete) just as the
    // sweep asks the queue; the other's job was lost.
    class FinishingQueues extends InMemoryReminderQueues {
      override async missingDigests(ids: string[]): Promise<string[]> {
        if (ids.includes(finishing) && this.digests.delete(finishing)) {
          const claimed = await ledger.claimForDigest(OWNER, finishing);
          await ledger.markSent(
            claimed.map((c) => c.id),
            'msg-1',
          );
        }
        return super.missingDigests(ids);
      }
    }
    const queues = new FinishingQueues();
    await queues.addDigests([{ id: finishing, data: { recipientId: OWNER }, runAt: settings.clock.at }]);
    const sweep = new SweepRemindersUseCase(ledger, outbox, subjects, queues, settings);

    const result = await sweep.execute();
    expect(result.restoredDigests).toBe(1);
    expect([...queues.digests.keys()]).toEqual([digestJobId(OTHER, TODAY, 0)]);
  });
});
