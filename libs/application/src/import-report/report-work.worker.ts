// Runs in the worker threads of report-work-pool.ts (piscina calls these exports by name), so the
// CPU-heavy, pure part of an import (decoding, parsing, similarity scoring, reconciliation)
// never blocks the event loop that answers requests. Only the domain is imported: no database.
import {
  cleanText,
  cleanTextDeep,
  decodeReport,
  type DecodedTable,
  type EarlierProblem,
  extractDecoded,
  type ExtractionResult,
  findRecurringProblems,
  type NewProblem,
  type Reconciliation,
  type ReconcileInput,
  RECURRENCE_THRESHOLD,
  reconcileReport,
  type RecurringProblem,
  type ReportFormat,
  ReportReadError,
  type ReportReadErrorCode,
} from '@rectify/domain';

/** A file to read: `clean` (for an import) removes what XML forbids before parsing, as stored. */
export interface ReadTask {
  bytes: Uint8Array;
  fileName: string;
  clean: boolean;
  /** IMPORT_LIMITS.maxProblems and maxMeasureLinks (given, so tests can pass small ones). */
  maxProblems: number;
  maxMeasureLinks: number;
}

/**
 * What reading gave: the text (cleaned when asked) and its extraction, or why not. Errors are
 * values, not throws, because a thrown error loses its `code` on the way between threads.
 */
export type ReadOutcome =
  | {
      kind: 'read';
      text: string;
      format: ReportFormat;
      /** The tables read as tables (a 问题清单's rows), which are not part of `text`. */
      tables: DecodedTable[];
      extraction: ExtractionResult;
    }
  | { kind: 'unreadable'; code: ReportReadErrorCode; message: string }
  | { kind: 'too_many'; what: 'problems' | 'measures'; count: number };

/** Decodes and parses a report file (see decodeReport, extractDecoded); never throws a read error. */
export async function readReport(task: ReadTask): Promise<ReadOutcome> {
  try {
    const decoded = await decodeReport(task.bytes, task.fileName);
    const text = task.clean ? cleanText(decoded.text) : decoded.text;
    const extraction = extractDecoded({ ...decoded, text });
    // Refused here so that a huge extraction is not copied back to the requests' thread.
    if (extraction.problems.length > task.maxProblems) {
      return { kind: 'too_many', what: 'problems', count: extraction.problems.length };
    }
    const measureLinks = extraction.measures.reduce((n, m) => n + new Set(m.problemSeqs).size, 0);
    if (measureLinks > task.maxMeasureLinks)
      return { kind: 'too_many', what: 'measures', count: measureLinks };
    return {
      kind: 'read',
      text,
      format: decoded.format,
      tables: decoded.tables,
      extraction: task.clean ? cleanTextDeep(extraction) : extraction,
    };
  } catch (err) {
    if (err instanceof ReportReadError) return { kind: 'unreadable', code: err.code, message: err.message };
    throw err;
  }
}

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

/** A report's 上年度整改情况 checked against last year's items (see reconcileReport). */
export function reconcile(input: ReconcileInput): Reconciliation {
  return reconcileReport(input);
}
