import {
  assembleSummary,
  lastYellowDeadline,
  type RectificationSummary,
  recurringOrganisations,
  SUMMARY_LIST_LIMIT,
  type WorkingDayCalendar,
} from '@rectify/domain';
import { type TrackedItemsRepository } from '@rectify/persistence';
import { type ReadScope } from '@rectify/workflow';

/**
 * The summary of one year's problems of `organisation` and those below it within `scope`, its
 * table one row for the organisation's own items and one per direct child's subtree (see
 * summaryRowOf), the figures counted by the database: what summariseRectification computes from every item, with
 * the overdue and recurring lists cut at SUMMARY_LIST_LIMIT. Two round trips (three queries side
 * by side, then the recurring items of at most the organisations that fill their list).
 */
export async function countSummary(
  trackedItems: TrackedItemsRepository,
  scope: ReadScope,
  request: {
    organisation: { name: string; path: string };
    problemYear: number;
    /** ISO date. */
    asOf: string;
    calendar: WorkingDayCalendar;
  },
): Promise<RectificationSummary> {
  const { organisation, problemYear, asOf, calendar } = request;
  const figures = await trackedItems.summaryFigures(scope, {
    organisationPath: organisation.path,
    problemYear,
    asOf,
    lastYellowDeadline: lastYellowDeadline(asOf, calendar),
    listLimit: SUMMARY_LIST_LIMIT,
  });
  const recurringItems = await trackedItems.recurringItems(scope, {
    organisationIds: recurringOrganisations(figures.recurringCounts, SUMMARY_LIST_LIMIT),
    problemYear,
  });
  return assembleSummary(
    { ...figures, recurringItems },
    { problemYear, asOf, organisationName: organisation.name, calendar },
  );
}
