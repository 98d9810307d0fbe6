/** What the machine remembers about an item besides its status. */
export interface PendingExtension {
  newDeadline: string;
  reason: string;
  requestedBy: string;
}

export interface RectificationContext {
  /**
   * The item's deadline (ISO date): the latest deadline of its measures when first planned, then
   * moved earlier by re-planning or later by an approved extension only (deadline-rules.ts).
   */
  deadline: string | null;
  /** Days between progress reports of a long-term (长期坚持整改) item. */
  reviewIntervalDays: number | null;
  /** A 申请延期 awaiting a decision; only ever set while the item is in measures_set. */
  pendingExtension: PendingExtension | null;
}

export const EMPTY_RECTIFICATION_CONTEXT: RectificationContext = {
  deadline: null,
  reviewIntervalDays: null,
  pendingExtension: null,
};
