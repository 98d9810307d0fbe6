import chineseDays from 'chinese-days';
import calendarData from 'chinese-days/dist/chinese-days.json';
import { DATE_WINDOW, DateOutsideWindowError, isIsoDay } from './date-window';

export { isIsoDay };

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
  /**
   * The date `n` working days after (n > 0) or before (n < 0) `date`. Throws
   * `DateOutsideWindowError` when `date` or the result lies outside `DATE_WINDOW`.
   */
  addWorkdays(date: string, n: number): string;
  /**
   * Working days after `from` up to and including `to` (0 when `to` is not later). Days outside
   * `DATE_WINDOW` count as the window's edge, so the count always ends.
   */
  workdaysBetween(from: string, to: string): number;
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
  // The same few (deadline, offset) pairs come back for every item of a deadline cluster: a
  // storm's relay, its jobs and the sweeper ask them hundreds of thousands of times. Bounded:
  // emptied when full, so a long-running worker never grows it past this many answers.
  private readonly shifted = new Map<string, string>();
  private static readonly SHIFTED_MAX = 50_000;

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
    const key = `${date}|${n}`;
    const known = this.shifted.get(key);
    if (known !== undefined) return known;
    assertInWindow(date);
    const step = n >= 0 ? 1 : -1;
    let remaining = Math.abs(n);
    let current = date;
    while (remaining > 0) {
      // shiftDays yields an existing day: only the window is left to check. Leaving it ends the
      // walk, which is thus at most the window's length in days.
      current = shiftDays(current, step);
      if (current < DATE_WINDOW.first || current > DATE_WINDOW.last)
        throw new DateOutsideWindowError(current);
      if (this.isWorkday(current)) remaining--;
    }
    if (this.shifted.size >= ChineseWorkingDayCalendar.SHIFTED_MAX) this.shifted.clear();
    this.shifted.set(key, current);
    return current;
  }

  workdaysBetween(from: string, to: string): number {
    assertIsoDate(from);
    assertIsoDate(to);
    const start = clampToWindow(from);
    const end = clampToWindow(to);
    if (end <= start) return 0;
    // Day by day while the holiday data applies; past it, Monday–Friday by arithmetic.
    const lastCovered = `${this.coveredUntilYear}-12-31`;
    const walkEnd = end < lastCovered ? end : lastCovered;
    let count = walkEnd > start ? coveredWorkdaysThrough(walkEnd) - coveredWorkdaysThrough(start) : 0;
    const tailStart = start > lastCovered ? start : lastCovered;
    if (end > tailStart) count += weekdaysAfter(tailStart, end);
    return count;
  }
}

function assertInWindow(date: string): void {
  assertIsoDate(date);
  if (date < DATE_WINDOW.first || date > DATE_WINDOW.last) throw new DateOutsideWindowError(date);
}

function clampToWindow(date: string): string {
  if (date < DATE_WINDOW.first) return DATE_WINDOW.first;
  return date > DATE_WINDOW.last ? DATE_WINDOW.last : date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);

// Running count of the holiday data's working days from DATE_WINDOW.first, one entry a day up
// to the last covered year: workdaysBetween is then two lookups instead of a walk of every day
// (a summary of 50,000 items, half of them a year overdue, walked millions of days). The data
// never changes while the process runs, so it is built once, on first use (about 13,000 days).
let cumulativeWorkdays: Int32Array | null = null;

/** Working days (holiday data) from DATE_WINDOW.first up to and including `date` (≤ last covered day). */
function coveredWorkdaysThrough(date: string): number {
  if (cumulativeWorkdays === null) {
    const first = dayNumber(DATE_WINDOW.first);
    const table = new Int32Array(dayNumber(`${lastDataYear}-12-31`) - first + 1);
    let count = 0;
    for (let k = 0, d: string = DATE_WINDOW.first; k < table.length; k++, d = shiftDays(d, 1)) {
      if (chineseDays.isWorkday(d)) count++;
      table[k] = count;
    }
    cumulativeWorkdays = table;
  }
  return cumulativeWorkdays[dayNumber(date) - dayNumber(DATE_WINDOW.first)];
}

/** Monday–Friday days after `from` up to and including `to` (`from` < `to`). */
function weekdaysAfter(from: string, to: string): number {
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
  let count = Math.floor(days / 7) * 5;
  let weekday = new Date(`${from}T00:00:00Z`).getUTCDay();
  for (let i = 0; i < days % 7; i++) {
    weekday = (weekday + 1) % 7;
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}
