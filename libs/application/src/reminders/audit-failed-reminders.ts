import { isReminderLive, shanghaiDate } from '@rectify/domain';
import { type DataSource } from 'typeorm';
import { loadReminderSubjects } from './load-reminder-subjects';
import { parseReminderJobId } from './reminder-jobs';
import { type ReminderSettings } from './reminder-settings';

/** A failed reminder job as the queue reports it: its id and when it failed for good (ms). */
export interface FailedReminderJob {
  id: string;
  failedAt: number;
}

/** What the health endpoint shows of failed reminder jobs. */
// A type, not an interface: health indicators take it as their index-signed data.
export type FailedReminderFigures = {
  /** Reminder jobs in the queue's failed set (kept 30 days). */
  failed: number;
  /**
   * Of the newest failed jobs examined: reminders still due that have no ledger row, so nobody
   * was told and nothing records it. The sweeper retries these on its next run.
   */
  unaccounted: number;
  /** When the oldest of those failed (ISO instant), or null. */
  oldestUnaccountedFailedAt: string | null;
  /** How many of the newest failed jobs were examined (the rest are only counted). */
  examined: number;
};

/**
 * Compares failed reminder jobs with the ledger: a job whose reminder still applies to its item
 * (as the sweeper would schedule it today) and whose (item, kind, due date) has no ledger row is
 * unaccounted for: its recipients were neither reminded nor told it failed. Typically jobs that
 * spent their attempts while the database was away. Two queries, whatever the number of jobs.
 * `total` is the size of the failed set; `jobs` the newest of them, examined.
 */
export async function auditFailedReminders(
  db: DataSource,
  settings: ReminderSettings,
  total: number,
  jobs: FailedReminderJob[],
): Promise<FailedReminderFigures> {
  const parsed = jobs.flatMap((job) => {
    const data = parseReminderJobId(job.id);
    return data ? [{ ...job, data }] : [];
  });
  const subjects = await loadReminderSubjects(db, [...new Set(parsed.map((p) => p.data.itemId))]);
  const today = shanghaiDate(settings.clock.now());
  const live = parsed.filter(({ data }) => {
    const subject = subjects.get(data.itemId);
    try {
      return !!subject && isReminderLive(data, subject, today, settings.calendar, settings.thresholds);
    } catch {
      return false; // an item whose schedule throws is the outbox's to report
    }
  });
  const recorded: { key: string }[] =
    live.length === 0
      ? []
      : await db.query(
          `SELECT DISTINCT d.item_id || '|' || d.kind || '|' || to_char(d.due_date, 'YYYY-MM-DD') AS key
             FROM reminder_delivery d
             JOIN unnest($1::uuid[], $2::text[], $3::date[]) AS j(item, kind, due)
               ON d.item_id = j.item AND d.kind = j.kind AND d.due_date = j.due`,
          [live.map((l) => l.data.itemId), live.map((l) => l.data.kind), live.map((l) => l.data.dueDate)],
        );
  const recordedKeys = new Set(recorded.map((r) => r.key));
  const unaccounted = live.filter(
    ({ data }) => !recordedKeys.has(`${data.itemId}|${data.kind}|${data.dueDate}`),
  );
  const oldest = Math.min(...unaccounted.map((u) => u.failedAt));
  return {
    failed: total,
    unaccounted: unaccounted.length,
    oldestUnaccountedFailedAt: unaccounted.length > 0 ? new Date(oldest).toISOString() : null,
    examined: jobs.length,
  };
}
