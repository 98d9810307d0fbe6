import { type Redis } from 'ioredis';
import { clockStartingAt } from '@rectify/domain';
import { readWorkerConfig } from '../../apps/worker/src/config/worker-config';
import { BullReminderQueues } from '../../apps/worker/src/queues/bullmq-reminder-queues';
import { ReminderHarness } from '../support/reminder-worker';

jest.setTimeout(60_000);

const NOW = '2025-03-03T08:00:00+08:00';

// The sweeper's question to Redis, asked of real BullMQ keys: which expected reminder jobs are
// gone (to be added again) and which failed for good (to be retried)?
describe('findLostReminders on a real Redis', () => {
  const h = new ReminderHarness();
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  it('tells missing jobs from failed ones, across more ids than one script call takes', async () => {
    const clock = clockStartingAt(new Date(NOW));
    const queues = new BullReminderQueues(readWorkerConfig(h.env(NOW)), clock);
    h.queue('reminders'); // emptied when the test ends
    try {
      const runAt = new Date(Date.parse(NOW) + 3_600_000);
      const data = {
        itemId: '00000000-0000-4000-8000-000000000001',
        kind: 'approaching',
        dueDate: '2025-03-10',
        sendOn: '2025-03-03',
      } as const;
      await queues.addReminders(
        ['kept', 'removed', 'failed'].map((id) => ({ id: `probe.${id}`, data, runAt })),
      );
      await (await queues.reminders.getJob('probe.removed'))!.remove();
      // A job that failed for good: its hash stays, its id sits in the queue's failed set.
      const client = (await queues.reminders.getBackend().client) as unknown as Redis;
      await client.zadd(queues.reminders.keys.failed, Date.now(), 'probe.failed');

      const unknown = Array.from({ length: 5_001 }, (_, i) => `probe.never.${i}`);
      const lost = await queues.findLostReminders([
        'probe.kept',
        'probe.removed',
        'probe.failed',
        ...unknown,
      ]);
      expect(lost.failed).toEqual(['probe.failed']);
      expect(lost.missing).toEqual(['probe.removed', ...unknown]);
    } finally {
      await queues.onApplicationShutdown();
    }
  });
});
