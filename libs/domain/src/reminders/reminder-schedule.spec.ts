import { ChineseWorkingDayCalendar } from '../calendar/working-day-calendar';
import {
  isReminderLive,
  type ReminderSubject,
  remindersToQueue,
  scheduleReminders,
} from './reminder-schedule';

const calendar = new ChineseWorkingDayCalendar();
const thresholds = { yellowWorkdaysBefore: 3, escalateWorkdaysAfter: 2 };
const item = (over: Partial<ReminderSubject>): ReminderSubject => ({
  itemId: 'i1',
  status: 'measures_set',
  deadline: '2024-10-08',
  reviewIntervalDays: null,
  lastReviewedOn: '2024-09-01',
  ...over,
});

describe('scheduleReminders', () => {
  it('schedules every tier of a deadline still ahead', () => {
    expect(
      scheduleReminders(item({}), '2024-09-20', calendar, thresholds).map((r) => [r.kind, r.sendOn]),
    ).toEqual([
      ['approaching', '2024-09-27'],
      ['due', '2024-10-08'],
      ['overdue', '2024-10-09'],
      ['escalated', '2024-10-11'],
    ]);
  });

  it('keeps only the current tier of those whose day has passed, so it still goes out once', () => {
    expect(scheduleReminders(item({}), '2024-10-10', calendar, thresholds).map((r) => r.kind)).toEqual([
      'overdue',
      'escalated',
    ]);
  });

  it('gives a long-term item its next review, counted from its last review', () => {
    expect(
      scheduleReminders(
        item({ status: 'long_term', reviewIntervalDays: 30 }),
        '2024-09-02',
        calendar,
        thresholds,
      ),
    ).toEqual([{ itemId: 'i1', kind: 'review', dueDate: '2024-10-01', sendOn: '2024-10-01' }]);
  });

  it.each(['identified', 'pending_review', 'completed'])('gives a %s item nothing', (status) => {
    expect(scheduleReminders(item({ status }), '2024-09-20', calendar, thresholds)).toEqual([]);
  });
});

describe('isReminderLive', () => {
  it('is false once the deadline moved, the item was completed, or a later tier is due', () => {
    const due = { kind: 'due' as const, dueDate: '2024-10-08' };
    expect(isReminderLive(due, item({}), '2024-10-08', calendar, thresholds)).toBe(true);
    expect(isReminderLive(due, item({ deadline: '2024-10-15' }), '2024-10-08', calendar, thresholds)).toBe(
      false,
    );
    expect(isReminderLive(due, item({ status: 'completed' }), '2024-10-08', calendar, thresholds)).toBe(
      false,
    );
    expect(isReminderLive(due, item({}), '2024-10-09', calendar, thresholds)).toBe(false);
  });
});

describe('remindersToQueue', () => {
  const kinds = (today: string, days: number) =>
    remindersToQueue(scheduleReminders(item({}), today, calendar, thresholds), today, days).map(
      (r) => r.kind,
    );

  it('holds the reminders sent up to that many calendar days ahead, the current tier included', () => {
    // 2024-09-27 (approaching) is 7 days after 09-20; 10-08 (due) 18 days.
    expect(kinds('2024-09-20', 2)).toEqual([]);
    expect(kinds('2024-09-20', 7)).toEqual(['approaching']);
    expect(kinds('2024-09-25', 2)).toEqual(['approaching']);
    // The due tier (10-08) comes within two days on 10-06; approaching, sent, is the current tier.
    expect(kinds('2024-10-05', 2)).toEqual(['approaching']);
    expect(kinds('2024-10-06', 2)).toEqual(['approaching', 'due']);
    // The current tier, whose day has passed, always stays.
    expect(kinds('2024-10-10', 1)).toEqual(['overdue', 'escalated']);
    expect(kinds('2024-10-12', 1)).toEqual(['escalated']);
  });

  it('crosses months and years by the calendar', () => {
    const late = item({ deadline: '2025-01-02' });
    const queued = (today: string) =>
      remindersToQueue(scheduleReminders(late, today, calendar, thresholds), today, 3).map((r) => r.sendOn);
    // Approaching on Friday 2024-12-27 (New Year's Day is a holiday), due on 2025-01-02.
    expect(queued('2024-12-29')).toEqual(['2024-12-27']);
    expect(queued('2024-12-30')).toEqual(['2024-12-27', '2025-01-02']);
  });
});
