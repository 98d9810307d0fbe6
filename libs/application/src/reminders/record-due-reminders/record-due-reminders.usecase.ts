import { isReminderLive, type Recipient, RECIPIENTS, shanghaiDate, shanghaiInstant } from '@rectify/domain';
import {
  type DueDelivery,
  reminderKey,
  type ReminderLedgerRepository,
  type ReminderSubjectsRepository,
} from '@rectify/persistence';
import { withTimeout } from '../../common/with-timeout';
import { type NotifyDeadlineTiersUseCase } from '../../notifications/notify-deadline-tiers/notify-deadline-tiers.usecase';
import { describeReminderError } from '../reminder-errors';
import { digestJobId, digestRoundJob, type ReminderJobData, type ReminderQueues } from '../reminder-jobs';
import { type ReminderSettings } from '../reminder-settings';
import { QueuedDigests } from './queued-digests';

// Rows recorded later than this before the digest time get their digest job directly: the day's
// round, started by another process's clock, may have read the ledger already (processes' clocks
// differ by well under a second; a row is written before this is checked).
const ROUND_LEAD_MS = 10_000;

/**
 * A job that could not be handled, with the Chinese reason; the other jobs of its batch go on.
 * `databaseUnreachable`: the database did not answer at all, so the job itself is not to blame
 * and should wait for it rather than spend its attempts.
 */
export class ReminderFailure {
  constructor(
    readonly error: string,
    readonly databaseUnreachable = false,
  ) {}
}

/** What became of one reminder job. */
export type ReminderOutcome = 'recorded' | 'already_recorded' | 'no_recipients' | 'stale' | ReminderFailure;

/**
 * Handles many due reminder jobs at once (deadlines cluster: thousands of items share one due
 * date). Reloads the items; a job whose item has moved on (another state, another deadline, a
 * later tier already due) is stale and skipped. For the others, one row per recipient goes into
 * the delivery ledger, whose unique key (recipient, item, kind, due date) makes a job that runs
 * twice record nothing new. Rows recorded before the digest time wait for the day's digest round
 * (QueueDigestRoundUseCase), which this adds; after it, every recipient of these jobs with rows
 * still waiting gets their digest job for today (see digestJobId). Each row is also its
 * recipient's 站内消息; the new tiers wait in the robots' backlog for the round of this slot,
 * which this adds too (NotifyDeadlineTiersUseCase.queueRound).
 *
 * One job never fails the others: a job whose item cannot be judged (its schedule throws) is a
 * `ReminderFailure` while the rest go on; when the batch fails as a whole (a job whose data the
 * database refuses poisons its SQL), its jobs are run one by one, so only the jobs at fault
 * become `ReminderFailure`s. Never rejects: an outage of the database or Redis makes every job
 * a failure, which the caller retries (marked `databaseUnreachable` when the database does not
 * answer a probe).
 */
export class RecordDueRemindersUseCase {
  private readonly queuedDigests = new QueuedDigests();

  constructor(
    private readonly ledger: ReminderLedgerRepository,
    private readonly subjects: ReminderSubjectsRepository,
    private readonly queues: ReminderQueues,
    private readonly settings: ReminderSettings,
    /** Adds the robots' round of the tiers' slot; absent where only email is tested. */
    private readonly tiers?: NotifyDeadlineTiersUseCase,
  ) {}

  /** One outcome per job, in the jobs' order. */
  async execute(jobs: ReminderJobData[]): Promise<ReminderOutcome[]> {
    try {
      return await this.recordBatch(jobs);
    } catch (err) {
      const databaseAnswers = await answers(this.ledger.ping());
      const failure = new ReminderFailure(describeReminderError(err), !databaseAnswers);
      // During an outage every job would fail alone too, each after its own timeout.
      if (jobs.length === 1 || !databaseAnswers || !(await answers(this.queues.isReachable()))) {
        return jobs.map(() => failure);
      }
      const outcomes: ReminderOutcome[] = [];
      // One at a time: a batch that failed is rare, and the database is then spared a stampede.
      for (const job of jobs) outcomes.push(...(await this.execute([job])));
      return outcomes;
    }
  }

