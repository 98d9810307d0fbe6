import {
  type EventNotificationKind,
  type NotificationKind,
  type NotificationText,
  quietHoursEnd,
  shanghaiDate,
  shanghaiInstant,
} from '@rectify/domain';
import { type ActiveRobot, type NewNotification, type NotifiedPerson } from '@rectify/persistence';
import { batchJob, type BatchJobSpec } from './notification-jobs';
import { type NotificationSettings } from './notification-settings';

/** One notification to address: what it is about, its words, and who and which robots hear of it. */
export interface NotificationToAddress {
  kind: NotificationKind;
  itemId: string;
  historyId: string | null;
  /** Names the cause in every row's dedupe key (`event.<historyId>`, `tier.<item>.<kind>.<due>`). */
  cause: string;
  text: NotificationText;
  people: NotifiedPerson[];
  robots: ActiveRobot[];
  /** Deadline tiers go by the daily digest already: no notification email of their own. */
  email: boolean;
}

/** The rows to record and the jobs that send them. */
export interface NotificationPlan {
  rows: NewNotification[];
  robotJobs: BatchJobSpec[];
  emailJobs: BatchJobSpec[];
}

/** The next digest time at or after `now` (today's, or tomorrow's when it has passed). */
function nextDigest(now: Date, digestTime: string): Date {
  const today = shanghaiInstant(shanghaiDate(now), digestTime);
  if (today.getTime() >= now.getTime()) return today;
  return shanghaiInstant(shanghaiDate(new Date(now.getTime() + 24 * 3_600_000)), digestTime);
}

/**
 * Addresses notifications: an in-app row (delivered by being written) for every person; an email
 * row for those whose preferences take this kind by email (at once, or at the digest time), when
 * they have an address; a robot row for each robot that carries the kind, held until its quiet
 * hours end. Jobs are named by target and slot (see batchJob), so a burst shares one. `now`:
 * when the rows are recorded as written and from when they may go (the clock's time by default;
 * a robots' round passes its slot's end, see NotifyDeadlineTiersUseCase.addressBacklog).
 */
export function planNotifications(
  items: NotificationToAddress[],
  settings: NotificationSettings,
  now: Date = settings.clock.now(),
): NotificationPlan {
  const plan: NotificationPlan = { rows: [], robotJobs: [], emailJobs: [] };
  const jobs = new Map<string, BatchJobSpec>();
  // A tier storm plans thousands of rows for a few quiet-hour settings: each is worked out once.
  const quietEnds = new Map<string, Date>();
  const robotSendAfter = (quiet: ActiveRobot['quiet']) => {
    if (!quiet) return now;
    const key = `${quiet.from}-${quiet.until}`;
    let end = quietEnds.get(key);
    if (!end) quietEnds.set(key, (end = quietHoursEnd(now, quiet) ?? now));
    return end;
  };
  const addJob = (list: BatchJobSpec[], job: BatchJobSpec) => {
    if (jobs.has(job.id)) return;
    jobs.set(job.id, job);
    list.push(job);
  };
  for (const n of items) {
    // Rows are written out field by field: spreading a shared base into each of a storm's
    // hundred thousand rows was a measurable share of the reminder worker's time.
    const row = (
      dedupeKey: string,
      channel: NewNotification['channel'],
      recipientId: string | null,
      robotId: string | null,
      status: NewNotification['status'],
      sendAfter: Date,
    ): NewNotification => ({
      dedupeKey,
      kind: n.kind,
      channel,
      itemId: n.itemId,
      historyId: n.historyId,
      recipientId,
      robotId,
      headline: n.text.headline,
      detail: n.text.detail,
      status,
      sendAfter,
    });
    for (const person of n.people) {
      plan.rows.push(row(`${n.cause}.in_app.${person.userId}`, 'in_app', person.userId, null, 'sent', now));
      const byEmail =
        n.email &&
        person.hasEmail &&
        person.emailMode !== 'off' &&
        person.emailKinds.includes(n.kind as EventNotificationKind);
      if (!byEmail) continue;
      const sendAfter = person.emailMode === 'digest' ? nextDigest(now, settings.digestTime) : now;
      plan.rows.push(
        row(`${n.cause}.email.${person.userId}`, 'email', person.userId, null, 'pending', sendAfter),
      );
      const collectUntil = new Date(Math.max(sendAfter.getTime(), now.getTime() + settings.noticeCollectMs));
      addJob(plan.emailJobs, batchJob('notice', person.userId, collectUntil, settings.noticeCollectMs));
    }
    for (const robot of n.robots) {
      if (!robot.kinds.includes(n.kind)) continue;
      const sendAfter = robotSendAfter(robot.quiet);
      plan.rows.push(row(`${n.cause}.robot.${robot.id}`, 'robot', null, robot.id, 'pending', sendAfter));
      addJob(plan.robotJobs, batchJob('robot', robot.id, sendAfter, settings.robotIntervalMs));
    }
  }
  return plan;
}
