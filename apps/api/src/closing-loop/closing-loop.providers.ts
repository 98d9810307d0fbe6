import { type Provider } from '@nestjs/common';
import {
  BuildLedgerUseCase,
  ExportLedgerUseCase,
  GenerateLastYearSectionUseCase,
  OverdueTrendUseCase,
  ReconcileReportFileUseCase,
  ReconcileStoredReportUseCase,
  SummariseOrganisationUseCase,
} from '@rectify/application';
import { REPOSITORIES, type Repositories } from '@rectify/persistence';

/** The closing-the-loop use cases, each over the repositories it reads (organisations, viewers, tracked items, reports). */
export const CLOSING_LOOP_PROVIDERS: Provider[] = [
  GenerateLastYearSectionUseCase,
  SummariseOrganisationUseCase,
  BuildLedgerUseCase,
  ExportLedgerUseCase,
  OverdueTrendUseCase,
  ReconcileReportFileUseCase,
  ReconcileStoredReportUseCase,
].map((UseCase) => ({
  provide: UseCase,
  inject: [REPOSITORIES],
  useFactory: (r: Repositories) => new UseCase(r),
}));
