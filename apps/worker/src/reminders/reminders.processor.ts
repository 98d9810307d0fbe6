import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  recordDueReminders,
  type ReminderJobData,
  type ReminderOutcome,
  type ReminderSettings,
} from '@rectify/application';
import { DataSource } from 'typeorm';
import { WORKER_CONFIG, type WorkerConfig } from '../config/worker-config';
import { BullReminderQueues } from '../queues/bullmq-reminder-queues';
import { JobHandlerRegistry } from '../queues/job-handler-registry';
import { JOBS } from '../queues/queue-names';
import { MicroBatcher } from './micro-batcher';
import { REMINDER_SETTINGS } from './reminder-settings.provider';

/** Due reminder jobs, recorded in the ledger in batches; a stale job is skipped, not retried. */
@Injectable()
export class RemindersProcessor {
  private readonly logger = new Logger('reminders');
  private readonly batcher: MicroBatcher<ReminderJobData, ReminderOutcome>;

  constructor(
    registry: JobHandlerRegistry,
    db: DataSource,
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
    registry.register(JOBS.reminder, (job) => this.batcher.submit(job.data as ReminderJobData));
  }
}

function summarise(outcomes: ReminderOutcome[]): string {
  const counts = new Map<ReminderOutcome, number>();
  for (const o of outcomes) counts.set(o, (counts.get(o) ?? 0) + 1);
  return `${outcomes.length} due: ${[...counts].map(([o, n]) => `${n} ${o}`).join(', ')}`;
}
