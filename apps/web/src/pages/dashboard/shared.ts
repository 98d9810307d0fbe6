/**
 * Labels, colours and API shapes shared by the dashboard, import, outputs and mailbox pages;
 * the item vocabulary itself comes from components/labels.ts.
 */
import { ApiError } from '../../api/client';

import {
  type ItemSource,
  type ItemStatus,
  type Light as ItemLight,
  LIGHT_LABELS,
  SOURCE_LABELS,
  STATUS_COLORS,
  STATUS_LABELS,
} from '../../components/labels';

// One vocabulary for the whole UI: these pages use the shared labels under their own names.
export type Status = ItemStatus;
export type Source = ItemSource;
export type Light = ItemLight;
export type FindingKind = 'claim_disagrees' | 'item_omitted' | 'claim_unmatched' | 'problem_recurs';

export const STATUS_TEXT = STATUS_LABELS;
export const STATUS_COLOR = STATUS_COLORS;
export const SOURCE_TEXT = SOURCE_LABELS;
export const LIGHT_TEXT = LIGHT_LABELS;

/** antd Tag colour names for the lights (LightTag in components/ draws its own dot). */
export const LIGHT_COLOR: Record<Light, string> = {
  red: 'red',
  yellow: 'gold',
  green: 'green',
  no_deadline: 'default',
  not_lit: 'default',
};

export const FINDING_TEXT: Record<FindingKind, string> = {
  claim_disagrees: '状态不符',
  item_omitted: '未提及',
  claim_unmatched: '无对应事项',
  problem_recurs: '反复出现',
};

export const FINDING_COLOR: Record<FindingKind, string> = {
  claim_disagrees: 'red',
  item_omitted: 'orange',
  claim_unmatched: 'purple',
  problem_recurs: 'volcano',
};

/** The progress a report claims for last year's problem. */
export const CLAIM_TEXT: Record<string, string> = {
  completed: '已整改完成',
  long_term: '长期坚持整改',
  in_progress: '正在整改',
  unknown: '未写明整改状态',
};

export const statusText = (s: string) => STATUS_TEXT[s as Status] ?? s;
export const statusColor = (s: string) => STATUS_COLOR[s as Status] ?? 'default';

export interface RecurrenceLink {
  itemId: string;
  year: number | null;
  title: string;
  status: Status;
  score: number;
}

export interface OrganisationSummary {
  organisationId: string;
  organisationName: string;
  items: number;
  completed: number;
  longTerm: number;
  open: number;
  overdue: number;
  completionRate: number;
}

export interface RectificationSummary {
  problemYear: number;
  asOf: string;
  organisationName: string;
  totals: {
    items: number;
    measures: number;
    completed: number;
    longTerm: number;
    open: number;
    overdue: number;
    recurring: number;
  };
  completionRate: number;
  byOrganisation: OrganisationSummary[];
  byStatus: Record<Status, number>;
  bySource: Record<Source, number>;
  byLight: Record<Light, number>;
  overdue: {
    itemId: string;
    organisationName: string;
    title: string;
    status: Status;
    deadline: string;
    daysOverdue: number;
    workdaysOverdue: number;
  }[];
  recurring: {
    itemId: string;
    organisationName: string;
    title: string;
    status: Status;
    earlier: RecurrenceLink[];
  }[];
}

export interface ItemRow {
  id: string;
  organisationId: string;
  organisationName: string;
  reportYear: number | null;
  seq: number;
  title: string;
  status: Status;
  source: Source;
  deadline: string | null;
  overdue: boolean;
  recurring: boolean;
  version: number;
  light: Light;
  workdaysLeft: number | null;
  workdaysOverdue: number | null;
}

export interface ReconciliationFinding {
  kind: FindingKind;
  itemId: string | null;
  message: string;
}

export interface RecurringProblem {
  itemId: string | null;
  seq: number;
  title: string;
  earlier: RecurrenceLink[];
}

export interface Reconciliation {
  problemYear: number;
  trackedItems: number;
  entries: number;
  matched: {
    itemId: string;
    itemTitle: string;
    trackedStatus: Status;
    claimedProblem: string;
    claim: string;
    claimText: string;
    score: number;
    agreement: string;
  }[];
  omitted: { itemId: string; title: string; status: Status }[];
  unmatchedClaims: { problem: string; claim: string; text: string }[];
  recurring: RecurringProblem[];
  findings: ReconciliationFinding[];
}

export interface ReconcileResult {
  organisation: { id: string; name: string };
  reportYear: number;
  problemYear: number;
  reconciliation: Reconciliation;
  warnings: string[];
}

/** The message to show for any failure: the API's Chinese one when there is one. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return '操作失败，请稍后重试。';
}

export const percent = (rate: number) => `${(rate * 100).toFixed(1).replace(/\.0$/, '')}%`;
