import { type EarlierProblem, type NewProblem, type RecurringProblem } from '@rectify/domain';
import { type RecurrenceLinkRow, type TrackedItemsRepository } from '@rectify/persistence';
import { IMPORT_LIMITS } from '../import-report/import-limits';
import { scoreRecurrenceOffThread } from '../import-report/report-work-pool';

/**
 * How many years apart two reports may be for a problem to count as recurring: a Party
 * committee's term (5 years; a branch's is 3), which also keeps an import's work bounded.
 */
export const RECURRENCE_WINDOW_YEARS = 5;

/** What a new report's problems have in common with the organisation's other years. */
export interface RecurrenceMatch {
  /** The report's problems that repeat earlier problems (反复出现), in problem order. */
  recurring: RecurringProblem[];
  /** Links to store: the new items to earlier ones, and items of later years to the new ones. */
  links: RecurrenceLinkRow[];
  /** What was left out of the comparison, in Chinese. */
  warnings: string[];
}

/**
 * One side of the window for an organisation's report of `year`, nearest years first, at most
 * IMPORT_LIMITS.maxComparedItems. Recurrence compares with everything the organisation has,
 * whoever asks, so it reads as the operator; the organisation itself was checked by the caller.
 */
function loadSide(
  trackedItems: TrackedItemsRepository,
  side: 'earlier' | 'later',
  organisationId: string,
  year: number,
) {
  return trackedItems.recurrenceCandidates('operator', {
    side,
    organisationId,
    year,
    windowYears: RECURRENCE_WINDOW_YEARS,
    limit: IMPORT_LIMITS.maxComparedItems,
  });
}

/**
 * The organisation's items of earlier years within the window that a report of `year` is
 * compared with (at most IMPORT_LIMITS.maxComparedItems, the nearest years first), and a
 * warning when some were left out.
 */
export async function loadEarlierProblems(
  trackedItems: TrackedItemsRepository,
  organisationId: string,
  year: number,
): Promise<{ earlier: EarlierProblem[]; warnings: string[] }> {
  const side = await loadSide(trackedItems, 'earlier', organisationId, year);
  return {
    earlier: side.items.map((r) => ({ itemId: r.id, year: r.year, title: r.title, status: r.status })),
    warnings: side.total > side.items.length ? [leftOutWarning('此前', side.total)] : [],
  };
}

function leftOutWarning(when: '此前' | '此后', total: number): string {
  const max = IMPORT_LIMITS.maxComparedItems;
  return `该组织${when}${RECURRENCE_WINDOW_YEARS}年内的整改事项有 ${total} 个，超过比对上限 ${max} 个：只比对了年度最近的 ${max} 个是否与本报告的问题相似，其余未比对。`;
}

/**
 * Compares the problems of a report about to be imported (their item ids chosen already) with
 * the alike problems of the same organisation's other years within the window (反复出现): the
 * new items to earlier ones, and items of later years (imported before this older report) to
 * the new ones. Reads the candidates, then scores in a worker thread; stores nothing. Throws
 * ApplicationError REPORT_TOO_LARGE past the thread's limits.
 */
export async function matchReportRecurrence(
  trackedItems: TrackedItemsRepository,
  report: { organisationId: string; year: number; problems: NewProblem[] },
): Promise<RecurrenceMatch> {
  const { earlier, warnings } = await loadEarlierProblems(trackedItems, report.organisationId, report.year);
  const later = await loadSide(trackedItems, 'later', report.organisationId, report.year);
  if (later.total > later.items.length) warnings.push(leftOutWarning('此后', later.total));
  if (earlier.length === 0 && later.items.length === 0) return { recurring: [], links: [], warnings };
  const problems = [...report.problems].sort((a, b) => a.seq - b.seq);
  const { recurring, repeatedLater } = await scoreRecurrenceOffThread({
    problems,
    year: report.year,
    earlier,
    later: later.items.map((r) => ({ itemId: r.id, seq: r.seq, title: r.title })),
  });
  const links = [...recurring, ...repeatedLater].flatMap((p) =>
    p.earlier.map((e): RecurrenceLinkRow => [p.itemId as string, e.itemId, e.score]),
  );
  return { recurring, links, warnings };
}
