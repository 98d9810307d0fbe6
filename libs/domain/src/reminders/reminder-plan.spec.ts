import { ChineseWorkingDayCalendar } from '../calendar/working-day-calendar';
import { nextReviewDate, planReminders, trafficLight } from './reminder-plan';

const calendar = new ChineseWorkingDayCalendar();

describe('planReminders', () => {
  it('counts the yellow, red and escalation days in working days across a holiday', () => {
    // Deadline just after National Day 2024 (1–7 October off, 29 Sept and 12 Oct worked).
    expect(
      planReminders('2024-10-08', calendar, { yellowWorkdaysBefore: 3, escalateWorkdaysAfter: 4 }),
    ).toEqual([
      { kind: 'approaching', sendOn: '2024-09-27', recipients: ['owner', 'responsible'], approximate: false },
      {
        kind: 'due',
        sendOn: '2024-10-08',
        recipients: ['owner', 'responsible', 'secretary'],
        approximate: false,
      },
      {
        kind: 'overdue',
        sendOn: '2024-10-09',
        recipients: ['owner', 'responsible', 'secretary', 'parent_supervisors'],
        approximate: false,
      },
      {
        kind: 'escalated',
        // 10, 11, 12 (a Saturday worked in exchange) and 14 October.
        sendOn: '2024-10-14',
        recipients: ['owner', 'responsible', 'secretary', 'parent_supervisors', 'grandparent_supervisors'],
        approximate: false,
      },
    ]);
  });

  it('turns red on the first working day after a deadline that falls before a holiday', () => {
    const overdue = planReminders('2024-09-30', calendar).find((r) => r.kind === 'overdue');
    expect(overdue?.sendOn).toBe('2024-10-08');
  });

  it('marks dates past the holiday data as estimates', () => {
    const year = calendar.coveredUntilYear + 1;
    expect(planReminders(`${year}-06-30`, calendar).every((r) => r.approximate)).toBe(true);
  });
});

describe('trafficLight', () => {
  it('is green, then yellow within the threshold, then red after the deadline', () => {
    const t = { yellowWorkdaysBefore: 3, escalateWorkdaysAfter: 5 };
    expect(trafficLight('2024-10-08', '2024-09-26', calendar, t)).toBe('green');
    expect(trafficLight('2024-10-08', '2024-09-27', calendar, t)).toBe('yellow');
    expect(trafficLight('2024-10-08', '2024-10-08', calendar, t)).toBe('yellow');
    expect(trafficLight('2024-10-08', '2024-10-09', calendar, t)).toBe('red');
  });
});

describe('nextReviewDate', () => {
  it('adds the review interval in calendar days', () => {
    expect(nextReviewDate('2024-12-15', 30)).toBe('2025-01-14');
  });
});
