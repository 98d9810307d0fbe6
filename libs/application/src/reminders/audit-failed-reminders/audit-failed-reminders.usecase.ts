import { isReminderLive, shanghaiDate } from '@rectify/domain';
import {
  reminderKey,
  type ReminderLedgerRepository,
  type ReminderSubjectsRepository,
} from '@rectify/persistence';
import { parseReminderJobId } from '../reminder-jobs';
import { type ReminderSettings } from '../reminder-settings';

/** A failed reminder job as the queue reports it: its id and when it failed for good (ms). */
export interface FailedReminderJob {
  id: string;
  failedAt: number;
}

export interface AuditFailedRemindersCommand {
  /** The size of the queue's failed set. */
  total: number;
  /** The newest of its jobs, examined. */
  jobs: FailedReminderJob[];
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
 * spent their attempts while the database was away. Two queries, whatever the number of jobs;
 * database faults reject.
 */
export class AuditFailedRemindersUseCase {
  constructor(
    private readonly ledger: ReminderLedgerRepository,
    private readonly subjects: ReminderSubjectsRepository,
    private readonly settings: ReminderSettings,
  ) {}

  async execute({ total, jobs }: AuditFailedRemindersCommand): Promise<FailedReminderFigures> {
    const { settings } = this;
    const parsed = jobs.flatMap((job) => {
      const data = parseReminderJobId(job.id);
      return data ? [{ ...job, data }] : [];
    });
    const subjects = await this.subjects.subjects('operator', [...new Set(parsed.map((p) => p.data.itemId))]);
    const today = shanghaiDate(settings.clock.now());
    const live = parsed.filter(({ data }) => {
      const subject = subjects.get(data.itemId);
      try {
        return !!subject && isReminderLive(data, subject, today, settings.calendar, settings.thresholds);
      } catch {
        return false; // an item whose schedule throws is the outbox's to report
      }
    });
    const recordedKeys = new Set(await this.ledger.recordedKeysAmong(live.map((l) => l.data)));
    const unaccounted = live.filter(({ data }) => !recordedKeys.has(reminderKey(data)));
    const oldest = Math.min(...unaccounted.map((u) => u.failedAt));
    return {
      failed: total,
      unaccounted: unaccounted.length,
      oldestUnaccountedFailedAt: unaccounted.length > 0 ? new Date(oldest).toISOString() : null,
      examined: jobs.length,
    };
  }
}