  private async recordBatch(jobs: ReminderJobData[]): Promise<ReminderOutcome[]> {
    const { settings } = this;
    const now = settings.clock.now();
    const today = shanghaiDate(now);
    const itemIds = [...new Set(jobs.map((j) => j.itemId))];
    // The items, where they sit and their recipients in one read, the recipients only in the
    // roles these tiers reach: a storm of 黄灯 reminders needs no supervisors.
    const roles = new Set<Recipient>(jobs.flatMap((j) => RECIPIENTS[j.kind] ?? []));
    const items = await this.subjects.dueItems('operator', itemIds, [...roles]);
    const failures = new Map<number, ReminderFailure>();
    // A storm's items share a handful of deadlines: each schedule is worked out once a batch
    // (the answer does not depend on the item, only on these fields).
    const judged = new Map<string, boolean | ReminderFailure>();
    const live = jobs.map((job, i) => {
      const subject = items.get(job.itemId)?.subject;
      if (!subject) return false;
      const key = `${job.kind}|${job.dueDate}|${subject.status}|${subject.deadline}|${subject.reviewIntervalDays}|${subject.lastReviewedOn}`;
      let verdict = judged.get(key);
      if (verdict === undefined) {
        try {
          verdict = isReminderLive(job, subject, today, settings.calendar, settings.thresholds);
        } catch (err) {
          verdict = new ReminderFailure(describeReminderError(err));
        }
        judged.set(key, verdict);
      }
      if (verdict instanceof ReminderFailure) failures.set(i, verdict);
      return verdict === true;
    });

    const rows: DueDelivery[] = [];
    const rowCount = jobs.map((job, i) => {
      if (!live[i]) return 0;
      const byRole = items.get(job.itemId)?.recipients;
      const users = new Set(RECIPIENTS[job.kind].flatMap((role) => byRole?.get(role) ?? []));
      for (const recipientId of users) {
        rows.push({
          recipientId,
          itemId: job.itemId,
          kind: job.kind,
          dueDate: job.dueDate,
          sendOn: job.sendOn,
        });
      }
      return users.size;
    });

    // The new rows' tiers go into the robots' backlog in the same statement.
    const inserted = await this.ledger.recordDue(rows);
    // The robots' round and the digests, side by side; a fault in either fails the batch, and
    // its retry redoes both (each is idempotent). On every live row, not only new ones: a retry
    // after a fault here adds what is missing.
    await Promise.all([
      rows.length > 0 ? this.tiers?.queueRound(settings.clock.now()) : undefined,
      this.queueDigests(rows, now, today),
    ]);

    const recordedKeys = new Set(inserted.map(reminderKey));
    return jobs.map((job, i) => {
      const failure = failures.get(i);
      if (failure) return failure;
      if (!live[i]) return 'stale';
      if (rowCount[i] === 0) return 'no_recipients';
      return recordedKeys.has(reminderKey(job)) ? 'recorded' : 'already_recorded';
    });
  }
  /**
   * Before the digest time (ten seconds' margin, measured once the rows are written) the day's
   * digest round is added, one job however many recipients: it queues their digests when it runs.
   * After it, every recipient of these rows with rows still waiting gets a digest job, not only
   * those with new rows: if adding it failed before, a retry of the batch adds it then. The job
   * is named by the rows digests have claimed so far (see digestJobId): while an earlier digest
   * is being sent, rows recorded now get a digest of their own instead of waiting for the
   * sweeper. Recipients with a digest this process queued still ahead are left out (see
   * QueuedDigests): that digest claims these rows too.
   */
  private async queueDigests(rows: DueDelivery[], now: Date, today: string): Promise<void> {
    const { settings } = this;
    if (rows.length === 0) return;
    const digestTime = shanghaiInstant(today, settings.digestTime);
    if (settings.clock.now().getTime() < digestTime.getTime() - ROUND_LEAD_MS) {
      await this.queues.addDigestRound(digestRoundJob(today, digestTime));
      return;
    }
    const recipientIds = [...new Set(rows.map((r) => r.recipientId))].filter(
      (id) => !this.queuedDigests.isAhead(id, now),
    );
    if (recipientIds.length === 0) return;
    const waiting = await this.ledger.waitingRecipients(recipientIds);
    const collectUntil = new Date(now.getTime() + settings.digestCollectSeconds * 1000);
    const runAt = digestTime > now ? digestTime : collectUntil;
    await this.queues.addDigests(
      waiting.map(({ recipientId, claimed }) => ({
        id: digestJobId(recipientId, today, claimed),
        data: { recipientId },
        runAt,
      })),
    );
    this.queuedDigests.note(
      waiting.map((w) => w.recipientId),
      runAt,
      now,
    );
  }
}

/** Whether a probe succeeded (a false answer counts as none) within 5 s. */
async function answers(probe: Promise<unknown>): Promise<boolean> {
  return withTimeout(probe, 5_000).then(
    (reply) => reply !== false,
    () => false,
  );
}
