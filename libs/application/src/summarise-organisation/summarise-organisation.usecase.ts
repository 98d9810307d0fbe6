import {
  type ClosingDocument,
  type RectificationSummary,
  summariseRectification,
  summaryDocument,
} from '@rectify/domain';
import { type ClosingLoopPorts } from '../closing-loop/closing-loop-ports';
import { loadYear, type YearRequest } from '../closing-loop/load-year';

export interface SummaryResult {
  summary: RectificationSummary;
  document: ClosingDocument;
}

/**
 * A supervisor's summary (整改情况汇总) of one year's problems across an organisation and those
 * below it, as far as the viewer may see. Errors: INVALID_ARGUMENT (year, asOf),
 * ORGANISATION_NOT_FOUND (absent or out of scope), USER_NOT_FOUND.
 */
export class SummariseOrganisationUseCase {
  constructor(private readonly ports: ClosingLoopPorts) {}

  async execute(request: YearRequest): Promise<SummaryResult> {
    const { items, target, asOf, calendar } = await loadYear(this.ports, request);
    const summary = summariseRectification(items, {
      problemYear: request.problemYear,
      asOf,
      organisationName: target.organisation.name,
      organisations: await this.ports.trackedItems.organisationsBelow(target.scope, target.organisation.path),
      calendar,
    });
    return { summary, document: summaryDocument(summary) };
  }
}
