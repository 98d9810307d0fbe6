import {
  assembleSummary,
  ChineseWorkingDayCalendar,
  type ClosingDocument,
  lastYellowDeadline,
  type RectificationSummary,
  recurringOrganisations,
  shanghaiDate,
  SUMMARY_LIST_LIMIT,
  summaryDocument,
} from '@rectify/domain';
import { type ClosingLoopPorts } from '../closing-loop/closing-loop-ports';
import { asOfDay, assertYear, resolveTarget } from '../closing-loop/closing-loop-target';
import { type YearRequest } from '../closing-loop/load-year';

export interface SummaryResult {
  summary: RectificationSummary;
  document: ClosingDocument;
}

/**
 * A supervisor's summary (整改情况汇总) of one year's problems across an organisation and those
 * below it, as far as the viewer may see: the same figures summariseRectification computes from
 * every item, counted by the database (a 市 holds ~50,000 items a year), with the overdue and
 * recurring lists cut at SUMMARY_LIST_LIMIT. Errors: INVALID_ARGUMENT (year, asOf),
 * ORGANISATION_NOT_FOUND (absent or out of scope), USER_NOT_FOUND.
 */
export class SummariseOrganisationUseCase {
  constructor(private readonly ports: ClosingLoopPorts) {}

  async execute(request: YearRequest): Promise<SummaryResult> {
    assertYear(request.problemYear);
    const target = await resolveTarget(this.ports.organisations, this.ports.viewers, request);
    const asOf = asOfDay(request.asOf, () => shanghaiDate(new Date()));
    const calendar = request.calendar ?? new ChineseWorkingDayCalendar();
    const figures = await this.ports.trackedItems.summaryFigures(target.scope, {
      organisationPath: target.organisation.path,
      problemYear: request.problemYear,
      asOf,
      lastYellowDeadline: lastYellowDeadline(asOf, calendar),
      listLimit: SUMMARY_LIST_LIMIT,
    });
    const recurringItems = await this.ports.trackedItems.recurringItems(target.scope, {
      organisationIds: recurringOrganisations(figures.organisations, SUMMARY_LIST_LIMIT),
      problemYear: request.problemYear,
    });
    const summary = assembleSummary(
      { ...figures, recurringItems },
      { problemYear: request.problemYear, asOf, organisationName: target.organisation.name, calendar },
    );
    return { summary, document: summaryDocument(summary) };
  }
}
