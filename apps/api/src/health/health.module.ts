import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { QueueDashboardModule } from '../queue-dashboard/queue-dashboard.module';
import { REMINDER_FIGURES_PROVIDER } from '../reminders/reminder-queries.providers';
import { HealthController } from './health.controller';
import { RedisProbe } from './redis-probe';

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), QueueDashboardModule],
  controllers: [HealthController],
  providers: [RedisProbe, REMINDER_FIGURES_PROVIDER],
})
export class HealthModule {}
