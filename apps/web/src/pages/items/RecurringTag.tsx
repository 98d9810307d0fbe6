import { Tag } from 'antd';

/** 反复出现: the problem resembles one of an earlier year. */
export function RecurringTag() {
  return (
    <Tag color="volcano" data-testid="recurring-tag" style={{ marginInlineStart: 6 }}>
      反复出现
    </Tag>
  );
}
