import { type OutboxPolicy } from '@rectify/persistence';
import { InMemoryOutboxRepository } from '../../testing/in-memory-outbox.repository';
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
import { reminderJobId } from '../reminder-jobs';
import { QueueUnavailableError, RelayOutboxUseCase } from './relay-outbox.usecase';

const POLICY: OutboxPolicy = {
  batchSize: 100,
  leaseMs: 60_000,
  maxAttempts: 3,
  retryBaseMs: 1000,
  retryMaxMs: 3000,
};
const items = Array.from({ length: 5 }, (_, i) => uuid(i + 1));
const POISONED = uuid(99);

function setUp() {
  const outbox = new InMemoryOutboxRepository();
  const subjects = new InMemoryReminderSubjectsRepository();
  for (const id of items) subjects.add(measuresSet(id));
  subjects.add(measuresSet(POISONED, POISON_DEADLINE));
  const queues = new InMemoryReminderQueues();
  const relay = new RelayOutboxUseCase(outbox, subjects, queues, reminderSettings(), POLICY);
  return { outbox, queues, relay };
}

describe('RelayOutboxUseCase', () => {
  it("enqueues the items' reminder jobs within the queue window and deletes their rows", async () => {
    const { outbox, queues, relay } = setUp();
    for (const id of items) outbox.add(id);
    expect(await relay.execute()).toEqual({ claimed: 5, relayed: 5, failed: 0, parked: 0 });
    expect(outbox.rows).toEqual([]);
    const approaching = reminderJobId({
      itemId: items[0],
      kind: 'approaching',
      dueDate: DEADLINE,
      sendOn: TODAY,
    });
    expect(queues.reminders.has(approaching)).toBe(true);
    // The deadline's tiers, three working days ahead, are beyond the two-day window: the sweeper's.
    expect([...queues.reminders.values()].map((j) => j.data.kind)).toEqual(items.map(() => 'approaching'));
    expect(await relay.execute()).toEqual({ claimed: 0, relayed: 0, failed: 0, parked: 0 });
  });

  it('fails a poison row alone, retries it after its backoff, and parks it after its last attempt', async () => {
    const { outbox, relay } = setUp();
    outbox.add(items[0]);
    const poison = outbox.add(POISONED);
    outbox.add(items[1]);
    expect(await relay.execute()).toEqual({ claimed: 3, relayed: 2, failed: 1, parked: 0 });
    expect(outbox.row(poison)).toMatchObject({
      attempts: 1,
      lastError: expect.stringContaining(POISON_DEADLINE),
    });

    // Backoff: nothing due until retryBaseMs has passed, then 2·retryBaseMs.
    expect((await relay.execute()).claimed).toBe(0);
    outbox.now += 1000;
    expect(await relay.execute()).toEqual({ claimed: 1, relayed: 0, failed: 1, parked: 0 });
    outbox.now += 1999;
    expect((await relay.execute()).claimed).toBe(0);
    outbox.now += 1;
    expect(await relay.execute()).toEqual({ claimed: 1, relayed: 0, failed: 0, parked: 1 });
    expect(outbox.row(poison)).toMatchObject({ attempts: 3, failedAt: outbox.now });
    outbox.now += 60_000;
    expect((await relay.execute()).claimed).toBe(0);
  });

  it('fails only the items whose jobs the queue refuses, and relays the others', async () => {
    const { outbox, queues, relay } = setUp();
    for (const id of items) outbox.add(id);
    queues.refusedItems.add(items[2]);
    expect(await relay.execute()).toEqual({ claimed: 5, relayed: 4, failed: 1, parked: 0 });
    expect(outbox.rows.map((r) => r.itemId)).toEqual([items[2]]);
    expect(outbox.rows[0].lastError).toContain('refused');
  });

  it('gives every row back, its attempt not counted, when the queue does not answer', async () => {
    const { outbox, queues, relay } = setUp();
    for (const id of items) outbox.add(id);
    const poison = outbox.add(POISONED);
    queues.reachable = false;
    await expect(relay.execute()).rejects.toBeInstanceOf(QueueUnavailableError);
    expect(outbox.rows.filter((r) => r.id !== poison).map((r) => [r.attempts, r.claimToken])).toEqual(
      items.map(() => [0, null]),
    );
    // The poison row's own failure is still recorded.
    expect(outbox.row(poison)).toMatchObject({
      attempts: 1,
      lastError: expect.stringContaining(POISON_DEADLINE),
    });

    queues.reachable = true;
    expect(await relay.execute()).toMatchObject({ claimed: 5, relayed: 5 });
  });
});
