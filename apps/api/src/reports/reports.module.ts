import { Module, type OnApplicationShutdown } from '@nestjs/common';
import { closeReportWorkPool } from '@rectify/application';
import { ReportsController } from './reports.controller';

@Module({ controllers: [ReportsController] })
export class ReportsModule implements OnApplicationShutdown {
  /** Reports are read in worker threads (report-work-pool.ts): none outlives the application. */
  onApplicationShutdown(): Promise<void> {
    return closeReportWorkPool();
  }
}
