import {
  ChineseWorkingDayCalendar,
  type ClosingDocument,
  type RectificationSummary,
  shanghaiDate,
  summaryDocument,
} from '@rectify/domain';
import { type ClosingLoopPorts } from '../closing-loop/closing-loop-ports';
import { asOfDay, assertYear, resolveTarget } from '../closing-loop/closing-loop-target';
import { type YearRequest } from '../closing-loop/load-year';
import { countSummary } from './count-summary';

export interface SummaryResult {
  summary: RectificationSummary;
  /** Built on first read: a JSON answer never needs it (a 市 has tens of thousands of rows). */
  readonly document: ClosingDocument;
}

/**
 * A supervisor's summary (整改情况汇总) of one year's problems across an organisation and those
 * below it, as far as the viewer may see, counted by the database (see countSummary: a 市 holds
 * ~50,000 items a year). Errors: INVALID_ARGUMENT (year, asOf), ORGANISATION_NOT_FOUND (absent
 * or out of scope), USER_NOT_FOUND.
 */
export class SummariseOrganisationUseCase {
  constructor(private readonly ports: ClosingLoopPorts) {}

  async execute(request: YearRequest): Promise<SummaryResult> {
    assertYear(request.problemYear);
    const target = await resolveTarget(this.ports.organisations, this.ports.viewers, request);
    const summary = await countSummary(this.ports.trackedItems, target.scope, {
      organisation: target.organisation,
      problemYear: request.problemYear,
      asOf: asOfDay(request.asOf, () => shanghaiDate(new Date())),
      calendar: request.calendar ?? new ChineseWorkingDayCalendar(),
    });
    let document: ClosingDocument | undefined;
    return {
      summary,
      get document() {
        return (document ??= summaryDocument(summary));
      },
    };
  }
}
