import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  FanOutEventUseCase,
  type FanOutResult,
  QueueRobotRoundUseCase,
  SendNoticeEmailUseCase,
  SendRobotBatchUseCase,
} from '@rectify/application';
import { JOBS } from '@rectify/queue';
import { DelayedError, type Job } from 'bullmq';
import { WORKER_CONFIG, type WorkerConfig } from '../config/worker-config';
import { WarningSummary } from '../logging/warning-summary';
import { JobHandlerRegistry } from '../queues/job-handler-registry';
import { MicroBatcher } from '../reminders/micro-batcher';

const mayRetry = (job: Job) => job.attemptsMade + 1 < (job.opts.attempts ?? 1);

/**
 * The notification jobs: a fan-out per event (its rows are idempotent, so a failure simply
 * throws and BullMQ retries), a robots' round per slot (it queues the slot's robot messages;
 * idempotent too), a robot message per robot and slot, a notification email per
 * person and slot. A batch that must wait (the rate gate, the platform's limit, quiet hours) is
 * moved back to delayed without spending an attempt; a temporary failure throws so BullMQ
 * retries with backoff; a final failure is on the ledger rows (and the robot) with its reason.
 * Fan-outs running at once share one FanOutEventUseCase call (a few queries for the lot, not per
 * event); a batch that fails fails each of its jobs, which BullMQ retries.
 */
@Injectable()
export class NotificationsProcessor {
  private readonly logger = new Logger('notifications');
  private readonly fanOuts: MicroBatcher<string, FanOutResult>;

  constructor(
    registry: JobHandlerRegistry,
    fanOut: FanOutEventUseCase,
    sendRobotBatch: SendRobotBatchUseCase,
    sendNoticeEmail: SendNoticeEmailUseCase,
    robotRound: QueueRobotRoundUseCase,
    private readonly summary: WarningSummary,
    @Inject(WORKER_CONFIG) config: WorkerConfig,
  ) {
    // As many as may run at once; a burst of events waits at most a tenth of a second for company.
    this.fanOuts = new MicroBatcher(
      async (historyIds) => {
        const result = await fanOut.execute(historyIds);
        return historyIds.map(() => result);
      },
      config.NOTIFY_CONCURRENCY,
      100,
    );
    registry.register(JOBS.notify, (job) =>
      this.fanOuts.submit((job.data as { historyId: string }).historyId),
    );

    registry.register(JOBS.robotRound, async (job) => {
      const outcome = await robotRound.execute((job.data as { slot: number }).slot);
      this.logger.log(
        `robots' round: ${outcome.recorded} tier notifications recorded, ${outcome.queued} robot messages queued`,
      );
      return outcome;
    });

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
