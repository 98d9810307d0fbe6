import { type ExtractionResult, type LastYearRectificationEntry } from '@rectify/domain';
import { type ReadScope } from '@rectify/workflow';

/** A report (述职报告) in a list: where it came from and how many items it made. */
export interface ReportListEntry {
  id: string;
  organisationId: string;
  organisationName: string;
  /** The organisation's materialised path (for the access rules; not for clients). */
  organisationPath: string;
  year: number | null;
  title: string | null;
  sourceFileName: string;
  /** When it was imported. */
  importedAt: string;
  /** How many rectification items it made. */
  items: number;
}

/** A stored report with what was extracted from it. */
export interface ReportRecord {
  id: string;
  organisationId: string;
  organisationName: string;
  year: number | null;
  title: string | null;
  sourceFileName: string;
  importedAt: string;
  extraction: ExtractionResult;
}

/** What reconciling a stored report needs: its organisation, year and 上年度整改情况 entries. */
export interface ReconcileSource {
  organisationId: string;
  year: number | null;
  /** Null when the extraction holds none. */
  entries: LastYearRectificationEntry[] | null;
}

/**
 * Reads of imported reports within a reader's scope (the report's organisation). A report out
 * of scope reads as absent. Report ids must be uuids (the caller checks).
 */
export interface ReportQueriesRepository {
  /** Every report in scope, newest import first. */
  list(scope: ReadScope): Promise<ReportListEntry[]>;

  /** The report and its extraction, or null. */
  findReport(scope: ReadScope, reportId: string): Promise<ReportRecord | null>;

  /** The report's text (UTF-8) and original file name, or null. */
  findText(scope: ReadScope, reportId: string): Promise<{ text: string; sourceFileName: string } | null>;

  /** The report's organisation, year and 上年度整改情况 entries, or null. */
  findReconcileSource(scope: ReadScope, reportId: string): Promise<ReconcileSource | null>;
}
