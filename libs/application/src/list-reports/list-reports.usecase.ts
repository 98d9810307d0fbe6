import {
  type ReportListEntry,
  type ReportQueriesRepository,
  type ViewersRepository,
} from '@rectify/persistence';
import { mayOnOrganisation } from '@rectify/workflow';
import { requireViewer } from '../item-queries/require-viewer';

/** A report in the list, with whether the reader may remove the import (删除导入). */
export interface ReportListItem extends Omit<ReportListEntry, 'organisationPath'> {
  /**
   * The reader administers the report's organisation (mayOnOrganisation ADMINISTER): they may
   * try to remove the import; it is refused (REPORT_IN_USE) once someone worked on its items.
   */
  mayRemove: boolean;
}

/**
 * The reports (述职报告) of the organisations the user may see, newest import first.
 * Errors: USER_NOT_FOUND (the account is gone).
 */
export class ListReportsUseCase {
  constructor(
    private readonly viewers: ViewersRepository,
    private readonly reportQueries: ReportQueriesRepository,
  ) {}

  async execute(command: { userId: string }): Promise<ReportListItem[]> {
    const viewer = await requireViewer(this.viewers, command.userId);
    const reports = await this.reportQueries.list(viewer);
    return reports.map(({ organisationPath, ...report }) => ({
      ...report,
      mayRemove: mayOnOrganisation(viewer, 'ADMINISTER', organisationPath),
    }));
  }
}
