/**
 * The stages of a rectification item (整改事项). The XState machine that moves items between
 * them arrives with the workflow issue; the vocabulary is fixed here so every layer shares it.
 */
export const RECTIFICATION_STATUSES = [
  'identified', // 问题已查摆
  'measures_set', // 已制定整改措施
  'pending_review', // 待审核销号
  'completed', // 已整改完成（已销号）
  'long_term', // 长期坚持整改
] as const;

export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

export const RECTIFICATION_STATUS_LABELS: Record<RectificationStatus, string> = {
  identified: '问题已查摆',
  measures_set: '已制定整改措施',
  pending_review: '待审核销号',
  completed: '已整改完成',
  long_term: '长期坚持整改',
};
