/**
 * Labels, colours and API shapes shared by the dashboard, import, outputs and mailbox pages.
 * (Kept here rather than in components/ so these pages do not depend on files still being written.)
 */
import { ApiError } from '../../api/client';

export type Status = 'identified' | 'measures_set' | 'pending_review' | 'completed' | 'long_term';
export type Source = 'self_inspection' | 'superior_review' | 'public_appraisal' | 'inspection_tour';
export type Light = 'red' | 'yellow' | 'green' | 'no_deadline' | 'not_lit';
export type FindingKind = 'claim_disagrees' | 'item_omitted' | 'claim_unmatched' | 'problem_recurs';

export const STATUS_TEXT: Record<Status, string> = {
  identified: '问题已查摆',
  measures_set: '已制定整改措施',
  pending_review: '待审核销号',
  completed: '已整改完成',
  long_term: '长期坚持整改',
};

export const STATUS_COLOR: Record<Status, string> = {
  identified: 'default',
  measures_set: 'processing',
  pending_review: 'warning',
  completed: 'success',
  long_term: 'cyan',
};

export const SOURCE_TEXT: Record<Source, string> = {
  self_inspection: '自身查摆',
  superior_review: '上级点评',
  public_appraisal: '群众评议',
  inspection_tour: '巡视巡察反馈',
};

export const LIGHT_TEXT: Record<Light, string> = {
  red: '红灯',
  yellow: '黄灯',
  green: '绿灯',
  no_deadline: '未定时限',
  not_lit: '不亮灯',
};

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
