import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { QueueDashboardModule } from '../queue-dashboard/queue-dashboard.module';
import { DatabaseProbe } from './database-probe';
import { HealthController } from './health.controller';
import { RedisProbe } from './redis-probe';

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), QueueDashboardModule],
  controllers: [HealthController],
  providers: [DatabaseProbe, RedisProbe],
})
export class HealthModule {}
