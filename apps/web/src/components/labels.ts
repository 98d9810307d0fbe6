/**
 * The Chinese vocabulary of the UI, copied from the Node libraries (the web app cannot import them):
 * statuses `libs/workflow/src/rectification-status.ts`, events `libs/workflow/src/rectification-events.ts`,
 * sources `libs/domain/src/closing-loop/tracked-item.ts`.
 */
export type ItemStatus = 'identified' | 'measures_set' | 'pending_review' | 'completed' | 'long_term';
export type ItemSource = 'self_inspection' | 'superior_review' | 'public_appraisal' | 'inspection_tour';
export type Light = 'red' | 'yellow' | 'green' | 'no_deadline' | 'not_lit';
export type EventType =
  | 'SET_MEASURES'
  | 'SUBMIT_COMPLETION'
  | 'APPROVE_COMPLETION'
  | 'RETURN_FOR_REWORK'
  | 'APPROVE_LONG_TERM'
  | 'RECORD_LONG_TERM_REVIEW'
  | 'REQUEST_EXTENSION'
  | 'APPROVE_EXTENSION'
  | 'REJECT_EXTENSION'
  | 'REOPEN'
  | 'ADD_PROGRESS_NOTE';

export const STATUS_LABELS: Record<ItemStatus, string> = {
  identified: '问题已查摆',
  measures_set: '已制定整改措施',
  pending_review: '待审核销号',
  completed: '已整改完成',
  long_term: '长期坚持整改',
};

export const STATUS_COLORS: Record<ItemStatus, string> = {
  identified: 'default',
  measures_set: 'processing',
  pending_review: 'warning',
  completed: 'success',
  long_term: 'purple',
};

export const SOURCE_LABELS: Record<ItemSource, string> = {
  self_inspection: '自身查摆',
  superior_review: '上级点评',
  public_appraisal: '群众评议',
  inspection_tour: '巡视巡察反馈',
};

export const EVENT_LABELS: Record<EventType, string> = {
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

/** History lines also carry events that are not user actions (the import, ledger edits…). */
export const HISTORY_EVENT_LABELS: Record<string, string> = {
  ...EVENT_LABELS,
  IMPORT: '导入报告，问题已查摆',
  UPDATE_DETAILS: '修改台账信息',
  ATTACH_EVIDENCE: '上传整改佐证',
  DELETE_EVIDENCE: '删除整改佐证',
  DROP_EXTENSION_REQUEST: '延期申请随之撤销',
};

export const LIGHT_LABELS: Record<Light, string> = {
  red: '红灯',
  yellow: '黄灯',
  green: '绿灯',
  no_deadline: '未定时限',
  not_lit: '不亮灯',
};

export const LIGHT_COLORS: Record<Light, string> = {
  red: '#cf1322',
  yellow: '#d48806',
  green: '#389e0d',
  no_deadline: '#8c8c8c',
  not_lit: '#bfbfbf',
};

export const ACTOR_ROLE_LABELS: Record<string, string> = {
  secretary: '支部书记',
  supervisor: '上级党组织',
  admin: '管理员',
  system: '系统',
};

export function label<K extends string>(map: Record<K, string>, key: string | null | undefined): string {
  if (!key) return '—';
  return (map as Record<string, string>)[key] ?? key;
}
