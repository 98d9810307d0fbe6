import { type NotificationLedgerRepository } from '@rectify/persistence';
import { batchJob, type NotificationQueues, robotRounds } from '../notification-jobs';
import { type NotificationSettings } from '../notification-settings';
import { type NotifyDeadlineTiersUseCase } from '../notify-deadline-tiers/notify-deadline-tiers.usecase';

/**
 * A robots' round (群机器人轮次), run at the end of a slot. First the deadline tiers recorded
 * since the last round (the robots' backlog, 待推送亮灯) become robot rows due at the slot's end
 * (NotifyDeadlineTiersUseCase.addressBacklog); rows held by quiet hours get the rounds of their
 * own slots. Then every robot with rows due by the slot's end (`pending`, or claimed by a job
 * Redis lost) gets its batch job for that slot at once, named as batchJob names it, so a batch
 * already queued is not queued twice; the batch then waits out its robot's rate gate and quiet
 * hours as ever. `slot`: the slot's number (its end is `slot × robotIntervalMs`, in ms). Returns
 * the robot rows it recorded and the batches it queued; rejects on database or queue faults (the
 * job is retried, and the sweeper adds a round while the backlog or robot rows wait).
 */
export class QueueRobotRoundUseCase {
  constructor(
    private readonly ledger: NotificationLedgerRepository,
    private readonly queues: NotificationQueues,
    private readonly settings: NotificationSettings,
    private readonly tiers: NotifyDeadlineTiersUseCase,
  ) {}

  async execute(slot: number): Promise<{ recorded: number; queued: number }> {
    const { robotIntervalMs } = this.settings;
    const slotEnd = new Date(slot * robotIntervalMs);
    const { recorded, later } = await this.tiers.addressBacklog(slotEnd);
    await this.queues.addRobotRounds(robotRounds(later, robotIntervalMs));
    const batches = (await this.ledger.openRobotBatches())
      .filter((b) => b.sendAfter <= slotEnd)
      .map((b) => batchJob('robot', b.targetId, slotEnd, robotIntervalMs));
    await this.queues.addRobotBatches(batches);
    return { recorded, queued: batches.length };
  }
}
