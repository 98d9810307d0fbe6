import {
  type EarlierProblem,
  type NewProblem,
  RECURRENCE_MAX_LINKS,
  recurrenceKeys,
  type RecurringProblem,
} from '@rectify/domain';
import {
  type RecurrenceCandidates,
  type RecurrenceLinkRow,
  type RecurrenceWindowQuery,
  type ShownLinks,
  type TrackedItemsRepository,
} from '@rectify/persistence';
import { IMPORT_LIMITS } from '../import-report/import-limits';
import { scoreRecurrenceWork } from '../import-report/report-work-pool';

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
 * The lookup of the items sharing a recurrence key with the problems of an organisation's
 * report of `year`, within the window (see TrackedItemsRepository.recurrenceWindow).
 */
function windowQuery(
  organisationId: string,
  year: number,
  problems: readonly NewProblem[],
): RecurrenceWindowQuery {
  return {
    organisationId,
    year,
    windowYears: RECURRENCE_WINDOW_YEARS,
    problemKeys: problems.map((p) => recurrenceKeys(p.title)),
    limitPerProblem: IMPORT_LIMITS.maxCandidatesPerProblem,
  };
}

/**
 * The organisation's items of earlier years within the window that the problems of a report of
 * `year` may repeat: `earlier`, and per problem (in the order given) the indexes into it of the
 * items to compare it with; a warning when some were left out.
 */
export async function loadEarlierProblems(
  trackedItems: TrackedItemsRepository,
  organisationId: string,
  year: number,
  problems: readonly NewProblem[],
): Promise<{ earlier: EarlierProblem[]; candidates: number[][]; warnings: string[] }> {
  // Recurrence compares with everything the organisation has, whoever asks, so it reads as the
  // operator; the organisation itself was checked by the caller.
  const side = await trackedItems.recurrenceCandidates('operator', {
    ...windowQuery(organisationId, year, problems),
    side: 'earlier',
  });
  return earlierProblems(side);
}

// The earlier side as the scorer takes it, with the warning when problems had too many candidates.
function earlierProblems(side: RecurrenceCandidates): {
  earlier: EarlierProblem[];
  candidates: number[][];
  warnings: string[];
} {
  return {
    earlier: side.items.map((r) => ({ itemId: r.id, year: r.year, title: r.title, status: r.status })),
    candidates: side.perProblem,
    warnings: side.problemsOverLimit > 0 ? [leftOutWarning('此前', side.problemsOverLimit)] : [],
  };
}

function leftOutWarning(when: '此前' | '此后', problems: number): string {
  const max = IMPORT_LIMITS.maxCandidatesPerProblem;
  return `本报告有 ${problems} 个问题与该组织${when}${RECURRENCE_WINDOW_YEARS}年内超过 ${max} 个整改事项用词相近：每个问题只比对了其中最相近的 ${max} 个是否相似，其余未比对。`;
}

/**
 * Compares the problems of a report about to be imported (their item ids chosen already) with
 * the alike problems of the same organisation's other years within the window (反复出现): the
 * new items to earlier ones, and items of later years (imported before this older report) to
 * the new ones. Looks the candidates up in the recurrence index (only items sharing a key can
 * be alike), then scores them (in a worker thread when many); stores nothing. Throws
 * ApplicationError REPORT_TOO_LARGE past the thread's limits.
 */
export async function matchReportRecurrence(
  trackedItems: TrackedItemsRepository,
  report: { organisationId: string; year: number; problems: NewProblem[] },
): Promise<RecurrenceMatch> {
  const problems = [...report.problems].sort((a, b) => a.seq - b.seq);
  // Both sides in one lookup, read as the operator (see loadEarlierProblems).
  const window = await trackedItems.recurrenceWindow(
    'operator',
    windowQuery(report.organisationId, report.year, problems),
  );
  const { earlier, candidates, warnings } = earlierProblems(window.earlier);
  const later = window.later;
  if (later.problemsOverLimit > 0) warnings.push(leftOutWarning('此后', later.problemsOverLimit));
  if (earlier.length === 0 && later.items.length === 0) return { recurring: [], links: [], warnings };
  // The lookup pairs each problem with later items; the scorer asks the other way round.
  const problemsOfLater: number[][] = later.items.map(() => []);
  later.perProblem.forEach((items, problem) => items.forEach((i) => problemsOfLater[i].push(problem)));
  const { recurring, repeatedLater } = await scoreRecurrenceWork({
    problems,
    year: report.year,
    earlier,
    earlierCandidates: candidates,
    later: later.items.map((r) => ({ itemId: r.id, seq: r.seq, title: r.title })),
    laterCandidates: problemsOfLater,
  });
  const shownOfLater = new Map(later.items.map((r) => [r.id, r.shownLinks]));
  const links = [
    ...recurring.flatMap((p) =>
      p.earlier.map((e): RecurrenceLinkRow => [p.itemId as string, e.itemId, e.score, e.year]),
    ),
    // A later item full of stronger links would keep them all: such links are not sent.
    ...repeatedLater.flatMap((p) =>
      p.earlier
        .filter((e) =>
          mayJoinShownLinks(
            { score: e.score, year: e.year, earlierItemId: e.itemId },
            shownOfLater.get(p.itemId as string),
          ),
        )
        .map((e): RecurrenceLinkRow => [p.itemId as string, e.itemId, e.score, e.year]),
    ),
  ];
  return { recurring, links, warnings };
}

/**
 * Whether a new recurrence link (its score 0 to 1, its earlier item's year and id) could be among
 * an item's best RECURRENCE_MAX_LINKS, given the item's links as they stand (`shown`; absent:
 * none): false only when it has that many shown links or more and the weakest of them still
 * ranks before the new link (score, then the nearer year, then the id, as the store ranks them).
 */
export function mayJoinShownLinks(
  link: { score: number; year: number | null; earlierItemId: string },
  shown: ShownLinks | undefined,
): boolean {
  if (shown === undefined || shown.weakest === null || shown.count < RECURRENCE_MAX_LINKS) return true;
  const weakest = shown.weakest;
  if (link.score !== weakest.score) return link.score > weakest.score;
  if (link.year !== weakest.year) {
    if (link.year === null) return false;
    return weakest.year === null || link.year > weakest.year;
  }
  return link.earlierItemId < weakest.earlierItemId;
}
