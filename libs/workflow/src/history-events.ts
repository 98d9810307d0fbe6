import { RECTIFICATION_EVENT_LABELS, RECTIFICATION_EVENT_TYPES } from './rectification-events';

/**
 * What an item's history (整改全过程记录) can record: every lifecycle event, and the changes
 * made outside the machine (the import, creation by hand (上级点评 …), ledger edits, evidence uploads and deletions,
 * withdrawing a mistaken item and restoring it (撤销 / 恢复, with the reason or note), and the
 * extension request dropped by an old migration).
 */
export const HISTORY_EVENT_TYPES = [
  ...RECTIFICATION_EVENT_TYPES,
  'IMPORT',
  'CREATE',
  'UPDATE_DETAILS',
  'ATTACH_EVIDENCE',
  'DELETE_EVIDENCE',
  'DROP_EXTENSION_REQUEST',
  'WITHDRAW',
  'RESTORE',
] as const;

export type HistoryEventType = (typeof HISTORY_EVENT_TYPES)[number];

/** Chinese name of each history line's event, as the item page lists them. */
export const HISTORY_EVENT_LABELS: Record<HistoryEventType, string> = {
  ...RECTIFICATION_EVENT_LABELS,
  IMPORT: '导入报告，问题已查摆',
  CREATE: '新建整改事项，问题已查摆',
  UPDATE_DETAILS: '修改台账信息',
  ATTACH_EVIDENCE: '上传整改佐证',
  DELETE_EVIDENCE: '删除整改佐证',
  DROP_EXTENSION_REQUEST: '延期申请随之撤销',
  WITHDRAW: '撤销整改事项',
  RESTORE: '恢复整改事项',
};
