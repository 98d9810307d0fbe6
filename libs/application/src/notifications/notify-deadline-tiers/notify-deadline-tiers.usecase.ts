import { describeNotification, type ReminderKind } from '@rectify/domain';
import { type ActiveRobot, type ItemPlace, type NotificationLedgerRepository } from '@rectify/persistence';
import { type NotificationQueues, robotRounds } from '../notification-jobs';
import { type NotificationSettings } from '../notification-settings';
import { type NotificationToAddress, planNotifications } from '../plan-notifications';

/** A deadline tier (亮灯) recorded for a person: the reminder ledger's new row. */
export interface RecordedTier {
  recipientId: string;
  itemId: string;
  kind: ReminderKind;
  dueDate: string;
}

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

/**
 * Puts the deadline tiers the reminder worker has just recorded (亮灯督办) onto the group robots
 * of the organisations concerned, through the rounds of their slots (QueueRobotRoundUseCase).
 * The recipients' 站内消息 are the recorded reminder rows themselves (see
 * PgNotificationInboxRepository), and email stays with the daily digest.
 * Idempotent (dedupe keys name item, kind, due date and robot). Rejects on database or queue
 * faults; the caller's job is then retried.
 */
export class NotifyDeadlineTiersUseCase {
  constructor(
    private readonly ledger: NotificationLedgerRepository,
    private readonly queues: NotificationQueues,
    private readonly settings: NotificationSettings,
  ) {}

  /**
   * `places`: where the tiers' items sit, as the reminder batch read them with the items
   * (ReminderSubjectsRepository.dueItems); an item without a place gets no robot row. Returns the
   * robot rows added.
   */
  async execute(tiers: RecordedTier[], places: ReadonlyMap<string, ItemPlace>): Promise<number> {
    if (tiers.length === 0) return 0;
    // One robot message per item, tier and due date, however many people the tier reached.
    const groups = new Map<string, RecordedTier>();
    for (const t of tiers) groups.set(`${t.itemId}.${t.kind}.${t.dueDate}`, t);
    const organisationIds = new Set<string>();
    for (const tier of groups.values()) {
      const place = places.get(tier.itemId);
      for (const level of ROBOT_LEVELS[tier.kind]) {
        const id = place && levelId(place, level);
        if (id) organisationIds.add(id);
      }
    }
    const robotsOf = new Map<string, ActiveRobot[]>();
    for (const robot of await this.ledger.activeRobots([...organisationIds])) {
      robotsOf.set(robot.organisationId, [...(robotsOf.get(robot.organisationId) ?? []), robot]);
    }

    const toAddress: NotificationToAddress[] = [];
    for (const [key, tier] of groups) {
      const place = places.get(tier.itemId);
      if (!place) continue;
      const levels = new Set(ROBOT_LEVELS[tier.kind].map((l) => levelId(place, l)));
      const robots = [...levels].flatMap((id) => (id && robotsOf.get(id)) || []);
      if (robots.length === 0) continue;
      toAddress.push({
        kind: tier.kind,
        itemId: tier.itemId,
        historyId: null,
        cause: `tier.${key}`,
        text: describeNotification({
          kind: tier.kind,
          itemTitle: place.itemTitle,
          organisationName: place.organisationName,
          deadline: tier.dueDate,
        }),
        people: [],
        robots,
        email: false,
      });
    }
    const plan = planNotifications(toAddress, this.settings);
    const recorded = await this.ledger.record(plan.rows);
    // A storm reaches thousands of robots in the same slot: one round per slot queues their
    // batches when the slot ends, where a job per robot cost the storm a Redis write each.
    await this.queues.addRobotRounds(robotRounds(plan.robotJobs, this.settings.robotIntervalMs));
    return recorded;
  }
}
