/**
 * The stages of a rectification item (整改事项) and their Chinese names. The XState machine in
 * `libs/workflow` moves items between them; everything else (parsing, summaries, SQL, the web)
 * reads the vocabulary from here, so adding a stage starts in this file.
 */
export const RECTIFICATION_STATUSES = [
  'identified', // 问题已查摆
  'measures_set', // 已制定整改措施
  'pending_review', // 待审核销号
  'completed', // 已整改完成（已销号）
  'long_term', // 长期坚持整改
] as const;

export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

/** Chinese name of each status, as users read it in lists, documents and messages. */
export const RECTIFICATION_STATUS_LABELS: Record<RectificationStatus, string> = {
  identified: '问题已查摆',
  measures_set: '已制定整改措施',
  pending_review: '待审核销号',
  completed: '已整改完成',
  long_term: '长期坚持整改',
};

/**
 * Statuses whose rectification is not finished and not agreed as long-term (未完成整改): they can
 * be overdue and they light up (亮灯). Bind as a parameter in SQL (`status = ANY($1)`).
 */
export const OPEN_STATUSES = [
  'identified',
  'measures_set',
  'pending_review',
] as const satisfies readonly RectificationStatus[];

/** Statuses that end the work on an item: signed off (销号) or agreed as long-term (长期坚持). */
export const SETTLED_STATUSES = ['completed', 'long_term'] as const satisfies readonly RectificationStatus[];

/**
 * Statuses that carry reminders (提醒): a deadline in measures_set, a review interval in
 * long_term. Matches the partial index `rectification_item_open_deadline_idx`.
 */
export const REMINDED_STATUSES = [
  'measures_set',
  'long_term',
] as const satisfies readonly RectificationStatus[];

/** True for an open status (see OPEN_STATUSES). */
export function isOpen(status: RectificationStatus): boolean {
  return (OPEN_STATUSES as readonly RectificationStatus[]).includes(status);
}

/** True when `value` names a status; for input read from files, queries and the database. */
export function isRectificationStatus(value: unknown): value is RectificationStatus {
  return typeof value === 'string' && (RECTIFICATION_STATUSES as readonly string[]).includes(value);
}
