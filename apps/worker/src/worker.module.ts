import { type DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { databaseLimitsOf } from '@rectify/config';
import { type Database, DatabaseModule, openDatabase } from '@rectify/persistence';
import { WORKER_CONFIG, type WorkerConfig } from './config/worker-config';
import { DigestsProcessor } from './digests/digests.processor';
import { HealthController } from './health/health.controller';
import { WarningSummary } from './logging/warning-summary';
import { mailProviders } from './mail/mail.providers';
import { notificationProviders } from './notifications/notification-use-cases.provider';
import { NotificationsProcessor } from './notifications/notifications.processor';
import { maintenanceUseCaseProviders } from './maintenance/maintenance-use-cases.provider';
import { OutboxRelay } from './maintenance/outbox-relay.service';
import { SweeperProcessor } from './maintenance/sweeper.processor';
import { BullReminderQueues } from './queues/bullmq-reminder-queues';
import { JobHandlerRegistry } from './queues/job-handler-registry';
import { QueueWorkers } from './queues/queue-workers.service';
import { RedisConnection } from './redis/redis-connection';
import { RedisOutageLog } from './redis/redis-outage-log';
import { reminderSettingsProviders } from './reminders/reminder-settings.provider';
import { RemindersProcessor } from './reminders/reminders.processor';
import { reminderUseCaseProviders } from './reminders/reminder-use-cases.provider';

@Module({})
export class WorkerModule {
  /** `sharedDatabase`: the API's database when both run in one process (embedded mode). */
  static forConfig(config: WorkerConfig, sharedDatabase?: Database): DynamicModule {
    const database = DatabaseModule.forRoot({
      open: async () =>
        sharedDatabase ??
        openDatabase({
          databaseUrl: config.DATABASE_URL,
          dataDir: config.RECTIFY_DATA_DIR,
          limits: databaseLimitsOf(config),
        }),
      closeOnShutdown: !sharedDatabase,
    });
    return {
      module: WorkerModule,
      imports: [TerminusModule.forRoot({ logger: false }), database],
      controllers: [HealthController],
      providers: [
        { provide: WORKER_CONFIG, useValue: config },
        RedisConnection,
        WarningSummary,
        RedisOutageLog,
        ...reminderSettingsProviders,
        ...mailProviders,
        BullReminderQueues,
        ...notificationProviders,
        ...reminderUseCaseProviders,
        ...maintenanceUseCaseProviders,
        JobHandlerRegistry,
        RemindersProcessor,
        NotificationsProcessor,
        DigestsProcessor,
        SweeperProcessor,
        QueueWorkers,
        OutboxRelay,
      ],
    };
  }
}
