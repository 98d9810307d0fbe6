import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  recordDueReminders,
  recordReminderFailure,
  ReminderFailure,
  type ReminderJobData,
  type ReminderOutcome,
  type ReminderSettings,
} from '@rectify/application';
import { type Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { WORKER_CONFIG, type WorkerConfig } from '../config/worker-config';
import { BullReminderQueues } from '../queues/bullmq-reminder-queues';
import { JobHandlerRegistry } from '../queues/job-handler-registry';
import { JOBS } from '../queues/queue-names';
import { MicroBatcher } from './micro-batcher';
import { REMINDER_SETTINGS } from './reminder-settings.provider';

/**
 * Due reminder jobs, recorded in the ledger in batches; a stale job is skipped, not retried. One
 * job never fails its batch (see recordDueReminders). A failing job is retried by BullMQ with
 * backoff; after its last attempt its recipients get `failed` ledger rows with the reason, and
 * it stays among the queue's failed jobs, counted in the health figures.
 */
@Injectable()
export class RemindersProcessor {
  private readonly logger = new Logger('reminders');
  private readonly batcher: MicroBatcher<ReminderJobData, ReminderOutcome>;

  constructor(
    registry: JobHandlerRegistry,
    private readonly db: DataSource,
    queues: BullReminderQueues,
    @Inject(REMINDER_SETTINGS) settings: ReminderSettings,
    @Inject(WORKER_CONFIG) config: WorkerConfig,
  ) {
    this.batcher = new MicroBatcher(
      async (jobs) => {
        const outcomes = await recordDueReminders(db, settings, queues, jobs);
        this.logger.log(summarise(outcomes));
        return outcomes;
      },
      // Half the jobs in flight: while one batch is in the database, the worker keeps fetching
      // the next instead of sitting with every slot taken.
      Math.max(1, Math.floor(config.REMINDER_CONCURRENCY / 2)),
      // Jobs arrive a couple of thousand a second at most; waiting this long fills batches of
      // a few hundred, and a day's reminders do not mind a tenth of a second.
      100,
    );
    registry.register(JOBS.reminder, (job) => this.handle(job));
  }

  private async handle(job: Job): Promise<ReminderOutcome> {
    const data = job.data as ReminderJobData;
    const outcome = await this.batcher.submit(data);
    if (!(outcome instanceof ReminderFailure)) return outcome;
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    if (lastAttempt) {
      const added = await recordReminderFailure(this.db, data, outcome.error).catch((err: unknown) => {
        this.logger.warn(`${job.id}: could not record the failure in the ledger: ${message(err)}`);
        return 0;
      });
      this.logger.warn(
        `${job.id}: set aside after ${job.attemptsMade + 1} attempts (${added} ledger rows): ${outcome.error}`,
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
