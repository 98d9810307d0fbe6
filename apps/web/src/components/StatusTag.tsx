import { Tag } from 'antd';
import { statusColor, statusText } from './labels';

/** A status as a coloured tag with its Chinese name (an unknown value shows as itself). */
export function StatusTag({ status }: { status: string }) {
  return (
    <Tag
      data-testid="status-tag"
      data-status={status}
      color={statusColor(status)}
      style={{ marginInlineEnd: 0 }}
    >
      {statusText(status)}
    </Tag>
  );
}
