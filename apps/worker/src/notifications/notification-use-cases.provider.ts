import { type Provider } from '@nestjs/common';
import {
  FanOutEventUseCase,
  type Mailer,
  type NotificationSettings,
  NotifyDeadlineTiersUseCase,
  QueueRobotRoundUseCase,
  RestoreNotificationJobsUseCase,
  type RobotSender,
  SendNoticeEmailUseCase,
  SendRobotBatchUseCase,
} from '@rectify/application';
import { type Clock } from '@rectify/domain';
import {
  PgNotificationLedgerRepository,
  PgReminderSubjectsRepository,
  PgRobotTierBacklogRepository,
} from '@rectify/persistence';
import { WORKER_CONFIG, type WorkerConfig } from '../config/worker-config';
import { MAILER } from '../mail/mail.providers';
import { BullReminderQueues } from '../queues/bullmq-reminder-queues';
import { CLOCK } from '../reminders/reminder-settings.provider';
import { HttpRobotSender } from '../robots/http-robot-sender';

export const NOTIFICATION_SETTINGS = Symbol('NOTIFICATION_SETTINGS');
export const ROBOT_SENDER = Symbol('ROBOT_SENDER');

const LEDGER = PgNotificationLedgerRepository;

/** The notification use cases of the worker: fan-out, deadline tiers, robot messages, emails. */
export const notificationProviders: Provider[] = [
  {
    provide: NOTIFICATION_SETTINGS,
    inject: [WORKER_CONFIG, CLOCK],
    useFactory: (config: WorkerConfig, clock: Clock): NotificationSettings => ({
      clock,
      appBaseUrl: config.APP_BASE_URL.replace(/\/$/, ''),
      robotIntervalMs: config.ROBOT_INTERVAL_SECONDS * 1000,
      robotRateLimitWaitMaxMs: config.ROBOT_RATE_LIMIT_WAIT_MAX_SECONDS * 1000,
      noticeCollectMs: config.NOTICE_EMAIL_COLLECT_SECONDS * 1000,
      digestTime: config.REMINDER_DIGEST_TIME,
    }),
  },
  { provide: ROBOT_SENDER, useFactory: (): RobotSender => new HttpRobotSender() },
  {
    provide: FanOutEventUseCase,
    inject: [LEDGER, PgReminderSubjectsRepository, BullReminderQueues, NOTIFICATION_SETTINGS],
    useFactory: (
      ledger: PgNotificationLedgerRepository,
      subjects: PgReminderSubjectsRepository,
      queues: BullReminderQueues,
      settings: NotificationSettings,
    ) => new FanOutEventUseCase(ledger, subjects, queues, settings),
  },
  {
    provide: NotifyDeadlineTiersUseCase,
    inject: [LEDGER, PgRobotTierBacklogRepository, BullReminderQueues, NOTIFICATION_SETTINGS],
    useFactory: (
      ledger: PgNotificationLedgerRepository,
      backlog: PgRobotTierBacklogRepository,
      queues: BullReminderQueues,
      settings: NotificationSettings,
    ) => new NotifyDeadlineTiersUseCase(ledger, backlog, queues, settings),
  },
  {
    provide: SendRobotBatchUseCase,
    inject: [LEDGER, ROBOT_SENDER, BullReminderQueues, NOTIFICATION_SETTINGS],
    useFactory: (
      ledger: PgNotificationLedgerRepository,
      sender: RobotSender,
      queues: BullReminderQueues,
      settings: NotificationSettings,
    ) => new SendRobotBatchUseCase(ledger, sender, queues, settings),
  },
  {
    provide: QueueRobotRoundUseCase,
    inject: [LEDGER, BullReminderQueues, NOTIFICATION_SETTINGS, NotifyDeadlineTiersUseCase],
    useFactory: (
      ledger: PgNotificationLedgerRepository,
      queues: BullReminderQueues,
      settings: NotificationSettings,
      tiers: NotifyDeadlineTiersUseCase,
    ) => new QueueRobotRoundUseCase(ledger, queues, settings, tiers),
  },
  {
    provide: RestoreNotificationJobsUseCase,
    inject: [LEDGER, PgRobotTierBacklogRepository, BullReminderQueues, NOTIFICATION_SETTINGS],
    useFactory: (
      ledger: PgNotificationLedgerRepository,
      backlog: PgRobotTierBacklogRepository,
      queues: BullReminderQueues,
      settings: NotificationSettings,
    ) => new RestoreNotificationJobsUseCase(ledger, backlog, queues, settings),
  },
  {
    provide: SendNoticeEmailUseCase,
    inject: [LEDGER, MAILER, BullReminderQueues, NOTIFICATION_SETTINGS],
    useFactory: (
      ledger: PgNotificationLedgerRepository,
      mailer: Mailer,
      queues: BullReminderQueues,
      settings: NotificationSettings,
    ) => new SendNoticeEmailUseCase(ledger, mailer, queues, settings),
  },
];
