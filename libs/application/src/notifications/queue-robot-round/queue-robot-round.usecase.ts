import { type NotificationLedgerRepository } from '@rectify/persistence';
import { batchJob, type NotificationQueues } from '../notification-jobs';
import { type NotificationSettings } from '../notification-settings';

/**
 * A robots' round (群机器人轮次), run at the end of a slot: every robot with rows due by then
 * (`pending`, or claimed by a job Redis lost) gets its batch job for that slot at once, named as
 * batchJob names it, so a batch already queued is not queued twice; the batch then waits out its
 * robot's rate gate and quiet hours as ever. Rows due later wait for their own slot's round.
 * `slot`: the slot's number (its end is `slot × robotIntervalMs`, in ms). Returns how many
 * batches it queued; rejects on database or queue faults (the job is retried, and the sweeper
 * restores what a round that failed for good left).
 */
export class QueueRobotRoundUseCase {
  constructor(
    private readonly ledger: NotificationLedgerRepository,
    private readonly queues: NotificationQueues,
    private readonly settings: NotificationSettings,
  ) {}

  async execute(slot: number): Promise<number> {
    const { robotIntervalMs } = this.settings;
    const slotEnd = new Date(slot * robotIntervalMs);
    const batches = (await this.ledger.openRobotBatches())
      .filter((b) => b.sendAfter <= slotEnd)
      .map((b) => batchJob('robot', b.targetId, slotEnd, robotIntervalMs));
    await this.queues.addRobotBatches(batches);
    return batches.length;
  }
}
