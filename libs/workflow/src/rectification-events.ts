import { type WorkflowActor } from './workflow-actor';

/** A measure as the machine needs to see it: who is responsible and by when. */
export interface MeasurePlan {
  title: string;
  responsible: string;
  /** ISO date (YYYY-MM-DD). */
  deadline: string;
}

interface Sent {
  actor: WorkflowActor;
}

/** The events of a rectification item's lifecycle; payloads are validated by the guards. */
export type RectificationEvent =
  | (Sent & { type: 'SET_MEASURES'; measures: MeasurePlan[] }) // 制定整改措施
  | (Sent & { type: 'SUBMIT_COMPLETION'; evidence: string; evidenceFileIds?: string[] }) // 提交销号申请
  | (Sent & { type: 'APPROVE_COMPLETION'; comment?: string }) // 审核销号
  | (Sent & { type: 'RETURN_FOR_REWORK'; reason: string }) // 退回
  | (Sent & { type: 'APPROVE_LONG_TERM'; reviewIntervalDays: number; reason: string }) // 同意长期坚持整改
  | (Sent & { type: 'RECORD_LONG_TERM_REVIEW'; note: string }) // 长期整改定期报告
  | (Sent & { type: 'REQUEST_EXTENSION'; newDeadline: string; reason: string }) // 申请延期
  | (Sent & { type: 'APPROVE_EXTENSION'; comment?: string })
  | (Sent & { type: 'REJECT_EXTENSION'; reason: string })
  | (Sent & { type: 'REOPEN'; reason: string }) // 重新整改
  | (Sent & { type: 'ADD_PROGRESS_NOTE'; note: string }); // 进展记录

export type RectificationEventType = RectificationEvent['type'];

export const RECTIFICATION_EVENT_TYPES: readonly RectificationEventType[] = [
  'SET_MEASURES',
  'SUBMIT_COMPLETION',
  'APPROVE_COMPLETION',
  'RETURN_FOR_REWORK',
  'APPROVE_LONG_TERM',
  'RECORD_LONG_TERM_REVIEW',
  'REQUEST_EXTENSION',
  'APPROVE_EXTENSION',
  'REJECT_EXTENSION',
  'REOPEN',
  'ADD_PROGRESS_NOTE',
];

export const RECTIFICATION_EVENT_LABELS: Record<RectificationEventType, string> = {
  SET_MEASURES: '制定整改措施',
  SUBMIT_COMPLETION: '提交销号申请',
  APPROVE_COMPLETION: '审核销号',
  RETURN_FOR_REWORK: '退回整改',
  APPROVE_LONG_TERM: '同意长期坚持整改',
  RECORD_LONG_TERM_REVIEW: '报告长期整改进展',
  REQUEST_EXTENSION: '申请延期',
  APPROVE_EXTENSION: '同意延期',
  REJECT_EXTENSION: '不同意延期',
  REOPEN: '重新整改',
  ADD_PROGRESS_NOTE: '记录整改进展',
};
