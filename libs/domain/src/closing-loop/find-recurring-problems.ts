import { type RectificationStatus } from '../lifecycle';
import {
  fingerprintProblem,
  fingerprintSimilarity,
  type ProblemFingerprint,
} from './similarity/problem-similarity';
import { type RecurrenceLink } from './tracked-item';

/** How alike a new problem and an earlier one must be to call the problem recurring (反复出现). */
export const RECURRENCE_THRESHOLD = 0.45;
/**
 * At most this many earlier problems are linked to one problem, the most alike first (then the
 * nearest year, then the item id): also when an older report is imported after a later one, its
 * problems displace a later item's weakest links rather than add to them.
 */
export const RECURRENCE_MAX_LINKS = 3;

export interface EarlierProblem {
  itemId: string;
  year: number | null;
  title: string;
  status: RectificationStatus;
}

export interface NewProblem {
  /** The item, once the report is imported; null for a report only being checked. */
  itemId: string | null;
  /** The problem's place in its report. */
  seq: number;
  title: string;
}

export interface RecurringProblem extends NewProblem {
  earlier: RecurrenceLink[];
}

/**
 * The new problems that resemble problems an organisation reported in earlier years: the same
 * issue in new words, not only exact repeats. Each gets links to the earlier items, most alike
 * first, so a supervisor can reopen the old item or treat the new one with priority.
 *
 * `candidates`, when given, lists for each problem (same order) the indexes into `earlier` it
 * is compared with, e.g. those sharing a recurrence key (recurrenceKeys), which finds the same
 * links as comparing with all; without it every problem is compared with every earlier one.
 */
export function findRecurringProblems(
  problems: readonly NewProblem[],
  earlier: readonly EarlierProblem[],
  threshold = RECURRENCE_THRESHOLD,
  candidates?: readonly (readonly number[])[],
): RecurringProblem[] {
  const earlierPrints: (ProblemFingerprint | undefined)[] = [];
  const printOf = (i: number) => (earlierPrints[i] ??= fingerprintProblem(earlier[i].title));
  const all = earlier.map((_, i) => i);
  const found: RecurringProblem[] = [];
  for (const [p, problem] of problems.entries()) {
    const print = fingerprintProblem(problem.title);
    const links = (candidates ? candidates[p] : all)
      .map((i) => ({ e: earlier[i], score: fingerprintSimilarity(print, printOf(i)) }))
      .filter(({ score }) => score >= threshold)
      .sort(
        (a, b) =>
          b.score - a.score || (b.e.year ?? 0) - (a.e.year ?? 0) || a.e.itemId.localeCompare(b.e.itemId),
      )
      .slice(0, RECURRENCE_MAX_LINKS)
      .map(({ e, score }) => ({ itemId: e.itemId, year: e.year, title: e.title, status: e.status, score }));
    if (links.length > 0) found.push({ ...problem, earlier: links });
  }
  return found;
}
