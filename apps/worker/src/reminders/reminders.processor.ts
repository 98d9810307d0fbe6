import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  RecordDueRemindersUseCase,
  RecordReminderFailureUseCase,
  ReminderFailure,
  type ReminderJobData,
  type ReminderOutcome,
} from '@rectify/application';
import { JOBS } from '@rectify/queue';
import { DelayedError, type Job } from 'bullmq';
import { WORKER_CONFIG, type WorkerConfig } from '../config/worker-config';
import { WarningSummary } from '../logging/warning-summary';
import { JobHandlerRegistry } from '../queues/job-handler-registry';
import { MicroBatcher } from './micro-batcher';

// Longest wait between two tries of a job while the database does not answer.
const OUTAGE_WAIT_MAX_MS = 60_000;

/**
 * Due reminder jobs, recorded in the ledger in batches; a stale job is skipped, not retried. One
 * job never fails its batch (see RecordDueRemindersUseCase). While the database does not answer, a job
 * waits for it (moved back to delayed, REMINDER_BACKOFF_MS doubling up to a minute) without
 * spending an attempt, however long the outage. Otherwise a failing job is retried by BullMQ
 * with backoff; after its last attempt its recipients get `failed` ledger rows with the reason,
 * and it stays among the queue's failed jobs, counted in the health figures (the sweeper retries
 * those the ledger does not account for).
 */
@Injectable()
export class RemindersProcessor {
  private readonly logger = new Logger('reminders');
  private readonly batcher: MicroBatcher<ReminderJobData, ReminderOutcome>;

  constructor(
    registry: JobHandlerRegistry,
    recordDueReminders: RecordDueRemindersUseCase,
    private readonly recordReminderFailure: RecordReminderFailureUseCase,
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    private readonly summary: WarningSummary,
  ) {
    this.batcher = new MicroBatcher(
      async (jobs) => {
        const outcomes = await recordDueReminders.execute(jobs);
        // A batch that only failed says nothing new: the failures are summarised per interval.
        if (outcomes.some((o) => !(o instanceof ReminderFailure))) this.logger.log(summarise(outcomes));
        return outcomes;
      },
      // Half the jobs in flight: while one batch is in the database, the worker keeps fetching
      // the next instead of sitting with every slot taken.
      Math.max(1, Math.floor(config.REMINDER_CONCURRENCY / 2)),
      // Jobs arrive a couple of thousand a second at most; waiting this long fills batches of
      // a few hundred, and a day's reminders do not mind a tenth of a second.
      100,
    );
    registry.register(JOBS.reminder, (job, token) => this.handle(job, token));
  }

  private async handle(job: Job, token?: string): Promise<ReminderOutcome> {
    const data = job.data as ReminderJobData;
    const outcome = await this.batcher.submit(data);
    if (!(outcome instanceof ReminderFailure)) return outcome;
    if (outcome.databaseUnreachable && token) {
      const waitMs = Math.min(
        this.config.REMINDER_BACKOFF_MS * 2 ** Math.max(0, job.attemptsStarted - 1),
        OUTAGE_WAIT_MAX_MS,
      );
      await job.moveToDelayed(Date.now() + waitMs, token);
      this.summary.note(
        'reminders',
        'tries put off until the database answers (attempts kept)',
        outcome.error,
      );
      throw new DelayedError();
    }
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    if (lastAttempt) {
      const added = await this.recordReminderFailure
        .execute({ job: data, error: outcome.error })
        .catch((err: unknown) => {
          this.summary.note('reminders', 'failures not recorded in the ledger', message(err));
          return 0;
        });
      this.summary.note(
        'reminders',
        'jobs set aside after their last attempt',
        `${outcome.error}${added > 0 ? '' : ' (no ledger row: the sweeper retries it)'}`,
      );
    }
    throw new Error(outcome.error);
  }
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

function summarise(outcomes: ReminderOutcome[]): string {
  const counts = new Map<string, number>();
  for (const o of outcomes) {
    const key = o instanceof ReminderFailure ? 'failed' : o;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return `${outcomes.length} due: ${[...counts].map(([o, n]) => `${n} ${o}`).join(', ')}`;
}
