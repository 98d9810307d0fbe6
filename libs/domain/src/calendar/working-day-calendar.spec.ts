import fc from 'fast-check';
import { DATE_WINDOW, DateOutsideWindowError } from './date-window';
import { ChineseWorkingDayCalendar, isIsoDay } from './working-day-calendar';

describe('ChineseWorkingDayCalendar', () => {
  const calendar = new ChineseWorkingDayCalendar();

  it('treats public holidays as days off and 调休 weekend days as workdays', () => {
    expect(calendar.isWorkday('2024-10-01')).toBe(false); // 国庆节
    expect(calendar.isWorkday('2024-10-07')).toBe(false);
    expect(calendar.isWorkday('2024-09-29')).toBe(true); // Sunday, made up for National Day
    expect(calendar.isWorkday('2024-10-12')).toBe(true); // Saturday, made up for National Day
    expect(calendar.isWorkday('2024-02-12')).toBe(false); // 春节, a Monday
    expect(calendar.isWorkday('2024-06-15')).toBe(false); // an ordinary Saturday
  });

  it('counts working days across the National Day holiday', () => {
    expect(calendar.addWorkdays('2024-10-08', -3)).toBe('2024-09-27');
    expect(calendar.addWorkdays('2024-09-30', 1)).toBe('2024-10-08');
    expect(calendar.addWorkdays('2024-09-28', 2)).toBe('2024-09-30');
    expect(calendar.addWorkdays('2024-10-08', 0)).toBe('2024-10-08');
  });

  it('says which years its holiday data covers and falls back to Monday–Friday after them', () => {
    expect(calendar.coveredUntilYear).toBeGreaterThanOrEqual(2026);
    const beyond = `${calendar.coveredUntilYear + 1}`;
    expect(calendar.isCovered(`${beyond}-03-02`)).toBe(false);
    expect(calendar.isCovered('2024-03-01')).toBe(true);
    // Past the data, 1 October is an ordinary weekday unless it falls on a weekend.
    const oct1 = new Date(`${beyond}-10-01T00:00:00Z`).getUTCDay();
    expect(calendar.isWorkday(`${beyond}-10-01`)).toBe(oct1 !== 0 && oct1 !== 6);
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => calendar.isWorkday('2024/10/01')).toThrow(/ISO date/);
  });
});

describe('workdaysBetween', () => {
  const calendar = new ChineseWorkingDayCalendar();
  it('counts the working days after one date up to another, skipping the holiday', () => {
    // 30 Sept (Mon) → 8 Oct (Tue): 1–7 Oct are off, so only 8 Oct counts.
    expect(calendar.workdaysBetween('2024-09-30', '2024-10-08')).toBe(1);
    expect(calendar.workdaysBetween('2024-10-08', '2024-10-14')).toBe(5); // 9–11, 12 (a worked Saturday), 14
    expect(calendar.workdaysBetween('2024-10-08', '2024-10-08')).toBe(0);
  });
});

describe('isIsoDay', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-02-30', false],
    ['2025-13-01', false],
    ['2025-01-10T08:00:00Z', false],
    ['2025-W02', false],
    ['20250110', false],
  ])('%s → %s', (date, valid) => expect(isIsoDay(date)).toBe(valid));

  it('agrees with the calendar of Date on every YYYY-MM-DD string, existing or not', () => {
    // Date rolls 2025-02-30 over to March: a string is a day when it survives the round trip.
    const byDate = (s: string) => {
      const time = Date.parse(`${s}T00:00:00Z`);
      return !Number.isNaN(time) && new Date(time).toISOString().startsWith(s);
    };
    const two = (n: number) => String(n).padStart(2, '0');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        (y, m, d) => {
          const s = `${String(y).padStart(4, '0')}-${two(m)}-${two(d)}`;
          expect(isIsoDay(s)).toBe(byDate(s));
        },
      ),
      { numRuns: 20_000 },
    );
    for (const year of [1900, 2000, 2024, 2100]) {
      expect(isIsoDay(`${year}-02-29`)).toBe(byDate(`${year}-02-29`));
    }
  });
});

describe('the calendar outside the date window', () => {
  const calendar = new ChineseWorkingDayCalendar();

  it('refuses to add working days to a day outside the window instead of walking to it', () => {
    expect(() => calendar.addWorkdays('9999-12-31', -5)).toThrow(DateOutsideWindowError);
    expect(() => calendar.addWorkdays('0000-01-01', 1)).toThrow(DateOutsideWindowError);
  });

  it('refuses a result that would leave the window, every time it is asked (refusals are not remembered)', () => {
    for (let i = 0; i < 2; i++) {
      expect(() => calendar.addWorkdays('2100-12-30', 5)).toThrow(DateOutsideWindowError);
      expect(() => calendar.addWorkdays('2024-10-08', 100_000)).toThrow(DateOutsideWindowError);
      expect(() => calendar.addWorkdays('2024-02-30', 1)).toThrow(RangeError);
    }
  });

  it('answers a remembered shift as it first did, after more shifts than it remembers', () => {
    const first = calendar.addWorkdays('2024-09-30', 1);
    // 60,000 different questions: more than the calendar keeps.
    for (let i = 0; i < 30_000; i++) {
      const day = new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      calendar.addWorkdays(day, 1);
      calendar.addWorkdays(day, -2);
    }
    expect(calendar.addWorkdays('2024-09-30', 1)).toBe(first);
    expect(first).toBe('2024-10-08');
  });

  it('counts working days up to a far date as up to the end of the window', () => {
    expect(calendar.workdaysBetween('2024-10-08', '9999-12-31')).toBe(
      calendar.workdaysBetween('2024-10-08', DATE_WINDOW.last),
    );
    expect(calendar.workdaysBetween('0000-01-01', '1990-01-10')).toBe(
      calendar.workdaysBetween(DATE_WINDOW.first, '1990-01-10'),
    );
  });

  it('counts Monday–Friday past the holiday data exactly as walking day by day would', () => {
    const from = `${calendar.coveredUntilYear}-12-20`;
    const to = `${calendar.coveredUntilYear + 3}-02-14`;
    let walked = 0;
    for (let d = new Date(`${from}T00:00:00Z`); ;) {
      d.setUTCDate(d.getUTCDate() + 1);
      const day = d.toISOString().slice(0, 10);
      if (day > to) break;
      if (calendar.isWorkday(day)) walked++;
    }
    expect(calendar.workdaysBetween(from, to)).toBe(walked);
  });
});
