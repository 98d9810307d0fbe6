import { Inject, Injectable } from '@nestjs/common';
import { type DigestJobData, type Mailer, type ReminderSettings, sendDigest } from '@rectify/application';
import { DataSource } from 'typeorm';
import { WarningSummary } from '../logging/warning-summary';
import { MAILER } from '../mail/mail.providers';
import { JobHandlerRegistry } from '../queues/job-handler-registry';
import { JOBS } from '../queues/queue-names';
import { REMINDER_SETTINGS } from '../reminders/reminder-settings.provider';

/**
 * One recipient's digest email. A temporary mail failure throws, so BullMQ retries it with
 * backoff; a permanent one, or the last attempt, is recorded as failed in the ledger.
 */
@Injectable()
export class DigestsProcessor {
  constructor(
    registry: JobHandlerRegistry,
    db: DataSource,
    @Inject(MAILER) mailer: Mailer,
    @Inject(REMINDER_SETTINGS) settings: ReminderSettings,
    summary: WarningSummary,
  ) {
    registry.register(JOBS.digest, async (job) => {
      const outcome = await sendDigest(db, settings, mailer, {
        recipientId: (job.data as DigestJobData).recipientId,
        digestKey: job.id as string,
        mayRetry: job.attemptsMade + 1 < (job.opts.attempts ?? 1),
      });
      if (outcome.status === 'failed') summary.note('digests', 'digests failed', outcome.error);
      return outcome;
    });
  }
}
