/** Where a problem came from (问题来源); `other` (其他) for a problem from none of the named sources. */
export const ITEM_SOURCES = [
  'self_inspection',
  'superior_review',
  'public_appraisal',
  'inspection_tour',
  'other',
] as const;

export type ItemSource = (typeof ITEM_SOURCES)[number];

/** Chinese name of each source. */
export const ITEM_SOURCE_LABELS: Record<ItemSource, string> = {
  self_inspection: '自身查摆',
  superior_review: '上级点评',
  public_appraisal: '群众评议',
  inspection_tour: '巡视巡察反馈',
  other: '其他',
};
