import { ChineseWorkingDayCalendar, type ReminderSubject } from '@rectify/domain';
import { type ReminderSettings } from '../reminders/reminder-settings';

/** The unit tests' day: Tuesday 12 November 2024, 08:00 in Shanghai. */
export const TODAY = '2024-11-12';
export const NOW = new Date(`${TODAY}T08:00:00+08:00`);

const calendar = new ChineseWorkingDayCalendar();

/** A deadline whose yellow (approaching) reminder is due TODAY. */
export const DEADLINE = calendar.addWorkdays(TODAY, 3);

/** A deadline stored before dates were bounded: the calendar refuses to count towards it. */
export const POISON_DEADLINE = '9999-12-31';

/** Reminder settings for unit tests: a clock standing at `now`, digests at 17:00. */
export function reminderSettings(now: Date = NOW): ReminderSettings & { clock: { now(): Date; at: Date } } {
  const clock = { at: now, now: () => clock.at };
  return {
    calendar,
    clock,
    thresholds: { yellowWorkdaysBefore: 3, escalateWorkdaysAfter: 5 },
    digestTime: '17:00',
    digestCollectSeconds: 60,
    appBaseUrl: 'https://rectify.example',
    queueDays: 2,
  };
}

/** A uuid made from a small number, readable in test output. */
export const uuid = (n: number, prefix = '0'): string =>
  `${prefix.repeat(8)}-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** An item with measures and `deadline`, the subject of deadline reminders. */
export const measuresSet = (itemId: string, deadline = DEADLINE): ReminderSubject => ({
  itemId,
  status: 'measures_set',
  deadline,
  reviewIntervalDays: null,
  lastReviewedOn: TODAY,
});
