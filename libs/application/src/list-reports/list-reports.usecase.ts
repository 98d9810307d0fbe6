import {
  type ReportListEntry,
  type ReportQueriesRepository,
  type ViewersRepository,
} from '@rectify/persistence';
import { requireViewer } from '../item-queries/require-viewer';

/**
 * The reports (述职报告) of the organisations the user may see, newest import first.
 * Errors: USER_NOT_FOUND (the account is gone).
 */
export class ListReportsUseCase {
  constructor(
    private readonly viewers: ViewersRepository,
    private readonly reportQueries: ReportQueriesRepository,
  ) {}

  async execute(command: { userId: string }): Promise<ReportListEntry[]> {
    return this.reportQueries.list(await requireViewer(this.viewers, command.userId));
  }
}
