import { Injectable, Logger } from '@nestjs/common';
import {
  CompactItemTalliesUseCase,
  RestoreNotificationJobsUseCase,
  SweepRemindersUseCase,
} from '@rectify/application';
import { JOBS } from '@rectify/queue';
import { JobHandlerRegistry } from '../queues/job-handler-registry';

/**
 * The repeatable sweep: re-enqueues reminders and digests the database expects but Redis lacks,
 * retries reminder jobs that failed for good without leaving a ledger row, and queues robot
 * messages and notification emails whose rows still wait; then folds the items page's subtree
 * counts (事项计数).
 */
@Injectable()
export class SweeperProcessor {
  private readonly logger = new Logger('sweeper');

  constructor(
    registry: JobHandlerRegistry,
    sweepReminders: SweepRemindersUseCase,
    restoreNotificationJobs: RestoreNotificationJobsUseCase,
    compactItemTallies: CompactItemTalliesUseCase,
  ) {
    registry.register(JOBS.sweep, async () => {
      const result = await sweepReminders.execute();
      // Robot messages and notification emails still waiting get their slot's job again.
      const notificationBatches = await restoreNotificationJobs.execute();
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
      // Last, and never failing the sweep: an unfolded count is slower, not wrong.
      const tallyRowsFolded = await compactItemTallies.execute().catch((err: unknown) => {
        this.logger.warn(
          `item counts not folded this time: ${err instanceof Error ? err.message : String(err)}`,
        );
        return 0;
      });
      return { ...result, notificationBatches, tallyRowsFolded };
    });
  }
}
