import { type WorkingDayCalendar } from '../calendar/working-day-calendar';
import {
  addCalendarDays,
  DEFAULT_THRESHOLDS,
  nextReviewDate,
  planReminders,
  type ReminderKind,
  type ReminderThresholds,
} from './reminder-plan';

/** What the schedule needs to know about an item. */
export interface ReminderSubject {
  itemId: string;
  status: string;
  deadline: string | null;
  reviewIntervalDays: number | null;
  /**
   * The day a long-term item's review interval counts from: its last periodic review
   * (RECORD_LONG_TERM_REVIEW) or the day it became long-term. Not any other change: editing the
   * ledger details or adding a note does not postpone the next review.
   */
  lastReviewedOn: string;
}

/**
 * A reminder that should exist: `dueDate` is the deadline (or review date) it is about, and
 * part of the ledger's key, so moving a deadline makes new reminders instead of reusing old ones.
 */
export interface ScheduledReminder {
  itemId: string;
  kind: ReminderKind;
  dueDate: string;
  sendOn: string;
}

/**
 * The reminders an item should have from `today` on. Items with measures get the deadline
 * tiers; long-term items their next review; all others nothing (identified items have no
 * deadline yet, items pending sign-off wait for the supervisor, completed items are done).
 * Tiers whose day has passed are dropped except the latest one, the item's current tier, which
 * goes out at once: a deadline set close to today still warns its owner, once.
 */
export function scheduleReminders(
  subject: ReminderSubject,
  today: string,
  calendar: WorkingDayCalendar,
  thresholds: ReminderThresholds = DEFAULT_THRESHOLDS,
): ScheduledReminder[] {
  const { itemId } = subject;
  if (subject.status === 'long_term' && subject.reviewIntervalDays) {
    const dueDate = nextReviewDate(subject.lastReviewedOn, subject.reviewIntervalDays);
    return [{ itemId, kind: 'review', dueDate, sendOn: dueDate }];
  }
  if (subject.status !== 'measures_set' || !subject.deadline) return [];
  const deadline = subject.deadline;
  const planned = planReminders(deadline, calendar, thresholds).map((p) => ({
    itemId,
    kind: p.kind,
    dueDate: deadline,
    sendOn: p.sendOn,
  }));
  const current = planned.filter((r) => r.sendOn <= today).at(-1);
  return planned.filter((r) => r.sendOn > today || r === current);
}

/** True when a reminder job still describes the item: otherwise it is stale and skipped. */
export function isReminderLive(
  reminder: Pick<ScheduledReminder, 'kind' | 'dueDate'>,
  subject: ReminderSubject,
  today: string,
  calendar: WorkingDayCalendar,
  thresholds: ReminderThresholds = DEFAULT_THRESHOLDS,
): boolean {
  return scheduleReminders(subject, today, calendar, thresholds).some(
    (r) => r.kind === reminder.kind && r.dueDate === reminder.dueDate,
  );
}

/**
 * The reminders of a schedule to hold in the queue now (入队窗口): those sent on or before `today`
 * plus `queueDays` calendar days. Later ones wait in the database, and the sweeper adds them as
 * they come within the window, so the queue holds the next few days' reminders rather than a
 * year's (four per item with a deadline). `today` is YYYY-MM-DD (Asia/Shanghai); `queueDays` a
 * whole number ≥ 1, checked by the worker's configuration.
 */
export function remindersToQueue<R extends Pick<ScheduledReminder, 'sendOn'>>(
  schedule: R[],
  today: string,
  queueDays: number,
): R[] {
  const lastDay = addCalendarDays(today, queueDays);
  return schedule.filter((r) => r.sendOn <= lastDay);
}
