import { describeNotification, type ReminderKind } from '@rectify/domain';
import {
  type ActiveRobot,
  type ItemPlace,
  type NotificationLedgerRepository,
  type PendingTier,
  type RobotTierBacklogRepository,
} from '@rectify/persistence';
import { type BatchJobSpec, type NotificationQueues, robotRoundAt } from '../notification-jobs';
import { type NotificationSettings } from '../notification-settings';
import { type NotificationPlan, type NotificationToAddress, planNotifications } from '../plan-notifications';

// Whose group robots hear of a tier: the item's organisation always; red (逾期) also the level
// above, and its escalation the level above that, as the emails do.
const ROBOT_LEVELS: Record<ReminderKind, ('organisation' | 'parent' | 'grandparent')[]> = {
  approaching: ['organisation'],
  due: ['organisation'],
  review: ['organisation'],
  overdue: ['organisation', 'parent'],
  escalated: ['organisation', 'parent', 'grandparent'],
};

const levelId = (place: ItemPlace, level: 'organisation' | 'parent' | 'grandparent') =>
  level === 'organisation' ? place.organisationId : level === 'parent' ? place.parentId : place.grandparentId;

// Backlog rows read at a time: each holds one reminder batch's tiers (500 at most by default).
const BACKLOG_SLICE = 8;

/**
 * Puts the deadline tiers the reminder worker has recorded (亮灯督办) onto the group robots of the
 * organisations concerned. A reminder batch writes its new tiers into the robots' backlog
 * (待推送亮灯, with its ledger rows: ReminderLedgerRepository.recordDue) and makes sure of the
 * round of its slot (`queueRound`); the round, at the slot's end, turns the backlog into robot
 * rows (`addressBacklog`) and queues the robots' batches (QueueRobotRoundUseCase). A storm thus
 * writes nothing per robot while it is recorded, and each robot still hears of its slot's tiers
 * in one message at the slot's end. The recipients' 站内消息 are the recorded reminder rows
 * themselves (see PgNotificationInboxRepository), and email stays with the daily digest.
 * Idempotent (dedupe keys name item, kind, due date and robot). Rejects on database or queue
 * faults; the caller's job is then retried.
 */
export class NotifyDeadlineTiersUseCase {
  constructor(
    private readonly ledger: NotificationLedgerRepository,
    private readonly backlog: RobotTierBacklogRepository,
    private readonly queues: NotificationQueues,
    private readonly settings: NotificationSettings,
  ) {}

  /**
   * Makes sure of the robots' round of the slot `recordedAt` is in, for tiers recorded then (a
   * no-op when this process added it already; see robotRoundAt). Call it after the rows are
   * written: a round that has started by then is added again and runs at once.
   */
  async queueRound(recordedAt: Date): Promise<void> {
    await this.queues.addRobotRounds([robotRoundAt(recordedAt, this.settings.robotIntervalMs)]);
  }

  /**
   * Addresses the whole backlog, a few rows at a time, as of `slotEnd` (the round's slot end):
   * each slice's robot rows are recorded to go from `slotEnd` on (or when their robot's quiet
   * hours end), then the slice is deleted. Returns the robot rows added and the batch jobs of
   * those that may only go after `slotEnd` (quiet hours), whose rounds the caller adds.
   */
  async addressBacklog(slotEnd: Date): Promise<{ recorded: number; later: BatchJobSpec[] }> {
    let recorded = 0;
    const later = new Map<string, BatchJobSpec>();
    for (let slice = await this.backlog.pendingTiers(BACKLOG_SLICE); slice.ids.length > 0;) {
      const plan = await this.address(slice.tiers, slotEnd);
      recorded += await this.ledger.record(plan.rows);
      for (const job of plan.robotJobs) if (job.runAt > slotEnd) later.set(job.id, job);
      await this.backlog.dropPendingTiers(slice.ids);
      const next = await this.backlog.pendingTiers(BACKLOG_SLICE);
      // Rows that outlived their delete would be read for ever: say so rather than loop.
      if (next.ids.some((id) => slice.ids.includes(id))) {
        throw new Error(`待推送亮灯 ${next.ids.join(',')} 删除后仍在：请检查数据库。`);
      }
      slice = next;
    }
    return { recorded, later: [...later.values()] };
  }

  /** The robot rows of these tiers, as of `now`: one per tier and robot that carries its kind. */
  private async address(tiers: PendingTier[], now: Date): Promise<NotificationPlan> {
    // One robot message per item, tier and due date.
    const groups = new Map<string, PendingTier & { place: ItemPlace }>();
    const organisationIds = new Set<string>();
    for (const tier of tiers) {
      const { place } = tier;
      if (!place) continue; // withdrawn or removed since: nobody hears of it
      groups.set(`${tier.itemId}.${tier.kind}.${tier.dueDate}`, { ...tier, place });
      for (const level of ROBOT_LEVELS[tier.kind]) {
        const id = levelId(place, level);
        if (id) organisationIds.add(id);
      }
    }
    const robotsOf = new Map<string, ActiveRobot[]>();
    for (const robot of await this.ledger.activeRobots([...organisationIds])) {
      robotsOf.set(robot.organisationId, [...(robotsOf.get(robot.organisationId) ?? []), robot]);
    }

    const toAddress: NotificationToAddress[] = [];
    for (const [key, { kind, itemId, dueDate, place }] of groups) {
      const levels = new Set(ROBOT_LEVELS[kind].map((l) => levelId(place, l)));
      const robots = [...levels].flatMap((id) => (id && robotsOf.get(id)) || []);
      if (robots.length === 0) continue;
      toAddress.push({
        kind,
        itemId,
        historyId: null,
        cause: `tier.${key}`,
        text: describeNotification({
          kind,
          itemTitle: place.itemTitle,
          organisationName: place.organisationName,
          deadline: dueDate,
        }),
        people: [],
        robots,
        email: false,
      });
    }
    return planNotifications(toAddress, this.settings, now);
  }
}
