import { Descriptions, Typography } from 'antd';
import { DeadlineText } from '../../components/DeadlineText';
import { type ItemDetailResponse } from '../../api/rectify-api';
import { ITEM_SOURCE_LABELS, RECTIFICATION_STATUS_LABELS } from '../../api/generated/vocabulary';
import { label } from '../../components/labels';

/** The ledger facts of an item: organisation, year, source, leader, deadline, status, interval. */
export function ItemFacts({ item, mobile }: { item: ItemDetailResponse; mobile: boolean }) {
  const settled = item.status === 'completed';
  return (
    <Descriptions
      size="small"
      bordered
      column={mobile ? 1 : 2}
      data-testid="item-facts"
      items={[
        { key: 'org', label: '党组织', children: item.organisationName },
        {
          key: 'year',
          label: '所属年度',
          children: item.reportYear ? `${item.reportYear}年度` : '—',
        },
        { key: 'source', label: '问题来源', children: label(ITEM_SOURCE_LABELS, item.source) },
        {
          key: 'leader',
          label: '责任领导',
          children: item.responsibleLeader ?? <Typography.Text type="secondary">未指定</Typography.Text>,
        },
        {
          key: 'deadline',
          label: '整改时限',
          children: (
            <DeadlineText
              deadline={item.deadline}
              workdaysLeft={settled ? null : item.workdaysLeft}
              workdaysOverdue={settled ? null : item.workdaysOverdue}
            />
          ),
        },
        { key: 'status', label: '当前状态', children: label(RECTIFICATION_STATUS_LABELS, item.status) },
        ...(item.reviewIntervalDays
          ? [{ key: 'interval', label: '定期报告间隔', children: `${item.reviewIntervalDays}天` }]
          : []),
      ]}
    />
  );
}
