import { type StatusStage } from '@rectify/domain';
import { type ReadScope, type RectificationStatus } from '@rectify/workflow';

/** Which items a search lists by withdrawal (撤销). */
export const WITHDRAWN_FILTERS = ['exclude', 'include', 'only'] as const;
export type WithdrawnFilter = (typeof WITHDRAWN_FILTERS)[number];

/** What to look for (查找整改事项); every value reaches SQL as a bound parameter. */
export interface ItemSearchCriteria {
  /**
   * Limit to this organisation (uuid), one the scope reads, and (unless `subtree` is false)
   * those below it.
   */
  organisationId?: string;
  /** With `organisationId`: include the organisations below it (含下级组织); true unless false. */
  subtree?: boolean;
  status?: RectificationStatus;
  /** Only the statuses of one stage: 未完成 (open), 长期坚持整改 (long_term), 已整改完成 (completed). */
  stage?: StatusStage;
  /** Past the deadline and still open on `today`, or not. */
  overdue?: boolean;
  /** Only problems that repeat an earlier year's problem (反复出现), or only those that do not. */
  recurring?: boolean;
  source?: string;
  /** The year the item belongs to (its report's, or the one chosen when it was created by hand). */
  year?: number;
  /** Words to find in title or detail (LIKE wildcards are escaped). */
  text?: string;
  /**
   * Withdrawn items (撤销): left out (`exclude`, the default), listed with the others (`include`),
   * or alone (`only`).
   */
  withdrawn?: WithdrawnFilter;
  /** 1-based page number and page length. */
  page: number;
  pageSize: number;
  /** "Today" for the overdue flag (YYYY-MM-DD), the caller's clock. */
  today: string;
}

/**
 * A return for rework (退回整改) not yet answered: the item's last status change was
 * RETURN_FOR_REWORK. The reason, who returned it (their name; null for a removed account) and
 * when (ISO timestamp).
 */
export interface ReturnRecord {
  reason: string;
  by: string | null;
  at: string;
}

/**
 * One item in a search result, with what the access rules need to tell the caller's allowed
 * actions (status, the machine's context, the organisation's path), so no query per row.
 */
export interface ItemSearchRow {
  id: string;
  organisationId: string;
  organisationName: string;
  /** Materialised path of the item's organisation (`/<root>/…/<id>/`). */
  organisationPath: string;
  /** The year the item belongs to (see ItemDetailRecord.reportYear). */
  reportYear: number | null;
  seq: number;
  title: string;
  status: RectificationStatus;
  source: string;
  /** YYYY-MM-DD or null. */
  deadline: string | null;
  /** Past the deadline and open on `today`. */
  overdue: boolean;
  recurring: boolean;
  version: number;
  reviewIntervalDays: number | null;
  /** The extension request awaiting a decision (申请延期), as stored; null when none. */
  pendingExtension: unknown;
  /** Who created the item by hand (for the access rules); null for an imported item. */
  createdBy: string | null;
  /** Withdrawn (撤销). */
  withdrawn: boolean;
  /** Returned for rework and not resubmitted since (被退回); null otherwise. */
  returned: ReturnRecord | null;
}

/** A search's outcome: a page of rows and the total, or the filter organisation does not exist. */
export type ItemSearchOutcome =
  { kind: 'page'; rows: ItemSearchRow[]; total: number } | { kind: 'organisation_not_found' };

/** A problem of another year of the same organisation that an item resembles (反复出现). */
export interface RecurrenceEntry {
  itemId: string;
  year: number | null;
  title: string;
  status: RectificationStatus;
  /** Similarity, 0 to 1. */
  score: number;
}

/** An item's withdrawal (撤销). */
export interface WithdrawalRecord {
  /** ISO timestamp. */
  at: string;
  /** The name of who withdrew it; null for a removed account. */
  by: string | null;
  reason: string;
}

