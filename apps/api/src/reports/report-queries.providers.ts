import { type Provider } from '@nestjs/common';
import { GetReportTextUseCase, GetReportUseCase, ListReportsUseCase } from '@rectify/application';
import { REPOSITORIES, type Repositories } from '@rectify/persistence';

/** The report reads (list, detail, text), each over the viewers and report-query repositories. */
export const REPORT_QUERY_PROVIDERS: Provider[] = [
  ListReportsUseCase,
  GetReportUseCase,
  GetReportTextUseCase,
].map((UseCase) => ({
  provide: UseCase,
  inject: [REPOSITORIES],
  useFactory: (r: Repositories) => new UseCase(r.viewers, r.reportQueries),
}));
