import { Inject, Injectable, Logger } from '@nestjs/common';
import { type ReminderSettings, sweepReminders } from '@rectify/application';
import { DataSource } from 'typeorm';
import { BullReminderQueues } from '../queues/bullmq-reminder-queues';
import { JobHandlerRegistry } from '../queues/job-handler-registry';
import { JOBS } from '../queues/queue-names';
import { REMINDER_SETTINGS } from '../reminders/reminder-settings.provider';

/**
 * The repeatable sweep: re-enqueues reminders and digests the database expects but Redis lacks,
 * and retries reminder jobs that failed for good without leaving a ledger row.
 */
@Injectable()
export class SweeperProcessor {
  private readonly logger = new Logger('sweeper');

  constructor(
    registry: JobHandlerRegistry,
    db: DataSource,
    queues: BullReminderQueues,
    @Inject(REMINDER_SETTINGS) settings: ReminderSettings,
  ) {
    registry.register(JOBS.sweep, async () => {
      const result = await sweepReminders(db, settings, queues);
      if (result.restoredReminders + result.restoredDigests > 0) {
        this.logger.warn(
          `restored ${result.restoredReminders} reminder and ${result.restoredDigests} digest jobs missing from Redis`,
        );
      }
      if (result.retriedReminders > 0) {
        this.logger.warn(
          `retried ${result.retriedReminders} failed reminder jobs that have no ledger row (attempts reset)`,
        );
      }
      if (result.unschedulable > 0) {
        this.logger.warn(
          `${result.unschedulable} items cannot be scheduled: see the outbox failures (GET /api/reminders/outbox-failures)`,
        );
      }
      return result;
    });
  }
}
