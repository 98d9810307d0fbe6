import {
  type EarlierProblem,
  findRecurringProblems,
  type NewProblem,
  RECURRENCE_THRESHOLD,
  type RecurringProblem,
} from '@rectify/domain';

/** A report's problems and the other years' items to compare them with, both ways. */
export interface ScoreTask {
  /** The report's problems, as items (itemId set) or only checked (itemId null). */
  problems: NewProblem[];
  /** The report's year. */
  year: number;
  /** Items of earlier years: which of them do the problems repeat? */
  earlier: EarlierProblem[];
  /** Per problem, the indexes into `earlier` it is compared with (see recurrenceKeys); all when absent. */
  earlierCandidates?: number[][];
  /** Items of later years, imported before this older report: which problems do they repeat? */
  later: NewProblem[];
  /** Per later item, the indexes into `problems` it is compared with; all when absent. */
  laterCandidates?: number[][];
}

export interface ScoreOutcome {
  /** The problems that repeat earlier items (findRecurringProblems). */
  recurring: RecurringProblem[];
  /** The later items that repeat one of the problems (which must then have item ids). */
  repeatedLater: RecurringProblem[];
}

/** Scores problem similarity both ways (see findRecurringProblems). */
export function scoreRecurrence(task: ScoreTask): ScoreOutcome {
  const recurring = findRecurringProblems(
    task.problems,
    task.earlier,
    RECURRENCE_THRESHOLD,
    task.earlierCandidates,
  );
  if (task.later.length === 0) return { recurring, repeatedLater: [] };
  // Only the links (item ids and scores) of this direction are kept, so the status is a stand-in.
  const asEarlier = task.problems.map((p): EarlierProblem => {
    if (p.itemId === null) throw new Error('problems compared with later items need item ids');
    return { itemId: p.itemId, year: task.year, title: p.title, status: 'identified' };
  });
  return {
    recurring,
    repeatedLater: findRecurringProblems(task.later, asEarlier, RECURRENCE_THRESHOLD, task.laterCandidates),
  };
}

/**
 * How many problem–candidate pairs `task` compares: each problem with its earlier candidates and
 * each later item with its problems (everything on a side without candidate lists).
 */
export function scorePairs(task: ScoreTask): number {
  const sum = (lists: number[][]) => lists.reduce((n, list) => n + list.length, 0);
  const earlier = task.earlierCandidates
    ? sum(task.earlierCandidates)
    : task.problems.length * task.earlier.length;
  const later = task.laterCandidates ? sum(task.laterCandidates) : task.later.length * task.problems.length;
  return earlier + later;
}
