import { type ReportsRepository, type ViewersRepository } from '@rectify/persistence';
import { mayOnOrganisation } from '@rectify/workflow';
import { isUuid } from '../common/is-uuid';
import { ApplicationError } from '../errors/application-error';
import { reportNotFound } from '../get-report/get-report.usecase';
import { requireViewer } from '../item-queries/require-viewer';

/** Remove an import (删除导入): the report and every item it made. */
export interface RemoveImportCommand {
  /** A user id (uuid). */
  userId: string;
  reportId: string;
}

/**
 * Removes a mistaken import (删除导入) that nobody has worked on yet, as an administrator of the
 * report's organisation (mayOnOrganisation ADMINISTER): the report, its items, their measures and
 * IMPORT lines, outbox and reminder ledger rows and recurrence links, in one transaction. An
 * import whose items were worked on (a plan, a note, an edit, a withdrawal, evidence) stays; its
 * items can be withdrawn (撤销) one by one instead. Resolves to how many items went.
 *
 * Errors: REPORT_NOT_FOUND (absent, malformed id or out of scope), USER_NOT_FOUND, ADMIN_ONLY
 * (403), REPORT_IN_USE (409, with `items` and `worked`; nothing removed).
 */
export class RemoveImportUseCase {
  constructor(
    private readonly viewers: ViewersRepository,
    private readonly reports: ReportsRepository,
  ) {}

  async execute(command: RemoveImportCommand): Promise<{ reportId: string; removedItems: number }> {
    if (!isUuid(command.reportId)) throw reportNotFound(command.reportId);
    const viewer = await requireViewer(this.viewers, command.userId);
    const outcome = await this.reports.removeImport({
      reportId: command.reportId,
      scope: viewer,
      mayRemove: (path) => mayOnOrganisation(viewer, 'ADMINISTER', path),
    });
    switch (outcome.kind) {
      case 'not_found':
        throw reportNotFound(command.reportId);
      case 'forbidden':
        throw new ApplicationError('ADMIN_ONLY', '只有管理员可以删除导入的报告：请联系管理员。', {
          reportId: command.reportId,
        });
      case 'in_use':
        throw new ApplicationError(
          'REPORT_IN_USE',
          `该报告导入的${outcome.items}个整改事项中已有${outcome.worked}个开始办理（制定措施、记录进展、修改、撤销或上传佐证），不能删除导入；如有误，请由上级党组织逐项撤销。`,
          { reportId: command.reportId, items: outcome.items, worked: outcome.worked },
        );
      case 'removed':
        return { reportId: command.reportId, removedItems: outcome.items };
    }
  }
}
