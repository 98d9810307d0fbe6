/**
 * Dates in China's time zone (Asia/Shanghai, UTC+8 all year, no daylight saving): "today" for
 * a deadline, and the instant a day's reminders or digests are due.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar date (YYYY-MM-DD) in Shanghai at `instant`. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant of `time` (HH:MM) on `date` in Shanghai. */
export function shanghaiInstant(date: string, time = '00:00'): Date {
  const instant = new Date(`${date}T${time}:00+08:00`);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`not a date and time: ${date} ${time}`);
  return instant;
}

/** Something that tells the time; tests and the benchmark start it at a chosen instant. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that starts at `start` and then runs at real speed. */
export function clockStartingAt(start: Date): Clock {
  const offset = start.getTime() - Date.now();
  return { now: () => new Date(Date.now() + offset) };
}
