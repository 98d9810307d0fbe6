import { type NotificationLedgerRepository, type RobotTierBacklogRepository } from '@rectify/persistence';
import { batchJob, type NotificationQueues, robotRoundAt, robotRounds } from '../notification-jobs';
import { type NotificationSettings } from '../notification-settings';

/**
 * The sweeper's share of notifications: every robot and person with email rows still waiting
 * (pending, or claimed by a job Redis lost) gets a job for its next slot: a person their email
 * batch, the robots the round of their slot (QueueRobotRoundUseCase), which queues their
 * batches. Deadline tiers still in the robots' backlog (a round that failed for good, or one
 * that had read the backlog when a batch added to it) get the round of the slot now is in.
 * Adding a job that exists is a no-op and a job that finds nothing due sends nothing, so running
 * it often is harmless. Returns how many robots and people it found waiting.
 */
export class RestoreNotificationJobsUseCase {
  constructor(
    private readonly ledger: NotificationLedgerRepository,
    private readonly backlog: RobotTierBacklogRepository,
    private readonly queues: NotificationQueues,
    private readonly settings: NotificationSettings,
  ) {}

  async execute(): Promise<number> {
    const now = this.settings.clock.now().getTime();
    const robots = await this.ledger.openRobotBatches();
    const emails = await this.ledger.openEmailBatches();
    const backlog = await this.backlog.hasPendingTiers();
    const at = (sendAfter: Date) => new Date(Math.max(now, sendAfter.getTime()));
    // Robots through the rounds of their slots: one job a slot, however many robots wait.
    const robotIntervalMs = this.settings.robotIntervalMs;
    const rounds = robotRounds(
      robots.map((b) => batchJob('robot', b.targetId, at(b.sendAfter), robotIntervalMs)),
      robotIntervalMs,
    );
    // The backlog's tiers are due already: the round of the slot now is in.
    if (backlog) {
      const round = robotRoundAt(new Date(now), robotIntervalMs);
      if (!rounds.some((r) => r.id === round.id)) rounds.push(round);
    }
    await this.queues.addRobotRounds(rounds);
    await this.queues.addNoticeEmails(
      emails.map((b) => batchJob('notice', b.targetId, at(b.sendAfter), this.settings.noticeCollectMs)),
    );
    return robots.length + emails.length;
  }
}
