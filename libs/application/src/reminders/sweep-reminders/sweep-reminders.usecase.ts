import {
  REMINDED_STATUSES,
  remindersToQueue,
  type ScheduledReminder,
  scheduleReminders,
  shanghaiDate,
  shanghaiInstant,
} from '@rectify/domain';
import {
  type ExpectedDigest,
  type OutboxRepository,
  reminderKey,
  type ReminderLedgerRepository,
  type ReminderSubjectsRepository,
} from '@rectify/persistence';
import {
  digestJobId,
  type DigestJobSpec,
  digestRoundJob,
  reminderJob,
  type ReminderQueues,
} from '../reminder-jobs';
import { type ReminderSettings } from '../reminder-settings';

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
 * open item's schedule has it within the queue window (`settings.queueDays`, `remindersToQueue`:
 * this is also how a reminder further ahead is queued, once the window reaches it) and the
 * ledger has no row for it yet; its job is added again when
 * the queue lost it, and retried with fresh attempts when it failed for good (a job that spent
 * its attempts while the database was away left no ledger row: it would otherwise be lost,
 * however long ago the outage ended). A digest should exist while ledger rows wait for it
 * (`pending`, or `sending` under a digest that is gone); before the digest time, and after it
 * while the round is still held (queueing the digests), the day's digest round stands for the
 * `pending` ones (it is added, a no-op while it is held). A digest counts as lost only when the
 * ledger still expects it after the queue was asked: one that finished meanwhile is gone from
 * the queue too (removed when done), its rows sent.
 *
 * One item never stops the sweep: an item whose schedule throws (a deadline the calendar
 * refuses) is skipped and, unless the outbox already holds a row for it, given an outbox row,
 * so the relay records its error, retries it with backoff and parks it where operators see it.
 * Database and queue faults reject (the next sweep tries again).
 */
export class SweepRemindersUseCase {
  constructor(
    private readonly ledger: ReminderLedgerRepository,
    private readonly outbox: OutboxRepository,
    private readonly subjects: ReminderSubjectsRepository,
    private readonly queues: ReminderQueues,
    private readonly settings: ReminderSettings,
  ) {}

  async execute(): Promise<SweepResult> {
    const { settings, queues } = this;
    const now = settings.clock.now();
    const today = shanghaiDate(now);
    const subjects = await this.subjects.openSubjects('operator');
    const recordedKeys = new Set(await this.ledger.recordedKeysOfItemsIn(REMINDED_STATUSES));
    // Items still in the outbox are the relay's to schedule, not missing jobs; parked rows are
    // history, and their item is swept like any other.
    const inOutbox = new Set(await this.outbox.unrelayedItemIds());
    const unschedulable: string[] = [];
    const scheduled = subjects
      .filter((s) => !inOutbox.has(s.itemId))
      .flatMap((s): ScheduledReminder[] => {
        try {
          const planned = scheduleReminders(s, today, settings.calendar, settings.thresholds);
          return remindersToQueue(planned, today, settings.queueDays);
        } catch {
          unschedulable.push(s.itemId);
          return [];
        }
      });
    await this.outbox.addUnschedulable(unschedulable);
    const expected = scheduled.filter((r) => !recordedKeys.has(reminderKey(r))).map(reminderJob);
    const lost = await queues.findLostReminders(expected.map((j) => j.id));
    const missing = new Set(lost.missing);
    await queues.addReminders(expected.filter((j) => missing.has(j.id)));
    const retriedReminders = await queues.retryFailedReminders(lost.failed);

    // Before the digest time, waiting rows are the day's round's (one job); after it, each
    // recipient's digest goes out now, as do rows a lost digest had claimed.
    const digestTime = shanghaiInstant(today, settings.digestTime);
    const beforeRound = digestTime > now;
    const round = digestRoundJob(today, digestTime);
    const expectedDigests = await this.ledger.expectedDigests();
    const waiting = expectedDigests.some((w) => w.digestKey === null);
    if (beforeRound && waiting) await queues.addDigestRound(round);
    // While the round is held (due, or queueing the digests now: at the year-end size that takes
    // minutes), the rows nobody has claimed are still its to queue.
    const leftToRound = beforeRound || (waiting && (await queues.missingDigests([round.id])).length === 0);
    const digestsOf = (rows: ExpectedDigest[]): DigestJobSpec[] =>
      rows
        .filter((w) => !(leftToRound && w.digestKey === null))
        .map((w) => ({
          id: w.digestKey === null ? digestJobId(w.recipientId, today, w.claimed) : w.digestKey,
          data: { recipientId: w.recipientId },
          runAt: now,
        }));
    const digests = digestsOf(expectedDigests);
    const missingDigests = new Set(await queues.missingDigests(digests.map((d) => d.id)));
    // A digest that finished between the read and the probe is gone from Redis too (removed
    // when done), its rows sent: only what the ledger still expects after the probe was lost.
    const stillExpected =
      missingDigests.size === 0
        ? new Set<string>()
        : new Set(digestsOf(await this.ledger.expectedDigests()).map((d) => d.id));
    const restoredDigests = digests.filter((d) => missingDigests.has(d.id) && stillExpected.has(d.id));
    await queues.addDigests(restoredDigests);
    return {
      expectedReminders: expected.length,
      restoredReminders: missing.size,
      retriedReminders,
      restoredDigests: restoredDigests.length,
      unschedulable: unschedulable.length,
    };
  }
}
