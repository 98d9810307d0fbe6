import {
  describeNotification,
  EVENT_NOTIFICATION_AUDIENCE,
  type EventNotificationKind,
  type Recipient,
  notificationKindOf,
} from '@rectify/domain';
import {
  type NotifiableEvent,
  type NotificationLedgerRepository,
  type RecipientsByRole,
  type ReminderSubjectsRepository,
} from '@rectify/persistence';
import { type NotificationQueues } from '../notification-jobs';
import { type NotificationSettings } from '../notification-settings';
import { type NotificationToAddress, planNotifications } from '../plan-notifications';

/** What the fan-out did with its history lines. */
export interface FanOutResult {
  /** Lines that notify somebody (others: an import, a note of the organisation itself …). */
  notifying: number;
  /** Rows recorded now (0 when a retry finds them recorded). */
  recorded: number;
}

/** The event's own words on its line: a reason, an opinion, a note, the evidence. */
function wordsOf(payload: Record<string, unknown>): string | null {
  for (const key of ['reason', 'comment', 'note', 'evidence']) {
    const value = payload[key];
    if (typeof value === 'string' && value.trim()) return value;
  }
  return null;
}

/**
 * Tells people of events (事项动态通知): for each history line that notifies (see
 * notificationKindOf), records the in-app, email and robot rows for its audience (the item's
 * owner and the organisation's people who work items, or the supervisors one level up, two when
 * the level above holds none), leaving out the person who caused it, then queues the jobs that
 * send the email and robot rows. Recording twice records nothing new (dedupe keys), so the job
 * can be retried safely. A withdrawn item notifies nobody. Rejects on database or queue faults
 * (the job is retried).
 */
export class FanOutEventUseCase {
  constructor(
    private readonly ledger: NotificationLedgerRepository,
    private readonly subjects: ReminderSubjectsRepository,
    private readonly queues: NotificationQueues,
    private readonly settings: NotificationSettings,
  ) {}

  async execute(historyIds: string[]): Promise<FanOutResult> {
    const events = (await this.ledger.events(historyIds))
      .filter((e) => !e.withdrawn)
      .map((e) => ({ event: e, kind: notificationKindOf(e) }))
      .filter((e): e is { event: NotifiableEvent; kind: EventNotificationKind } => e.kind !== null);
    if (events.length === 0) return { notifying: 0, recorded: 0 };

    const byItem = await this.subjects.recipients('operator', [
      ...new Set(events.map((e) => e.event.itemId)),
    ]);
    const audiences = events.map(({ event, kind }) => audienceOf(event, kind, byItem.get(event.itemId)));
    const people = await this.ledger.people([...new Set(audiences.flatMap((a) => a.userIds))]);
    const robots = await this.ledger.activeRobots([...new Set(audiences.flatMap((a) => a.organisationIds))]);

    const plan = planNotifications(
      events.map(({ event, kind }, i): NotificationToAddress => ({
        kind,
        itemId: event.itemId,
        historyId: event.historyId,
        cause: `event.${event.historyId}`,
        text: describeNotification({
          kind,
          itemTitle: event.itemTitle,
          organisationName: event.organisationName,
          actorName: event.actorName,
          text: wordsOf(event.payload),
          deadline: typeof event.payload.newDeadline === 'string' ? event.payload.newDeadline : null,
        }),
        people: audiences[i].userIds.flatMap((id) => people.get(id) ?? []),
        robots: robots.filter((r) => audiences[i].organisationIds.includes(r.organisationId)),
        email: true,
      })),
      this.settings,
    );
    const recorded = await this.ledger.record(plan.rows);
    // Queued whether or not the rows were new: a retry after a failed add queues them then.
    await this.queues.addRobotBatches(plan.robotJobs);
    await this.queues.addNoticeEmails(plan.emailJobs);
    return { notifying: events.length, recorded };
  }
}

/** The people and the organisations (whose robots) that hear of one event. */
function audienceOf(
  event: NotifiableEvent,
  kind: EventNotificationKind,
  roles: RecipientsByRole | undefined,
): { userIds: string[]; organisationIds: string[] } {
  const of = (role: Recipient) => roles?.get(role) ?? [];
  let userIds: string[];
  let organisationIds: string[];
  switch (EVENT_NOTIFICATION_AUDIENCE[kind]) {
    case 'supervisors': {
      const parent = of('parent_supervisors');
      const useParent = parent.length > 0 || !event.grandparentId;
      userIds = useParent ? parent : of('grandparent_supervisors');
      const level = useParent ? event.parentId : event.grandparentId;
      organisationIds = level ? [level] : [];
      break;
    }
    case 'owner_and_secretaries':
      userIds = [...of('owner'), ...of('secretary')];
      organisationIds = [event.organisationId];
      break;
    case 'secretaries':
      userIds = of('secretary');
      organisationIds = [event.organisationId];
      break;
  }
  // Nobody is told of what they did themselves.
  return { userIds: [...new Set(userIds)].filter((id) => id !== event.actorId), organisationIds };
}
