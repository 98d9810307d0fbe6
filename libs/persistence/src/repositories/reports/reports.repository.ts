import { type ExtractionResult, type ItemSource } from '@rectify/domain';
import { type ReadScope, type RectificationStatus } from '@rectify/workflow';
import { type HistoryActor } from '../items/item-records';
import { type RecurrenceLinkRow } from '../tracked-items/recurrence-links';

/** An item an import created, as saved: its id, problem number and title. */
export interface ImportedItemRef {
  id: string;
  seq: number;
  title: string;
}

/** A report imported before: what a repeated import answers with. */
export interface ImportedReportRecord {
  reportId: string;
  year: number | null;
  importedAt: Date;
  extraction: ExtractionResult;
  /** Its items' ids, in problem order (seq). */
  itemIds: string[];
  /** Its items as saved (the title may have been corrected since), in problem order. */
  items: ImportedItemRef[];
}

/** A rectification item (整改事项) an import creates, with its measures and its IMPORT line. */
export interface NewImportedItem {
  /** Chosen before the transaction (recurrence is scored against it first). */
  id: string;
  seq: number;
  title: string;
  detail: string;
  source: ItemSource;
  status: RectificationStatus;
  /** YYYY-MM-DD, or null. */
  deadline: string | null;
  responsibleLeader: string | null;
  reviewIntervalDays: number | null;
  measures: {
    seq: number;
    title: string;
    detail: string;
    responsible: string | null;
    deadline: string | null;
  }[];
  /** The IMPORT history line's payload; the report's id is added as `reportId`. */
  historyPayload: Record<string, unknown>;
}

/** Everything one import stores, in one transaction. */
export interface NewImport {
  organisationId: string;
  year: number | null;
  title: string | null;
  sourceFileName: string;
  /** sha256 of the file's bytes, hex: the same file for the same organisation is imported once. */
  sourceHash: string;
  text: string;
  extraction: ExtractionResult;
  importedBy: string | null;
  items: NewImportedItem[];
  /** Who the IMPORT lines name: the importing administrator, or the system. */
  actor: HistoryActor;
  /** The statuses whose items get an outbox row now, so their reminders are scheduled at once. */
  remindedStatuses: readonly RectificationStatus[];
  recurrenceLinks: readonly RecurrenceLinkRow[];
  /** How many links an item keeps, the best first (the domain's RECURRENCE_MAX_LINKS). */
  recurrenceMaxLinks: number;
}

/** What storing an import did. */
export type StoreImportOutcome =
  { kind: 'created'; reportId: string } | { kind: 'already_imported'; report: ImportedReportRecord };

/** Removing an import (删除导入): which report, seen through whose scope, and who may. */
export interface RemoveImport {
  reportId: string;
  /** A report out of this scope reads as absent. */
  scope: ReadScope;
  /** The access rule, asked with the report's organisation path before anything is removed. */
  mayRemove: (organisationPath: string) => boolean;
}

/**
 * What removing an import did: removed (with how many items), refused because `worked` of its
 * `items` items were worked on (nothing removed), refused by the access rule, or no such report.
 */
export type RemoveImportOutcome =
  | { kind: 'removed'; items: number }
  | { kind: 'in_use'; items: number; worked: number }
  | { kind: 'forbidden' }
  | { kind: 'not_found' };

/** The write side of reports (整改报告): imports. Database faults propagate unchanged. */
export interface ReportsRepository {
  /** The report of this organisation with this source hash, imported before, or null. */
  findImported(organisationId: string, sourceHash: string): Promise<ImportedReportRecord | null>;

  /**
   * Stores the report, its items, their measures, IMPORT history lines, outbox rows (for items in
   * `remindedStatuses`) and recurrence links in ONE transaction, unless the same report was
   * imported meanwhile (then nothing is written and that import is returned).
   */
  storeImport(input: NewImport): Promise<StoreImportOutcome>;

  /**
   * Removes a report with all its items in ONE transaction (report and items locked), provided
   * none of its items was worked on: no history line but its IMPORT / CREATE line (so no plan,
   * note, withdrawal or edit) and no evidence. With the items go their measures, IMPORT lines,
   * outbox rows, reminder ledger rows and recurrence links (both ways). Otherwise nothing is
   * written.
   */
  removeImport(input: RemoveImport): Promise<RemoveImportOutcome>;
}
