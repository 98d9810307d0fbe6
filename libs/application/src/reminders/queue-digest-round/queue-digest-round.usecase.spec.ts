import { InMemoryReminderLedgerRepository } from '../../testing/in-memory-reminder-ledger.repository';
import { InMemoryReminderQueues } from '../../testing/in-memory-reminder-queues';
import { DEADLINE, reminderSettings, TODAY, uuid } from '../../testing/reminder-fixtures';
import { digestJobId } from '../reminder-jobs';
import { QueueDigestRoundUseCase } from './queue-digest-round.usecase';

const OWNER = uuid(1, 'a');
const SECRETARY = uuid(2, 'a');
const row = (recipientId: string, item: number) => ({
  recipientId,
  itemId: uuid(item),
  kind: 'approaching' as const,
  dueDate: DEADLINE,
  sendOn: TODAY,
});

function setUp() {
  const ledger = new InMemoryReminderLedgerRepository(
    new Map([
      [OWNER, { username: 'owner', displayName: '张三', email: 'owner@example.com' }],
      [SECRETARY, { username: 'sec', displayName: '李四', email: 'sec@example.com' }],
    ]),
  );
  const queues = new InMemoryReminderQueues();
  const settings = reminderSettings(new Date(`${TODAY}T17:00:00+08:00`));
  return { ledger, queues, settings, round: new QueueDigestRoundUseCase(ledger, queues, settings) };
}

describe('QueueDigestRoundUseCase', () => {
  it('queues, at once, the digest of every recipient with rows waiting, named as a reminder batch names it', async () => {
    const { ledger, queues, settings, round } = setUp();
    await ledger.recordDue([row(OWNER, 1), row(OWNER, 2), row(SECRETARY, 1)]);
    // The owner's first digest already claimed a row: the next is named after it.
    await ledger.claimForDigest(OWNER, digestJobId(OWNER, TODAY, 0));
    await ledger.recordDue([row(OWNER, 3)]);

    expect(await round.execute()).toBe(2);
    expect([...queues.digests.values()].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [
        { id: digestJobId(OWNER, TODAY, 2), data: { recipientId: OWNER }, runAt: settings.clock.now() },
        {
          id: digestJobId(SECRETARY, TODAY, 0),
          data: { recipientId: SECRETARY },
          runAt: settings.clock.now(),
        },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );
  });

  it('queues nothing when no row waits, and rejects when the queue does not answer', async () => {
    const { ledger, queues, round } = setUp();
    expect(await round.execute()).toBe(0);
    await ledger.recordDue([row(OWNER, 1)]);
    queues.reachable = false;
    await expect(round.execute()).rejects.toThrow('Connection is closed.');
  });
});
