import { DATE_WINDOW } from '../calendar/date-window';
import { type WorkingDayCalendar } from '../calendar/working-day-calendar';

/**
 * Traffic-light supervision (亮灯督办) of a rectification deadline, counted in working days:
 * green while on track; yellow (黄灯) N working days before the deadline, to the owner; on the
 * deadline, to the owner and the organisation's secretary; red (红灯) the first working day
 * after it, also to the supervisors of the parent organisation; and M working days later, also
 * to the level above them.
 */
export type DeadlineReminderKind = 'approaching' | 'due' | 'overdue' | 'escalated';

/** The deadline tiers, and `review`: a long-term (长期坚持整改) item's periodic progress review. */
export type ReminderKind = DeadlineReminderKind | 'review';

export const REMINDER_KINDS: readonly ReminderKind[] = [
  'approaching',
  'due',
  'overdue',
  'escalated',
  'review',
];

/**
 * Who a reminder goes to: the item's owner, its organisation's secretary, the supervisors one
 * and two levels up, and `responsible`: the people picked as 责任人 of its measures, reminded
 * whenever the owner is (one email per person per digest, whatever their roles).
 */
export type Recipient =
  'owner' | 'responsible' | 'secretary' | 'parent_supervisors' | 'grandparent_supervisors';

export type TrafficLight = 'green' | 'yellow' | 'red';

export interface ReminderThresholds {
  /** Working days before the deadline at which the light turns yellow. */
  yellowWorkdaysBefore: number;
  /** Working days after the first red day at which the next level up is told. */
  escalateWorkdaysAfter: number;
}

export const DEFAULT_THRESHOLDS: ReminderThresholds = { yellowWorkdaysBefore: 5, escalateWorkdaysAfter: 5 };

export interface PlannedReminder {
  kind: DeadlineReminderKind;
  /** The day to send it (ISO date). */
  sendOn: string;
  recipients: Recipient[];
  /** True when a date lies past the holiday data: counted Monday–Friday, so an estimate. */
  approximate: boolean;
}

export const RECIPIENTS: Record<ReminderKind, readonly Recipient[]> = {
  approaching: ['owner', 'responsible'],
  due: ['owner', 'responsible', 'secretary'],
  overdue: ['owner', 'responsible', 'secretary', 'parent_supervisors'],
  escalated: ['owner', 'responsible', 'secretary', 'parent_supervisors', 'grandparent_supervisors'],
  review: ['owner', 'responsible', 'secretary'],
};

/** The light a reminder of this kind shows: yellow before and on the deadline, red after it. */
export const REMINDER_LIGHT: Record<ReminderKind, TrafficLight> = {
  approaching: 'yellow',
  due: 'yellow',
  overdue: 'red',
  escalated: 'red',
  review: 'green',
};

export function planReminders(
  deadline: string,
  calendar: WorkingDayCalendar,
  thresholds: ReminderThresholds = DEFAULT_THRESHOLDS,
): PlannedReminder[] {
  const firstRedDay = calendar.addWorkdays(deadline, 1);
  const dates: Record<DeadlineReminderKind, string> = {
    approaching: calendar.addWorkdays(deadline, -thresholds.yellowWorkdaysBefore),
    due: deadline,
    overdue: firstRedDay,
    escalated: calendar.addWorkdays(firstRedDay, thresholds.escalateWorkdaysAfter),
  };
  return (Object.keys(dates) as DeadlineReminderKind[]).map((kind) => ({
    kind,
    sendOn: dates[kind],
    recipients: [...RECIPIENTS[kind]],
    approximate: !calendar.isCovered(dates[kind]) || !calendar.isCovered(deadline),
  }));
}

/** The light an open item shows today. */
export function trafficLight(
  deadline: string,
  today: string,
  calendar: WorkingDayCalendar,
  thresholds: ReminderThresholds = DEFAULT_THRESHOLDS,
): TrafficLight {
  if (today > deadline) return 'red';
  // A deadline stored before dates were bounded may lie past the window: it is far off, green.
  if (deadline > DATE_WINDOW.last) return 'green';
  return today >= calendar.addWorkdays(deadline, -thresholds.yellowWorkdaysBefore) ? 'yellow' : 'green';
}

/** When a long-term (长期坚持整改) item's next progress review is due, in calendar days. */
export function nextReviewDate(lastReviewOn: string, reviewIntervalDays: number): string {
  return addCalendarDays(lastReviewOn, reviewIntervalDays);
}

/** `day` (YYYY-MM-DD) plus `days` calendar days (negative: earlier), as YYYY-MM-DD. */
export function addCalendarDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
