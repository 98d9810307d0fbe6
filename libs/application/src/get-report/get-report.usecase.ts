import {
  type ReportQueriesRepository,
  type ReportRecord,
  type ViewersRepository,
} from '@rectify/persistence';
import { isUuid } from '../common/is-uuid';
import { ApplicationError } from '../errors/application-error';
import { requireViewer } from '../item-queries/require-viewer';

export interface GetReportCommand {
  userId: string;
  reportId: string;
}

/** Absent, malformed and out of scope read the same: nothing about another's report leaks. */
export const reportNotFound = (reportId: string) =>
  new ApplicationError('REPORT_NOT_FOUND', '报告不存在，或不在您的管理范围内：请检查编号。', { reportId });

/**
 * One imported report as the user may see it, with what was extracted from it. Errors: REPORT_NOT_FOUND (absent, malformed id or out of scope:
 * the three read the same), USER_NOT_FOUND.
 */
export class GetReportUseCase {
  constructor(
    private readonly viewers: ViewersRepository,
    private readonly reportQueries: ReportQueriesRepository,
  ) {}

  async execute(command: GetReportCommand): Promise<ReportRecord> {
    if (!isUuid(command.reportId)) throw reportNotFound(command.reportId);
    const viewer = await requireViewer(this.viewers, command.userId);
    const report = await this.reportQueries.findReport(viewer, command.reportId);
    if (!report) throw reportNotFound(command.reportId);
    return report;
  }
}
