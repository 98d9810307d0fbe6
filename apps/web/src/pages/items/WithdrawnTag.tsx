import { Tag } from 'antd';

/** 已撤销: the item was withdrawn as a mistake; listed only when the filter asks for it. */
export function WithdrawnTag() {
  return (
    <Tag color="default" data-testid="withdrawn-tag" style={{ marginInlineStart: 6 }}>
      已撤销
    </Tag>
  );
}
