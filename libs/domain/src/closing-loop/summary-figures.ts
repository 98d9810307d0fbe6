import { DATE_WINDOW } from '../calendar/date-window';
import { type WorkingDayCalendar } from '../calendar/working-day-calendar';
import {
  ITEM_SOURCES,
  type ItemSource,
  RECTIFICATION_STATUSES,
  type RectificationStatus,
} from '../lifecycle';
import { DEFAULT_THRESHOLDS, type ReminderThresholds } from '../reminders/reminder-plan';
import { daysBetween } from './chinese-text';
import { completionRate } from './completion-rate';
import { compareItems } from './compose-last-year-section';
import { ITEM_LIGHTS, type ItemLight } from './item-light';
import {
  type OrganisationSummary,
  type RectificationSummary,
  type RecurringItem,
} from './summarise-rectification';
import { type TrackedItem } from './tracked-item';

/**
 * How many overdue and how many recurring items a summary lists at most: a 市 holds tens of
 * thousands of items a year, and a list that long is read by nobody. The totals still count all.
 */
export const SUMMARY_LIST_LIMIT = 200;

/** One row's items of the year (see OrganisationSummary), counted by the database (before its rate). */
export interface OrganisationCounts extends Omit<OrganisationSummary, 'completionRate'> {
  /** Items repeating an earlier (not withdrawn) problem (反复出现). */
  recurring: number;
}

/** How many of one organisation's own items repeat an earlier problem (反复出现), when any do. */
export interface RecurringCount {
  organisationId: string;
  organisationName: string;
  recurring: number;
}

/** How many items, and measures of them, share one status, source and light. */
export interface ItemGroupCount {
  status: RectificationStatus;
  source: ItemSource;
  light: ItemLight;
  items: number;
  measures: number;
}

/** An overdue item as the database lists it; the day counts are added by assembleSummary. */
export interface OverdueRow {
  itemId: string;
  organisationName: string;
  title: string;
  status: RectificationStatus;
  /** ISO date, before the summary's asOf. */
  deadline: string;
}

/** What the database counts for a summary; assembleSummary puts it into the summary's shape. */
export interface SummaryFigures {
  /**
   * The rows of the table (see summaryRowOf): the summarised organisation's own when in scope,
   * and each direct child with anything of its subtree in scope, with zeros for those without items.
   */
  organisations: OrganisationCounts[];
  /** Each organisation in scope with recurring items of its own, any order (for recurringOrganisations). */
  recurringCounts: RecurringCount[];
  groups: ItemGroupCount[];
  /** The most overdue items (deadline ascending, then id), at most SUMMARY_LIST_LIMIT. */
  overdue: OverdueRow[];
  /** Items with recurrence links of at least the organisations recurringOrganisations chose, any order. */
  recurringItems: TrackedItem[];
}

/**
 * The last deadline (ISO date) whose open item shows yellow on `asOf`, or null when none does:
 * yellow means `asOf` is at most `yellowWorkdaysBefore` working days before the deadline (see
 * trafficLight). Shifting a deadline later never moves its yellow day earlier, so the yellow
 * deadlines from `asOf` on form one range, and the database needs only its end. Deadlines past
 * DATE_WINDOW are green.
 */
export function lastYellowDeadline(
  asOf: string,
  calendar: WorkingDayCalendar,
  thresholds: ReminderThresholds = DEFAULT_THRESHOLDS,
): string | null {
  const yellowFrom = (deadline: string) => calendar.addWorkdays(deadline, -thresholds.yellowWorkdaysBefore);
  if (asOf > DATE_WINDOW.last || yellowFrom(asOf) > asOf) return null;
  let last = asOf;
  for (;;) {
    const next = nextDay(last);
    if (next > DATE_WINDOW.last || yellowFrom(next) > asOf) return last;
    last = next;
  }
}

/**
 * The organisations whose recurring items fill the first `limit` places of the summary's list
 * (ordered as compareItems: by organisation name, then within the organisation), so only their
 * items need loading. Their items may number a few more than `limit`; assembleSummary cuts.
 */
export function recurringOrganisations(organisations: readonly RecurringCount[], limit: number): string[] {
  const withRecurring = organisations
    .filter((o) => o.recurring > 0)
    .sort((a, b) => byName(a.organisationName, b.organisationName));
  const chosen: string[] = [];
  let listed = 0;
  for (const o of withRecurring) {
    if (listed >= limit) break;
    chosen.push(o.organisationId);
    listed += o.recurring;
  }
  return chosen;
}

/** The summary, as summariseRectification computes it from every item, from the database's figures. */
export function assembleSummary(
  figures: SummaryFigures,
  options: { problemYear: number; asOf: string; organisationName: string; calendar: WorkingDayCalendar },
): RectificationSummary {
  const sum = (pick: (o: OrganisationCounts) => number) =>
    figures.organisations.reduce((n, o) => n + pick(o), 0);
  const tally = <K extends string>(keys: readonly K[], key: (g: ItemGroupCount) => K) => {
    const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
    for (const g of figures.groups) out[key(g)] += g.items;
    return out;
  };
  const items = sum((o) => o.items);
  const completed = sum((o) => o.completed);
  return {
    problemYear: options.problemYear,
    asOf: options.asOf,
    organisationName: options.organisationName,
    totals: {
      items,
      measures: figures.groups.reduce((n, g) => n + g.measures, 0),
      completed,
      longTerm: sum((o) => o.longTerm),
      open: sum((o) => o.open),
      overdue: sum((o) => o.overdue),
      recurring: sum((o) => o.recurring),
    },
    completionRate: completionRate(completed, items),
    byOrganisation: figures.organisations
      .map(({ recurring: _, ...o }): OrganisationSummary => ({
        ...o,
        completionRate: completionRate(o.completed, o.items),
      }))
      // The summarised organisation's own row first (本级), then its children by name.
      .sort(
        (a, b) =>
          Number(a.includesBelow) - Number(b.includesBelow) || byName(a.organisationName, b.organisationName),
      ),
    byStatus: tally(RECTIFICATION_STATUSES, (g) => g.status),
    bySource: tally(ITEM_SOURCES, (g) => g.source),
    byLight: tally(ITEM_LIGHTS, (g) => g.light),
    overdue: figures.overdue.map((o) => ({
      ...o,
      daysOverdue: daysBetween(o.deadline, options.asOf),
      workdaysOverdue: options.calendar.workdaysBetween(o.deadline, options.asOf),
    })),
    recurring: figures.recurringItems
      .filter((i) => i.recurrence.length > 0)
      .sort(compareItems)
      .slice(0, SUMMARY_LIST_LIMIT)
      .map((i): RecurringItem => ({
        itemId: i.id,
        organisationName: i.organisationName,
        title: i.title,
        status: i.status,
        earlier: i.recurrence,
      })),
  };
}

// The order of compareItems and of the by-organisation table (organisation names are unique).
const byName = new Intl.Collator('zh').compare;

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
