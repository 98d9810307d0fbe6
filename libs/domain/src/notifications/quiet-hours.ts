import { shanghaiDate, shanghaiInstant } from '../calendar/shanghai-time';

/**
 * Quiet hours (免打扰时段) of a group robot, in Beijing time: no message is sent from `from` until
 * `until` (both 'HH:MM'); what falls due meanwhile is held and sent at `until`. `from` after
 * `until` spans midnight (22:00–07:00); equal times mean no quiet hours.
 */
export interface QuietHours {
  from: string;
  until: string;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { from: '22:00', until: '07:00' };

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Whether `value` is a time of day 'HH:MM' (00:00–23:59). */
export const isTimeOfDay = (value: string): boolean => HHMM.test(value);

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * When the quiet hours holding `instant` end, or null when `instant` is outside them (or there
 * are none). Throws RangeError for a time that is not 'HH:MM'.
 */
export function quietHoursEnd(instant: Date, quiet: QuietHours | null): Date | null {
  if (!quiet) return null;
  if (!isTimeOfDay(quiet.from) || !isTimeOfDay(quiet.until)) {
    throw new RangeError(`quiet hours must be HH:MM, got ${quiet.from}–${quiet.until}`);
  }
  const from = minutes(quiet.from);
  const until = minutes(quiet.until);
  if (from === until) return null;
  const day = shanghaiDate(instant);
  const now = Math.floor((instant.getTime() - shanghaiInstant(day).getTime()) / 60_000);
  const quietNow = from < until ? now >= from && now < until : now >= from || now < until;
  if (!quietNow) return null;
  // Ends today when the end is still ahead of now, otherwise tomorrow (a span over midnight).
  const endToday = shanghaiInstant(day, quiet.until);
  if (endToday.getTime() > instant.getTime()) return endToday;
  const tomorrow = shanghaiDate(new Date(shanghaiInstant(day).getTime() + 36 * 3_600_000));
  return shanghaiInstant(tomorrow, quiet.until);
}
