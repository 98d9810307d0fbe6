import { type ReminderSubject, remindersToQueue, scheduleReminders, shanghaiDate } from '@rectify/domain';
import {
  type OutboxClaim,
  type OutboxPolicy,
  type OutboxRepository,
  type ReminderSubjectsRepository,
} from '@rectify/persistence';
import { describeReminderError } from '../reminder-errors';
import { reminderJob, type ReminderJobSpec, type ReminderQueues } from '../reminder-jobs';
import { type ReminderSettings } from '../reminder-settings';

/** What one relay round did with the rows it claimed. */
export interface RelayResult {
  /** Rows claimed this round (0: the outbox has nothing due). */
  claimed: number;
  /** Rows whose jobs are in the queue, now deleted. */
  relayed: number;
  /** Rows that failed this round and wait for a later attempt … */
  failed: number;
  /** … or, after their last attempt, were parked. */
  parked: number;
}

/** Thrown when the queue did not take the jobs and does not answer: the rows were given back. */
export class QueueUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`queue unavailable: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'QueueUnavailableError';
  }
}

/**
 * Turns outbox rows into reminder jobs (and, for rows an event wrote, the job that tells people
 * of it), in three short steps with nothing held open between
 * them: claim rows (one statement, with a lease), enqueue their jobs in Redis outside any
 * transaction, delete the rows (one statement). A relay that dies between enqueueing and
 * deleting leaves its claim to run out; the rows are then relayed again, which is harmless
 * because job ids are deterministic.
 *
 * A row is its own problem: an item whose schedule cannot be computed (a deadline the
 * calendar refuses) or whose jobs the queue refuses fails alone, with its error, attempt
 * count and time recorded on the row, and is retried with backoff and at last parked; every
 * other row goes on. When Redis does not answer at all, no row is to blame: the rows are given
 * back and `QueueUnavailableError` is thrown, so the caller waits before the next round.
 * Database faults reject (after giving the rows back when they were claimed).
 *
 * Only reminders within the queue window (`settings.queueDays`, `remindersToQueue`) are queued;
 * the sweeper queues the later ones as the window reaches them.
 */
export class RelayOutboxUseCase {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly subjects: ReminderSubjectsRepository,
    private readonly queues: ReminderQueues,
    private readonly settings: ReminderSettings,
    private readonly policy: OutboxPolicy,
  ) {}

  /** One round: claims up to `policy.batchSize` rows and relays them. */
  async execute(): Promise<RelayResult> {
    const claim = await this.outbox.claim(this.policy);
    const { token, rows } = claim;
    const result: RelayResult = { claimed: rows.length, relayed: 0, failed: 0, parked: 0 };
    if (rows.length === 0) return result;

    let subjects: Map<string, ReminderSubject>;
    try {
      subjects = await this.subjects.subjects('operator', [...new Set(rows.map((r) => r.itemId))]);
    } catch (err) {
      await this.outbox
        .release(
          token,
          rows.map((r) => r.id),
        )
        .catch(() => undefined);
      throw err;
    }

    const today = shanghaiDate(this.settings.clock.now());
    const failures = new Map<string, string>();
    const jobsByItem = new Map<string, ReminderJobSpec[]>();
    for (const subject of subjects.values()) {
      try {
        const planned = scheduleReminders(subject, today, this.settings.calendar, this.settings.thresholds);
        // Reminders further ahead are the sweeper's to queue when their time comes near.
        jobsByItem.set(
          subject.itemId,
          remindersToQueue(planned, today, this.settings.queueDays).map(reminderJob),
        );
      } catch (err) {
        failures.set(subject.itemId, describeReminderError(err));
      }
    }

    // Rows written with an event's history line also tell people of it (the fan-out job).
    const fanOutsByItem = new Map<string, string[]>();
    for (const r of rows) {
      if (r.historyId) fanOutsByItem.set(r.itemId, [...(fanOutsByItem.get(r.itemId) ?? []), r.historyId]);
    }
    try {
      await this.queues.addReminders([...jobsByItem.values()].flat());
      await this.queues.addEventFanOuts([...fanOutsByItem.values()].flat());
    } catch (err) {
      if (!(await this.queues.isReachable())) {
        const waiting = rows.filter((r) => !failures.has(r.itemId)).map((r) => r.id);
        await this.outbox.release(token, waiting).catch(() => undefined);
        await this.recordFailures(claim, failures, result).catch(() => undefined);
        throw new QueueUnavailableError(err);
      }
      // Redis answers but refused the batch: find the items it refuses, one by one.
      for (const itemId of new Set([...jobsByItem.keys(), ...fanOutsByItem.keys()])) {
        await this.queues
          .addReminders(jobsByItem.get(itemId) ?? [])
          .then(() => this.queues.addEventFanOuts(fanOutsByItem.get(itemId) ?? []))
          .catch((itemErr: unknown) => {
            failures.set(itemId, describeReminderError(itemErr));
          });
      }
    }

    await this.recordFailures(claim, failures, result);
    const relayed = rows.filter((r) => !failures.has(r.itemId)).map((r) => r.id);
    await this.outbox.deleteRelayed(token, relayed);
    result.relayed = relayed.length;
    return result;
  }

  private async recordFailures(
    { token, rows }: OutboxClaim,
    failures: Map<string, string>,
    result: RelayResult,
  ): Promise<void> {
    const failed = rows.filter((r) => failures.has(r.itemId));
    if (failed.length === 0) return;
    const parked = await this.outbox.recordFailures(
      this.policy,
      token,
      failed.map((r) => ({ id: r.id, error: failures.get(r.itemId)! })),
    );
    result.failed = failed.length - parked;
    result.parked = parked;
  }
}
