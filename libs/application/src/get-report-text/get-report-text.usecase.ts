import { type ReportQueriesRepository, type ViewersRepository } from '@rectify/persistence';
import { isUuid } from '../common/is-uuid';
import { type GetReportCommand, reportNotFound } from '../get-report/get-report.usecase';
import { requireViewer } from '../item-queries/require-viewer';

/**
 * An imported report's text (UTF-8) and original file name, as the user may see it. Errors:
 * REPORT_NOT_FOUND (absent, malformed id or out of scope), USER_NOT_FOUND.
 */
export class GetReportTextUseCase {
  constructor(
    private readonly viewers: ViewersRepository,
    private readonly reportQueries: ReportQueriesRepository,
  ) {}

  async execute(command: GetReportCommand): Promise<{ text: string; sourceFileName: string }> {
    if (!isUuid(command.reportId)) throw reportNotFound(command.reportId);
    const viewer = await requireViewer(this.viewers, command.userId);
    const text = await this.reportQueries.findText(viewer, command.reportId);
    if (!text) throw reportNotFound(command.reportId);
    return text;
  }
}
