import { Injectable, Logger } from '@nestjs/common';
import { FanOutEventUseCase, SendNoticeEmailUseCase, SendRobotBatchUseCase } from '@rectify/application';
import { JOBS } from '@rectify/queue';
import { DelayedError, type Job } from 'bullmq';
import { WarningSummary } from '../logging/warning-summary';
import { JobHandlerRegistry } from '../queues/job-handler-registry';

const mayRetry = (job: Job) => job.attemptsMade + 1 < (job.opts.attempts ?? 1);

/**
 * The notification jobs: a fan-out per event (its rows are idempotent, so a failure simply
 * throws and BullMQ retries), a robot message per robot and slot, a notification email per
 * person and slot. A batch that must wait (the rate gate, the platform's limit, quiet hours) is
 * moved back to delayed without spending an attempt; a temporary failure throws so BullMQ
 * retries with backoff; a final failure is on the ledger rows (and the robot) with its reason.
 */
@Injectable()
export class NotificationsProcessor {
  private readonly logger = new Logger('notifications');

  constructor(
    registry: JobHandlerRegistry,
    fanOut: FanOutEventUseCase,
    sendRobotBatch: SendRobotBatchUseCase,
    sendNoticeEmail: SendNoticeEmailUseCase,
    private readonly summary: WarningSummary,
  ) {
    registry.register(JOBS.notify, (job) => fanOut.execute([(job.data as { historyId: string }).historyId]));

    registry.register(JOBS.robotBatch, async (job, token) => {
      const outcome = await sendRobotBatch.execute({
        robotId: (job.data as { targetId: string }).targetId,
        batchKey: job.id as string,
        mayRetry: mayRetry(job),
      });
      if (outcome.status === 'wait' && token) {
        // BullMQ times delays by the system clock; `until` is on the worker's clock, which
        // RECTIFY_CLOCK_START may have moved: wait the same span instead.
        await job.moveToDelayed(Date.now() + outcome.waitMs, token);
        throw new DelayedError();
      }
      if (outcome.status === 'retry') throw new Error(outcome.reason);
      if (outcome.status === 'failed') this.summary.note('robots', 'robot messages failed', outcome.reason);
      if (outcome.status === 'sent') this.logger.log(`robot message sent with ${outcome.rows} notifications`);
      return outcome;
    });

    registry.register(JOBS.noticeEmail, async (job) => {
      const outcome = await sendNoticeEmail.execute({
        recipientId: (job.data as { targetId: string }).targetId,
        batchKey: job.id as string,
        mayRetry: mayRetry(job),
      });
      if (outcome.status === 'retry') throw new Error(outcome.reason);
      if (outcome.status === 'failed')
        this.summary.note('notices', 'notification emails failed', outcome.reason);
      return outcome;
    });
  }
}
