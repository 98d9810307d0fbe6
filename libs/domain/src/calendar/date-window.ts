/**
 * The one window of calendar days the product accepts from people: deadlines, extension dates,
 * review dates and the `asOf` day of reports all lie in it. Outside it a date is a typing
 * mistake (9999-12-31, 0000-01-01), and the working-day calendar would loop over thousands of
 * years for it; PostgreSQL has no year 0. Every check (workflow payload rules, API DTOs, the
 * CLI, the calendar itself) uses these values, so the window is changed here only.
 */
export const DATE_WINDOW = {
  /** First accepted day (YYYY-MM-DD), inclusive. */
  first: '1990-01-01',
  /** Last accepted day (YYYY-MM-DD), inclusive. */
  last: '2100-12-31',
  firstYear: 1990,
  lastYear: 2100,
} as const;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * True for a day that exists, as YYYY-MM-DD (2025-02-30 is refused; Date.parse would roll it
 * over). Plain arithmetic, no Date: the reminder worker asks this for every day it walks.
 */
export function isIsoDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const parts = ISO_DAY.exec(value);
  if (!parts) return false;
  const year = Number(parts[1]);
  const month = Number(parts[2]);
  const day = Number(parts[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
}

/** True for an existing YYYY-MM-DD day inside {@link DATE_WINDOW} (both ends included). */
export function isDayInWindow(value: unknown): value is string {
  return isIsoDay(value) && value >= DATE_WINDOW.first && value <= DATE_WINDOW.last;
}

/** True for an integer year inside {@link DATE_WINDOW}. */
export function isYearInWindow(value: unknown): value is number {
  return (
    Number.isInteger(value) &&
    (value as number) >= DATE_WINDOW.firstYear &&
    (value as number) <= DATE_WINDOW.lastYear
  );
}

/**
 * What is wrong with a day a person gave, as a Chinese sentence naming the field (`label`, e.g.
 * `完成时限`), or null when it is an existing day inside the window.
 */
export function dayProblem(value: unknown, label: string): string | null {
  if (!isIsoDay(value)) return `${label}必须是 YYYY-MM-DD 格式的有效日期，如 2025-06-30。`;
  if (!isDayInWindow(value)) {
    return `${label}"${value}"超出允许范围：请填写${DATE_WINDOW.firstYear}至${DATE_WINDOW.lastYear}年间的日期（${DATE_WINDOW.first} 至 ${DATE_WINDOW.last}）。`;
  }
  return null;
}

/**
 * Thrown by calendar arithmetic asked about a day outside the window: refusing is what keeps a
 * stray date from turning a working-day count into a loop over millennia.
 */
export class DateOutsideWindowError extends RangeError {
  readonly code = 'DATE_OUT_OF_RANGE';
  constructor(readonly date: string) {
    super(`date outside ${DATE_WINDOW.first}..${DATE_WINDOW.last}: ${date}`);
    this.name = 'DateOutsideWindowError';
  }
}
