/** What the machine remembers about an item besides its status. */
export interface PendingExtension {
  newDeadline: string;
  reason: string;
  requestedBy: string;
}

export interface RectificationContext {
  /** The item's deadline (ISO date): the latest deadline of its measures, or an approved extension. */
  deadline: string | null;
  /** Days between progress reports of a long-term (长期坚持整改) item. */
  reviewIntervalDays: number | null;
  pendingExtension: PendingExtension | null;
}

export const EMPTY_RECTIFICATION_CONTEXT: RectificationContext = {
  deadline: null,
  reviewIntervalDays: null,
  pendingExtension: null,
};
