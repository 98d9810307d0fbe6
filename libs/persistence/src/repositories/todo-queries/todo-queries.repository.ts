import { type RectificationStatus, type Viewer } from '@rectify/workflow';

/**
 * The last status-changing line of an item's history (整改全过程记录): which event, when (ISO
 * timestamp), by whom (their name; null for the system or a removed account) and the payload as
 * sent (a RETURN_FOR_REWORK carries `reason`).
 */
export interface LastStatusChange {
  event: string;
  at: string;
  by: string | null;
  payload: Record<string, unknown>;
}

/**
 * One item that may belong on a person's to-do lists (待办), with what the access rules need
 * (status, machine context, the organisation's path, who created it) and what the lists show.
 */
export interface TodoCandidateRow {
  id: string;
  title: string;
  organisationName: string;
  /** Materialised path of the item's organisation (`/<root>/…/<id>/`). */
  organisationPath: string;
  status: RectificationStatus;
  /** YYYY-MM-DD or null. */
  deadline: string | null;
  reviewIntervalDays: number | null;
  /** The extension request awaiting a decision (申请延期), as stored; null when none. */
  pendingExtension: unknown;
  createdBy: string | null;
  version: number;
  /** The viewer is the item's owner (owner_id). */
  owned: boolean;
  /** The viewer is 责任人 of one of its measures (measure.responsible_user_id). */
  measureResponsible: boolean;
  /** The last history line that changed the status; null when none did (never, in practice). */
  lastStatusChange: LastStatusChange | null;
  /** When the pending extension request was made (ISO timestamp); null without one. */
  extensionRequestedAt: string | null;
}

/** Which items to consider; every value reaches SQL as a bound parameter. */
export interface TodoCandidateQuery {
  /** Statuses in which an item awaits a decision from above (待审核销号). */
  reviewStatuses: readonly RectificationStatus[];
  /** Statuses in which an item is still being worked (OPEN_STATUSES). */
  openStatuses: readonly RectificationStatus[];
}

/**
 * Reads for the to-do lists (待办). The SQL only narrows to candidates within the viewer's read
 * scope; who may act on each, and which list it belongs on, is decided by the caller through the
 * access rules.
 */
export interface TodoQueriesRepository {
  /**
   * Items in `viewer`'s read scope, never withdrawn (撤销), that are either awaiting review
   * (status in `reviewStatuses`, or an extension request pending), or open (`openStatuses`) and
   * tied to the viewer: in the organisation of one of their positions, owned by them, or with a
   * measure they are 责任人 of. In no particular order; not capped (the caller counts them).
   */
  findCandidates(viewer: Viewer, query: TodoCandidateQuery): Promise<TodoCandidateRow[]>;
}
