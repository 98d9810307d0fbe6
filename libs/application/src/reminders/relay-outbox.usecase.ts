import { scheduleReminders, shanghaiDate } from '@rectify/domain';
import { type DataSource } from 'typeorm';
import { loadReminderSubjects } from './load-reminder-subjects';
import { reminderJob, type ReminderQueues } from './reminder-jobs';
import { type ReminderSettings } from './reminder-settings';

/**
 * Turns outbox rows into reminder jobs. Rows are claimed with SKIP LOCKED, so several workers
 * relay side by side without taking the same row, and deleted in the transaction that enqueues
 * their jobs: if Redis refuses, the transaction rolls back and the rows wait for the next
 * round. A crash after enqueueing but before commit relays them again, which is harmless
 * because job ids are deterministic. Returns how many rows were relayed.
 */
export async function relayOutbox(
  db: DataSource,
  settings: ReminderSettings,
  queues: ReminderQueues,
  batchSize = 1000,
): Promise<number> {
  return db.transaction(async (manager) => {
    const claimed: { item_id: string }[] = await manager.query(
      `WITH claimed AS (
         DELETE FROM outbox
          WHERE id IN (SELECT id FROM outbox ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
          RETURNING item_id)
       SELECT DISTINCT item_id FROM claimed`,
      [batchSize],
    );
    if (claimed.length === 0) return 0;
    const subjects = await loadReminderSubjects(
      manager,
      claimed.map((r) => r.item_id),
    );
    const today = shanghaiDate(settings.clock.now());
    const jobs = [...subjects.values()].flatMap((s) =>
      scheduleReminders(s, today, settings.calendar, settings.thresholds).map(reminderJob),
    );
    await queues.addReminders(jobs);
    return claimed.length;
  });
}
