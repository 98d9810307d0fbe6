import { type ItemSource, type RectificationStatus } from '../lifecycle';

export interface TrackedMeasure {
  title: string;
  responsible: string | null;
  /** ISO date. */
  deadline: string | null;
}

/** An earlier item a problem resembles (反复出现). */
export interface RecurrenceLink {
  itemId: string;
  year: number | null;
  title: string;
  status: RectificationStatus;
  score: number;
}

/**
 * One rectification item as the closing-the-loop outputs see it: the tracked truth, with the
 * parts of its history that the section, summary and ledger put into words.
 */
export interface TrackedItem {
  id: string;
  organisationId: string;
  organisationName: string;
  /**
   * The year the item belongs to: its report's for an imported item, the one chosen for an item
   * created by hand (上级点评 …); null only for an item of a report without a year.
   */
  reportYear: number | null;
  /** The report that found the problem; null for an item created by hand. */
  reportId: string | null;
  /** When the report was imported, or the item created (ISO instant): orders items of one year. */
  reportImportedAt: string;
  seq: number;
  title: string;
  detail: string;
  source: ItemSource;
  status: RectificationStatus;
  /** ISO date: the latest measure deadline, or an approved extension. */
  deadline: string | null;
  responsibleLeader: string | null;
  ownerName: string | null;
  measures: TrackedMeasure[];
  /** Evidence files and texts (佐证材料), oldest first. */
  evidence: { text: string; fileName: string | null }[];
  /** What the last completion request said was done (SUBMIT_COMPLETION). */
  completionEvidence: string | null;
  /** The day the item was signed off (销号), when completed. */
  completedOn: string | null;
  /** The latest progress note or long-term review, with its day. */
  latestProgress: { note: string; on: string } | null;
  /** Earlier items of the same organisation this problem resembles. */
  recurrence: RecurrenceLink[];
}
