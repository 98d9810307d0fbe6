import { type FindingKind } from './reconcile-report';

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
