/**
 * The colours of the vocabulary (presentation stays in the web). The words themselves, the value
 * lists and their types come from the server's vocabulary, generated into api/generated/vocabulary.ts.
 */
import {
  type FindingKind,
  type ItemLight,
  RECTIFICATION_STATUS_LABELS,
  RECTIFICATION_STATUS_STAGES,
  type RectificationStatus,
  type StatusStage,
} from '../api/generated/vocabulary';

/**
 * antd Tag colours of the statuses: a status shows its stage's colour (still open, long-term,
 * signed off) unless it has one of its own below.
 */
const STAGE_COLORS: Record<StatusStage, string> = {
  open: 'processing',
  long_term: 'purple',
  completed: 'success',
};

/** Open statuses told apart from the rest of their stage: not yet planned, waiting for sign-off. */
const OWN_STATUS_COLORS: Partial<Record<RectificationStatus, string>> = {
  identified: 'default',
  pending_review: 'warning',
};

/** The dot colours of the lights (LightTag). */
export const LIGHT_COLORS: Record<ItemLight, string> = {
  red: '#cf1322',
  yellow: '#d48806',
  green: '#389e0d',
  no_deadline: '#8c8c8c',
  not_lit: '#bfbfbf',
};

/** antd Tag colour names of the lights, where a plain Tag shows one (LightTag draws its own dot). */
export const LIGHT_TAG_COLORS: Record<ItemLight, string> = {
  red: 'red',
  yellow: 'gold',
  green: 'green',
  no_deadline: 'default',
  not_lit: 'default',
};

/** antd Tag colours of the reconciliation's findings. */
export const FINDING_COLORS: Record<FindingKind, string> = {
  claim_disagrees: 'red',
  item_omitted: 'orange',
  claim_unmatched: 'purple',
  problem_recurs: 'volcano',
};

/** The label of a key, the key itself when the table does not know it, '—' when there is none. */
export function label<K extends string>(
  map: Readonly<Record<K, string>>,
  key: string | null | undefined,
): string {
  if (!key) return '—';
  return (map as Readonly<Record<string, string>>)[key] ?? key;
}

/** A status's Chinese name (the value itself when unknown). */
export const statusText = (s: string): string => label(RECTIFICATION_STATUS_LABELS, s);

/** A status's Tag colour ('default' when unknown). */
export function statusColor(s: string): string {
  const status = s as RectificationStatus;
  const stage = RECTIFICATION_STATUS_STAGES[status] as StatusStage | undefined;
  return OWN_STATUS_COLORS[status] ?? (stage ? STAGE_COLORS[stage] : 'default');
}
