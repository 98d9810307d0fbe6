import { type ReportQueriesRepository } from '@rectify/persistence';
import { type ClosingLoopPorts } from '../closing-loop/closing-loop-ports';
import { type ClosingLoopTarget, resolveTarget } from '../closing-loop/closing-loop-target';
import {
  type ReconcileResult,
  reconcileWith,
  requireYear,
  YEAR_HINT_FOR_STORED,
} from '../closing-loop/reconcile-with';
import { isUuid } from '../common/is-uuid';
import { ApplicationError } from '../errors/application-error';

export interface ReconcileStoredReportCommand {
  reportId: string;
  /** The user asking; absent for the operator (the CLI, and the import's own check). */
  viewerUserId?: string;
}

/**
 * Checks an imported report against the tracked items; its recurring problems are the links
 * made at import. Errors: REPORT_NOT_FOUND (absent, malformed id, or its organisation out of the
 * viewer's scope), USER_NOT_FOUND, INVALID_ARGUMENT (the report's year is unknown).
 */
export class ReconcileStoredReportUseCase {
  constructor(private readonly ports: ClosingLoopPorts & { reportQueries: ReportQueriesRepository }) {}

  async execute(command: ReconcileStoredReportCommand): Promise<ReconcileResult> {
    const notFound = () =>
      new ApplicationError('REPORT_NOT_FOUND', '报告不存在，或不在您的管理范围内：请检查编号。', {
        reportId: command.reportId,
      });
    if (!isUuid(command.reportId)) throw notFound();
    // Read whole, then the report's organisation is checked against the viewer like any target.
    const report = await this.ports.reportQueries.findReconcileSource('operator', command.reportId);
    if (!report) throw notFound();
    let target: ClosingLoopTarget;
    try {
      target = await resolveTarget(this.ports.organisations, this.ports.viewers, {
        organisationId: report.organisationId,
        viewerUserId: command.viewerUserId,
      });
    } catch (err) {
      if (err instanceof ApplicationError && err.code === 'ORGANISATION_NOT_FOUND') throw notFound();
      throw err;
    }
    const reportYear = requireYear(report.year, YEAR_HINT_FOR_STORED);
    return reconcileWith(
      this.ports.trackedItems,
      target,
      reportYear,
      report.entries ?? [],
      // Read alongside the tracked items (one round trip less to wait for).
      this.ports.trackedItems.storedRecurrence(target.scope, command.reportId),
    );
  }
}
