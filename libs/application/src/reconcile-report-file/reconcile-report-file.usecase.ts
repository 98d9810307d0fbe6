import { type ClosingLoopPorts } from '../closing-loop/closing-loop-ports';
import { type OrganisationRef, resolveTarget } from '../closing-loop/closing-loop-target';
import { loadEarlierProblems } from '../closing-loop/recurrence-match';
import {
  type ReconcileResult,
  reconcileWith,
  requireYear,
  YEAR_HINT_FOR_FILE,
} from '../closing-loop/reconcile-with';
import { readReportOffThread, scoreRecurrenceWork } from '../import-report/report-work-pool';

export interface ReconcileFileRequest extends OrganisationRef {
  bytes: Uint8Array;
  fileName: string;
  /** Overrides the year the parser finds. */
  year?: number;
}

/**
 * Checks a report file that is not imported (yet) against the tracked items: its 上年度整改情况
 * against last year's items, its problems against earlier years' problems. Stores nothing.
 * Reading, scoring and matching run in worker threads, within the import's limits (IMPORT_LIMITS).
 * Errors: REPORT_UNREADABLE / REPORT_UNSUPPORTED_TYPE / REPORT_TOO_LARGE (the file),
 * ORGANISATION_NOT_FOUND (absent or out of scope), USER_NOT_FOUND, INVALID_ARGUMENT (no year).
 */
export class ReconcileReportFileUseCase {
  constructor(private readonly ports: ClosingLoopPorts) {}

  async execute(request: ReconcileFileRequest): Promise<ReconcileResult> {
    const { extraction } = await readReportOffThread(request.bytes, request.fileName, { clean: false });
    const target = await resolveTarget(this.ports.organisations, this.ports.viewers, request);
    const reportYear = requireYear(request.year ?? extraction.year, YEAR_HINT_FOR_FILE);
    const problems = extraction.problems.map((p) => ({ itemId: null, seq: p.seq, title: p.title }));
    const { earlier, candidates, warnings } = await loadEarlierProblems(
      this.ports.trackedItems,
      target.organisation.id,
      reportYear,
      problems,
    );
    const { recurring } = await scoreRecurrenceWork({
      problems,
      year: reportYear,
      earlier,
      earlierCandidates: candidates,
      later: [],
    });
    const result = await reconcileWith(
      this.ports.trackedItems,
      target,
      reportYear,
      extraction.lastYearRectification,
      recurring,
    );
    return { ...result, warnings: [...result.warnings, ...warnings] };
  }
}
