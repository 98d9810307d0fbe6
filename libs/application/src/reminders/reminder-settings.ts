import { type Clock, type ReminderThresholds, type WorkingDayCalendar } from '@rectify/domain';

/** How reminders are timed and linked; validated by the worker's configuration. */
export interface ReminderSettings {
  calendar: WorkingDayCalendar;
  clock: Clock;
  thresholds: ReminderThresholds;
  /** When the day's digest goes out (HH:MM, Asia/Shanghai). */
  digestTime: string;
  /** How long a digest waits for more items once its time has passed (a late burst). */
  digestCollectSeconds: number;
  /** Where a person opens an item: `${appBaseUrl}/items/${id}`. */
  appBaseUrl: string;
}
