import { type FindingKind, type UncheckedReason } from './reconcile-report';

/** Every kind of reconciliation finding (see FindingKind). */
export const FINDING_KINDS = [
  'claim_disagrees',
  'item_omitted',
  'claim_unmatched',
  'problem_recurs',
] as const satisfies readonly FindingKind[];

/** Chinese name of each finding kind, as the reconciliation page tags them. */
export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  claim_disagrees: '状态不符',
  item_omitted: '未提及',
  claim_unmatched: '无对应事项',
  problem_recurs: '反复出现',
};

/** Every reason a reconciliation could compare nothing (see UncheckedReason). */
export const UNCHECKED_REASONS = [
  'no_tracked_items',
  'no_entries',
  'none_matched',
  'progress_unstated',
] as const satisfies readonly UncheckedReason[];

/**
 * What to say instead of 一致 when nothing could be compared: a whole Chinese sentence, after
 * 未能核对上年度整改情况：.
 */
export const UNCHECKED_REASON_LABELS: Record<UncheckedReason, string> = {
  no_tracked_items: '系统中没有上一年度的整改事项，无从对照。',
  no_entries: '报告中未找到上年度整改情况。',
  none_matched: '报告所述的问题与上一年度的整改事项均对应不上。',
  progress_unstated: '报告虽提到上一年度的问题，但未写明整改进度。',
};

/** The sentence that opens an unchecked reconciliation's explanation. */
export const UNCHECKED_TITLE = '未能核对上年度整改情况';