/** Everything stored about one item: its ledger fields, measures, evidence, history and recurrence. */
export interface ItemDetailRecord {
  id: string;
  organisationId: string;
  organisationName: string;
  /** Materialised path of the item's organisation. */
  organisationPath: string;
  /** The report it came from; null for an item created by hand (上级点评 …). */
  reportId: string | null;
  /**
   * The year the item belongs to (its own `year`: the report's for an imported item); null only
   * for an item of a report that names no year.
   */
  reportYear: number | null;
  /** Who created the item by hand; null for an imported item. */
  createdBy: string | null;
  seq: number;
  title: string;
  detail: string;
  source: string;
  /** 责任领导, for the ledger. */
  responsibleLeader: string | null;
  status: RectificationStatus;
  /** YYYY-MM-DD or null. */
  deadline: string | null;
  reviewIntervalDays: number | null;
  pendingExtension: unknown;
  version: number;
  /** The withdrawal (撤销) while the item is withdrawn: when, by whom (their name), why; else null. */
  withdrawn: WithdrawalRecord | null;
  /** In plan order; deadlines YYYY-MM-DD. */
  /** `responsibleUserId`: the person picked as 责任人, null for free text or imported measures. */
  measures: {
    seq: number;
    title: string;
    responsible: string | null;
    responsibleUserId: string | null;
    deadline: string | null;
  }[];
  /** Evidence not withdrawn, oldest first; `createdBy` is the uploader's id (null: the system). */
  evidence: {
    id: string;
    text: string;
    fileName: string | null;
    createdBy: string | null;
    createdAt: string;
  }[];
  /** Every history line, in order. */
  history: {
    seq: number;
    event: string;
    actorId: string;
    /** Who it was, by name; null for the system or a removed account. */
    actorName: string | null;
    actorRole: string;
    fromStatus: string | null;
    toStatus: string;
    payload: unknown;
    at: string;
  }[];
  recurrence: {
    /** Earlier problems this one repeats, most similar first. */
    repeats: RecurrenceEntry[];
    /** Later problems that repeat this one, most similar first. */
    repeatedBy: RecurrenceEntry[];
  };
}

/** The part of an item the access rules read, and where it sits in the organisation tree. */
export interface ItemAccessRecord {
  id: string;
  status: RectificationStatus;
  deadline: string | null;
  reviewIntervalDays: number | null;
  pendingExtension: unknown;
  organisationPath: string;
  /** Withdrawn (撤销): no event may be sent to it. */
  withdrawn: boolean;
}

/** An item in the command line's list (rectify items). */
export interface ItemSummary {
  id: string;
  /** The organisation's name. */
  organisation: string;
  seq: number;
  title: string;
  status: RectificationStatus;
  /** YYYY-MM-DD or null. */
  deadline: string | null;
  version: number;
}

/**
 * Reads of rectification items (整改事项) as a person sees them. Every method takes the reader's
 * scope; an item outside it is never loaded, so it reads as absent (null / false / not listed).
 * Item ids must be uuids (the caller checks: a malformed id is a database error here).
 */
export interface ItemQueriesRepository {
  /**
   * A page of the items in scope matching `criteria`, newest report first then by problem
   * number, and how many match in all; withdrawn items only as `criteria.withdrawn` says.
   * `organisation_not_found` when `criteria.organisationId` names no organisation the scope reads
   * (absent, or out of scope: the same answer, so the filter reveals nothing).
   */
  search(scope: ReadScope, criteria: ItemSearchCriteria): Promise<ItemSearchOutcome>;

  /** Whether the item exists and lies within the scope. */
  isVisible(scope: ReadScope, itemId: string): Promise<boolean>;

  /** The item with its measures, evidence, history and recurrence; null if absent or out of scope. */
  findDetail(scope: ReadScope, itemId: string): Promise<ItemDetailRecord | null>;

  /** The item's status, machine context and organisation path; null if absent or out of scope. */
  findAccessState(scope: ReadScope, itemId: string): Promise<ItemAccessRecord | null>;

  /**
   * The items in scope of the organisation at `organisationPath` and those below it, in one
   * status or all, newest first then by problem number; withdrawn items (撤销) left out.
   */
  listUnder(scope: ReadScope, organisationPath: string, status?: RectificationStatus): Promise<ItemSummary[]>;
}
