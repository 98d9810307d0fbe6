import {
  isOpen,
  ITEM_SOURCES,
  type ItemSource,
  RECTIFICATION_STATUSES,
  type RectificationStatus,
} from '../lifecycle';
import { type WorkingDayCalendar } from '../calendar/working-day-calendar';
import { type ReminderThresholds } from '../reminders/reminder-plan';
import { daysBetween } from './chinese-text';
import { completionRate } from './completion-rate';
import { compareItems } from './compose-last-year-section';
import { ITEM_LIGHTS, type ItemLight, itemLight } from './item-light';
import { summaryRowOf } from './summary-row';
import { type RecurrenceLink, type TrackedItem } from './tracked-item';

/** A supervisor's view of one year's problems across an organisation and those below it. */
export interface RectificationSummary {
  problemYear: number;
  asOf: string;
  organisationName: string;
  totals: SummaryTotals;
  /** Completed (销号) items over all items; null when there are none (see completion-rate.ts). */
  completionRate: number | null;
  byOrganisation: OrganisationSummary[];
  byStatus: Record<RectificationStatus, number>;
  bySource: Record<ItemSource, number>;
  byLight: Record<ItemLight, number>;
  overdue: OverdueItem[];
  recurring: RecurringItem[];
}

export interface SummaryTotals {
  items: number;
  measures: number;
  completed: number;
  longTerm: number;
  open: number;
  overdue: number;
  recurring: number;
}

/**
 * One row of a summary's table (各下级党组织整改情况): the summarised organisation's own items
 * (本级, `includesBelow` false), or one direct child with everything below it (`includesBelow` true).
 * See summaryRowOf.
 */
export interface OrganisationSummary {
  organisationId: string;
  organisationName: string;
  /** True when the row counts the organisation and every one below it; false for the summarised one's own items. */
  includesBelow: boolean;
  items: number;
  completed: number;
  longTerm: number;
  open: number;
  overdue: number;
  /** null for an organisation without problems. */
  completionRate: number | null;
}

export interface OverdueItem {
  itemId: string;
  organisationName: string;
  title: string;
  status: RectificationStatus;
  deadline: string;
  daysOverdue: number;
  workdaysOverdue: number;
}

export interface RecurringItem {
  itemId: string;
  organisationName: string;
  title: string;
  status: RectificationStatus;
  earlier: RecurrenceLink[];
}

export interface SummariseOptions {
  problemYear: number;
  asOf: string;
  organisationName: string;
  /** Every organisation in scope, so one without items that year shows with zeros, not missing. */
  organisations?: readonly { id: string; name: string; path?: string }[];
  /**
   * Roll the table up below the summarised organisation (see summaryRowOf): its own row and one
   * per direct child, as the database counts it. Needs the path of every organisation in
   * `organisations`; `names` names the rows' organisations (a direct child may be out of scope
   * while some of its subtree is in). Without it every organisation is its own row.
   */
  rollUp?: { rootPath: string; names: ReadonlyMap<string, string> };
  calendar: WorkingDayCalendar;
  thresholds?: ReminderThresholds;
}

// Every source of the vocabulary, so a source added there is counted (with a zero) here too.
const SOURCES: readonly ItemSource[] = ITEM_SOURCES;

export function summariseRectification(
  items: readonly TrackedItem[],
  options: SummariseOptions,
): RectificationSummary {
  const ordered = [...items].sort(compareItems);
  const overdue = ordered
    .filter((i): i is TrackedItem & { deadline: string } => isOverdue(i, options.asOf))
    .map((i) => ({
      itemId: i.id,
      organisationName: i.organisationName,
      title: i.title,
      status: i.status,
      deadline: i.deadline,
      daysOverdue: daysBetween(i.deadline, options.asOf),
      workdaysOverdue: options.calendar.workdaysBetween(i.deadline, options.asOf),
    }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.itemId.localeCompare(b.itemId));
  const recurring = ordered
    .filter((i) => i.recurrence.length > 0)
    .map((i) => ({
      itemId: i.id,
      organisationName: i.organisationName,
      title: i.title,
      status: i.status,
      earlier: i.recurrence,
    }));
  const completed = count(ordered, (i) => i.status === 'completed');
  return {
    problemYear: options.problemYear,
    asOf: options.asOf,
    organisationName: options.organisationName,
    totals: {
      items: ordered.length,
      measures: ordered.reduce((n, i) => n + i.measures.length, 0),
      completed,
      longTerm: count(ordered, (i) => i.status === 'long_term'),
      open: count(ordered, (i) => isOpen(i.status)),
      overdue: overdue.length,
      recurring: recurring.length,
    },
    completionRate: completionRate(completed, ordered.length),
    byOrganisation: byOrganisation(ordered, options.organisations ?? [], options.asOf, options.rollUp),
    byStatus: tally(RECTIFICATION_STATUSES, ordered, (i) => i.status),
    bySource: tally(SOURCES, ordered, (i) => i.source),
    byLight: tally(ITEM_LIGHTS, ordered, (i) =>
      itemLight(i, options.asOf, options.calendar, options.thresholds),
    ),
    overdue,
    recurring,
  };
}

export function isOverdue(item: Pick<TrackedItem, 'status' | 'deadline'>, asOf: string): boolean {
  return isOpen(item.status) && item.deadline !== null && item.deadline < asOf;
}

function byOrganisation(
  items: readonly TrackedItem[],
  organisations: readonly { id: string; name: string; path?: string }[],
  asOf: string,
  rollUp?: SummariseOptions['rollUp'],
): OrganisationSummary[] {
  const rowOf = new Map<string, string>();
  const rootId = rollUp && (summaryRowOf(rollUp.rootPath, rollUp.rootPath) as string);
  if (rollUp) {
    for (const o of organisations) {
      if (o.path === undefined) throw new Error(`rollUp needs the path of organisation ${o.id}`);
      const row = summaryRowOf(rollUp.rootPath, o.path);
      if (row !== null) rowOf.set(o.id, row);
    }
  }
  const head = (id: string) => rowOf.get(id) ?? id;
  const groups = new Map<string, { name: string; items: TrackedItem[] }>();
  const group = (id: string, fallbackName: string) => {
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { name: rollUp?.names.get(id) ?? fallbackName, items: [] }));
    return g;
  };
  for (const o of organisations) group(head(o.id), o.name);
  for (const item of items) group(head(item.organisationId), item.organisationName).items.push(item);
  return (
    [...groups.entries()]
      .map(([organisationId, { name, items: inGroup }]) => {
        const completed = count(inGroup, (i) => i.status === 'completed');
        return {
          organisationId,
          organisationName: name,
          includesBelow: rollUp !== undefined && organisationId !== rootId,
          items: inGroup.length,
          completed,
          longTerm: count(inGroup, (i) => i.status === 'long_term'),
          open: count(inGroup, (i) => isOpen(i.status)),
          overdue: count(inGroup, (i) => isOverdue(i, asOf)),
          completionRate: completionRate(completed, inGroup.length),
        };
      })
      // The summarised organisation's own row first (本级), then its children by name.
      .sort(
        (a, b) =>
          Number(a.includesBelow) - Number(b.includesBelow) ||
          a.organisationName.localeCompare(b.organisationName, 'zh'),
      )
  );
}

function count<T>(xs: readonly T[], pred: (x: T) => boolean): number {
  return xs.reduce((n, x) => n + (pred(x) ? 1 : 0), 0);
}

function tally<K extends string, T>(
  keys: readonly K[],
  xs: readonly T[],
  key: (x: T) => K,
): Record<K, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const x of xs) out[key(x)]++;
  return out;
}
