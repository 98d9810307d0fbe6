import { Module } from '@nestjs/common';
import { DashboardAccess } from './dashboard-access';
import { MonitoredQueues } from './monitored-queues';
import { QueueDashboard } from './queue-dashboard';

@Module({
  providers: [MonitoredQueues, DashboardAccess, QueueDashboard],
  exports: [MonitoredQueues, QueueDashboard],
})
export class QueueDashboardModule {}
