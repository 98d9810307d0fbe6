import { Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { type ReturnRecordResponse } from '../../api/rectify-api';

/** The reason of a return, who returned it and when, as one line. */
export const returnText = (r: ReturnRecordResponse) =>
  `退回原因：${r.reason}（${r.by ?? '（账号已删除）'} ${dayjs(r.at).format('YYYY-MM-DD HH:mm')} 退回）`;

/**
 * 被退回: returned for rework and not resubmitted since, so a returned item does not look
 * unchanged; the reason shows on hover, or on a tap on a phone.
 */
export function ReturnedTag({ returned }: { returned: ReturnRecordResponse }) {
  return (
    <Tooltip title={returnText(returned)} trigger={['hover', 'click']}>
      <Tag
        color="orange"
        data-testid="returned-tag"
        style={{ marginInlineStart: 6, cursor: 'help' }}
        onClick={(e) => e.stopPropagation()}
      >
        被退回
      </Tag>
    </Tooltip>
  );
}
