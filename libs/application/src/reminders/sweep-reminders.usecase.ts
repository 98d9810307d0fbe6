import {
  REMINDED_STATUSES,
  type ScheduledReminder,
  scheduleReminders,
  shanghaiDate,
  shanghaiInstant,
} from '@rectify/domain';
import { type DataSource } from 'typeorm';
import { loadOpenReminderSubjects } from './load-reminder-subjects';
import { digestJobId, type DigestJobSpec, reminderJob, type ReminderQueues } from './reminder-jobs';
import { type ReminderSettings } from './reminder-settings';

export interface SweepResult {
  expectedReminders: number;
  /** Expected reminder jobs missing from the queue, added again. */
  restoredReminders: number;
  /** Expected reminder jobs found failed (attempts used up, e.g. in a database outage), retried. */
  retriedReminders: number;
  restoredDigests: number;
  /** Items whose schedule could not be computed, handed to the outbox relay's retry and parking. */
  unschedulable: number;
}

/**
 * Self-healing: compares the database with the queues and re-enqueues what should exist but
 * does not, so no reminder depends on Redis keeping its data. A reminder should exist when an
 * open item's schedule has it and the ledger has no row for it yet; its job is added again when
 * the queue lost it, and retried with fresh attempts when it failed for good (a job that spent
 * its attempts while the database was away left no ledger row: it would otherwise be lost,
 * however long ago the outage ended). A digest should exist while ledger rows wait for it
 * (`pending`, or `sending` under a digest that is gone).
 *
 * One item never stops the sweep: an item whose schedule throws (a deadline the calendar
 * refuses) is skipped and, unless the outbox already holds a row for it, given an outbox row,
 * so the relay records its error, retries it with backoff and parks it where operators see it.
 */
export async function sweepReminders(
  db: DataSource,
  settings: ReminderSettings,
  queues: ReminderQueues,
): Promise<SweepResult> {
  const now = settings.clock.now();
  const today = shanghaiDate(now);
  const subjects = await loadOpenReminderSubjects(db);
  const recorded: { key: string }[] = await db.query(
    `SELECT DISTINCT d.item_id || '|' || d.kind || '|' || to_char(d.due_date, 'YYYY-MM-DD') AS key
       FROM reminder_delivery d
       JOIN rectification_item i ON i.id = d.item_id
      WHERE i.status = ANY($1::text[])`,
    [REMINDED_STATUSES],
  );
  const recordedKeys = new Set(recorded.map((r) => r.key));
  // Items still in the outbox are the relay's to schedule, not missing jobs; parked rows are
  // history, and their item is swept like any other.
  const unrelayed: { item_id: string }[] = await db.query(
    `SELECT DISTINCT item_id FROM outbox WHERE failed_at IS NULL`,
  );
  const inOutbox = new Set(unrelayed.map((r) => r.item_id));
  const unschedulable: string[] = [];
  const scheduled = subjects
    .filter((s) => !inOutbox.has(s.itemId))
    .flatMap((s): ScheduledReminder[] => {
      try {
        return scheduleReminders(s, today, settings.calendar, settings.thresholds);
      } catch {
        unschedulable.push(s.itemId);
        return [];
      }
    });
  await handToOutbox(db, unschedulable);
  const expected = scheduled
    .filter((r) => !recordedKeys.has(`${r.itemId}|${r.kind}|${r.dueDate}`))
    .map(reminderJob);
  const lost = await queues.findLostReminders(expected.map((j) => j.id));
  const missing = new Set(lost.missing);
  await queues.addReminders(expected.filter((j) => missing.has(j.id)));
  const retriedReminders = await queues.retryFailedReminders(lost.failed);

  const waiting: { recipient_id: string; digest_key: string | null; claimed: number | null }[] =
    await db.query(
      `SELECT recipient_id, NULL::text AS digest_key, count(*) FILTER (WHERE digest_key IS NOT NULL)::int AS claimed
         FROM reminder_delivery
        WHERE recipient_id IN (SELECT recipient_id FROM reminder_delivery WHERE status = 'pending')
        GROUP BY recipient_id
       HAVING bool_or(status = 'pending')
       UNION ALL
       SELECT DISTINCT recipient_id, digest_key, NULL::int
         FROM reminder_delivery WHERE status = 'sending' AND digest_key IS NOT NULL`,
    );
  // Waiting rows keep today's digest time; rows a lost digest had claimed go out now.
  const digestTime = shanghaiInstant(today, settings.digestTime);
  const digests: DigestJobSpec[] = waiting.map((w) => ({
    id: w.digest_key ?? digestJobId(w.recipient_id, today, w.claimed!),
    data: { recipientId: w.recipient_id },
    runAt: w.digest_key === null && digestTime > now ? digestTime : now,
  }));
  const missingDigests = new Set(await queues.missingDigests(digests.map((d) => d.id)));
  const restoredDigests = digests.filter((d) => missingDigests.has(d.id));
  await queues.addDigests(restoredDigests);
  return {
    expectedReminders: expected.length,
    restoredReminders: missing.size,
    retriedReminders,
    restoredDigests: restoredDigests.length,
    unschedulable: unschedulable.length,
  };
}

/** One outbox row per unschedulable item that has none (waiting or parked): never a pile. */
async function handToOutbox(db: DataSource, itemIds: string[]): Promise<void> {
  if (itemIds.length === 0) return;
  await db.query(
    `INSERT INTO outbox (item_id, reason)
     SELECT i, 'SWEEP_UNSCHEDULABLE' FROM unnest($1::uuid[]) AS i
      WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.item_id = i)`,
    [itemIds],
  );
}
