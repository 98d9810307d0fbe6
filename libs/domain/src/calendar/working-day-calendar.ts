import chineseDays from 'chinese-days';
import calendarData from 'chinese-days/dist/chinese-days.json';

/**
 * Working days on the Chinese calendar: weekends and public holidays are off, and 调休
 * make-up days (a Saturday or Sunday worked in exchange for a longer holiday) are on.
 *
 * The holiday data (package `chinese-days`) covers the years up to `coveredUntilYear`; the
 * State Council publishes each year's schedule late in the year before. Past that year the
 * calendar falls back to Monday–Friday and says so (`isCovered`), so callers can tell people
 * that a date is an estimate rather than silently being wrong about holidays.
 */
export interface WorkingDayCalendar {
  readonly coveredUntilYear: number;
  isCovered(date: string): boolean;
  isWorkday(date: string): boolean;
  /** The date `n` working days after (n > 0) or before (n < 0) `date`. */
  addWorkdays(date: string, n: number): string;
  /** Working days after `from` up to and including `to` (0 when `to` is not later). */
  workdaysBetween(from: string, to: string): number;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** True for a day that exists, as YYYY-MM-DD (2025-02-30 is refused; Date.parse would roll it over). */
export function isIsoDay(date: string): boolean {
  if (!ISO.test(date)) return false;
  const time = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(date);
}

function assertIsoDate(date: string): void {
  if (!isIsoDay(date)) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${date}`);
}

function shiftDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const lastDataYear = Math.max(
  ...Object.keys((calendarData as { holidays: Record<string, string> }).holidays).map((d) =>
    Number(d.slice(0, 4)),
  ),
);

export class ChineseWorkingDayCalendar implements WorkingDayCalendar {
  readonly coveredUntilYear = lastDataYear;
  // Reminder scheduling asks about the same few dates for thousands of items; the package's
  // lookup costs microseconds a call, a Map lookup nanoseconds.
  private readonly workdays = new Map<string, boolean>();

  isCovered(date: string): boolean {
    assertIsoDate(date);
    return Number(date.slice(0, 4)) <= this.coveredUntilYear;
  }

  isWorkday(date: string): boolean {
    let workday = this.workdays.get(date);
    if (workday === undefined) {
      workday = this.isCovered(date)
        ? chineseDays.isWorkday(date)
        : ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
      this.workdays.set(date, workday);
    }
    return workday;
  }

  addWorkdays(date: string, n: number): string {
    assertIsoDate(date);
    const step = n >= 0 ? 1 : -1;
    let remaining = Math.abs(n);
    let current = date;
    while (remaining > 0) {
      current = shiftDays(current, step);
      if (this.isWorkday(current)) remaining--;
    }
    return current;
  }

  workdaysBetween(from: string, to: string): number {
    assertIsoDate(from);
    assertIsoDate(to);
    let count = 0;
    for (let d = shiftDays(from, 1); d <= to; d = shiftDays(d, 1)) if (this.isWorkday(d)) count++;
    return count;
  }
}
