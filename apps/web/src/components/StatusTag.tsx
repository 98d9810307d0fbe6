import { Tag } from 'antd';
import { STATUS_COLORS, STATUS_LABELS, type ItemStatus } from './labels';

export function StatusTag({ status }: { status: ItemStatus | string }) {
  const key = status as ItemStatus;
  return (
    <Tag
      data-testid="status-tag"
      data-status={status}
      color={STATUS_COLORS[key] ?? 'default'}
      style={{ marginInlineEnd: 0 }}
    >
      {STATUS_LABELS[key] ?? status}
    </Tag>
  );
}
