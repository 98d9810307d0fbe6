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
  /**
   * Calendar days ahead whose reminders are held in the queue (入队窗口, `remindersToQueue`); the
   * sweeper adds later ones as they come within it. Whole, ≥ 1.
   */
  queueDays: number;
}
