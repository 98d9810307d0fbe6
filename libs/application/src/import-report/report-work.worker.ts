// Runs in the worker threads of report-work-pool.ts (piscina calls these exports by name), so the
// CPU-heavy, pure part of an import (decoding, parsing, similarity scoring past
// IMPORT_LIMITS.inlineScorePairs, reconciliation past inlineReconcileUnits) never blocks the event
// loop that answers requests. Only the domain is imported: no database.
import {
  cleanText,
  cleanTextDeep,
  decodeReport,
  type DecodedTable,
  extractDecoded,
  type ExtractionResult,
  type Reconciliation,
  type ReconcileInput,
  reconcileReport,
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

// Small scorings run in the calling thread (scoreRecurrenceWork); piscina calls this one by name.
export { scoreRecurrence, type ScoreOutcome, type ScoreTask } from './score-recurrence';

/** A report's 上年度整改情况 checked against last year's items (see reconcileReport). */
export function reconcile(input: ReconcileInput): Reconciliation {
  return reconcileReport(input);
}
