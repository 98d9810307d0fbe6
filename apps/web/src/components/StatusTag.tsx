import { Tag } from 'antd';
import { RECTIFICATION_STATUS_LABELS, type RectificationStatus } from '../api/generated/vocabulary';
import { STATUS_COLORS } from './labels';

export function StatusTag({ status }: { status: RectificationStatus | string }) {
  const key = status as RectificationStatus;
  return (
    <Tag
      data-testid="status-tag"
      data-status={status}
      color={STATUS_COLORS[key] ?? 'default'}
      style={{ marginInlineEnd: 0 }}
    >
      {RECTIFICATION_STATUS_LABELS[key] ?? status}
    </Tag>
  );
}
