import { type DynamicModule, Module } from '@nestjs/common';
import { databaseLimitsOf } from '@rectify/config';
import { type Database, DatabaseModule, openDatabase } from '@rectify/persistence';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AuthModule } from './auth/auth.module';
import { ClosingLoopModule } from './closing-loop/closing-loop.module';
import { ErrorResponseFilter } from './common/error-response.filter';
import { strictValidationPipe } from './common/strict-validation.pipe';
import { API_CONFIG, type ApiConfig } from './config/api-config';
import { DevMailboxModule } from './dev-mailbox/dev-mailbox.module';
import { DirectoryModule } from './directory/directory.module';
import { HealthModule } from './health/health.module';
import { ItemsModule } from './items/items.module';
import { NotificationCentreModule } from './notification-centre/notification-centre.module';
import { OrganisationRobotsModule } from './organisation-robots/organisation-robots.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { OrganisationPeopleModule } from './organisation-people/organisation-people.module';
import { QueueDashboardModule } from './queue-dashboard/queue-dashboard.module';
import { RemindersModule } from './reminders/reminders.module';
import { ReportsModule } from './reports/reports.module';
import { UsersModule } from './users/users.module';
import { TodoModule } from './todo/todo.module';

@Module({})
export class AppModule {
  /** `sharedDatabase`: the database of the worker running in the same process (embedded mode). */
  static forConfig(config: ApiConfig, sharedDatabase?: Database): DynamicModule {
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
      module: AppModule,
      global: true,
      imports: [
        database,
        AuthModule,
        HealthModule,
        ItemsModule,
        ReportsModule,
        ClosingLoopModule,
        OrganisationsModule,
        OrganisationPeopleModule,
        UsersModule,
        DirectoryModule,
        RemindersModule,
        DevMailboxModule,
        QueueDashboardModule,
        NotificationCentreModule,
        OrganisationRobotsModule,
        TodoModule,
      ],
      providers: [
        { provide: API_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: ErrorResponseFilter },
        { provide: APP_PIPE, useFactory: strictValidationPipe },
      ],
      exports: [API_CONFIG],
    };
  }
}
