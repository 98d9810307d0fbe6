import { type Provider } from '@nestjs/common';
import { type ReminderSettings } from '@rectify/application';
import { ChineseWorkingDayCalendar, type Clock, clockStartingAt, systemClock } from '@rectify/domain';
import { WORKER_CONFIG, type WorkerConfig } from '../config/worker-config';

export const CLOCK = Symbol('CLOCK');
export const REMINDER_SETTINGS = Symbol('REMINDER_SETTINGS');

export const reminderSettingsProviders: Provider[] = [
  {
    provide: CLOCK,
    inject: [WORKER_CONFIG],
    useFactory: (config: WorkerConfig): Clock =>
      config.RECTIFY_CLOCK_START ? clockStartingAt(config.RECTIFY_CLOCK_START) : systemClock,
  },
  {
    provide: REMINDER_SETTINGS,
    inject: [WORKER_CONFIG, CLOCK],
    useFactory: (config: WorkerConfig, clock: Clock): ReminderSettings => ({
      calendar: new ChineseWorkingDayCalendar(),
      clock,
      thresholds: {
        yellowWorkdaysBefore: config.REMINDER_YELLOW_WORKDAYS,
        escalateWorkdaysAfter: config.REMINDER_ESCALATE_WORKDAYS,
      },
      digestTime: config.REMINDER_DIGEST_TIME,
      digestCollectSeconds: config.REMINDER_DIGEST_COLLECT_SECONDS,
      appBaseUrl: config.APP_BASE_URL.replace(/\/$/, ''),
      queueDays: config.REMINDER_QUEUE_DAYS,
    }),
  },
];
