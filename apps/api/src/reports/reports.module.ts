import { Module, type OnApplicationShutdown } from '@nestjs/common';
import { closeReportWorkPool, ImportReportUseCase, RemoveImportUseCase } from '@rectify/application';
import { REPOSITORIES, type Repositories } from '@rectify/persistence';
import { ReportsController } from './reports.controller';
import { REPORT_QUERY_PROVIDERS } from './report-queries.providers';

@Module({
  controllers: [ReportsController],
  providers: [
    ...REPORT_QUERY_PROVIDERS,
    {
      provide: ImportReportUseCase,
      inject: [REPOSITORIES],
      useFactory: (r: Repositories) => new ImportReportUseCase(r),
    },
    {
      provide: RemoveImportUseCase,
      inject: [REPOSITORIES],
      useFactory: (r: Repositories) => new RemoveImportUseCase(r.viewers, r.reports),
    },
  ],
})
export class ReportsModule implements OnApplicationShutdown {
  /** Reports are read in worker threads (report-work-pool.ts): none outlives the application. */
  onApplicationShutdown(): Promise<void> {
    return closeReportWorkPool();
  }
}
