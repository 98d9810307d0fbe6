import { ChineseWorkingDayCalendar } from '../calendar/working-day-calendar';
import { isReminderLive, type ReminderSubject, scheduleReminders } from './reminder-schedule';

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
