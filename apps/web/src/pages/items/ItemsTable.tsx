import { Table, type TableColumnsType } from 'antd';
import { type HTMLAttributes } from 'react';
import { DeadlineText } from '../../components/DeadlineText';
import { type ItemListEntryResponse } from '../../api/rectify-api';
import {
  ITEM_SOURCE_LABELS,
  type ItemSource,
  type RectificationStatus,
} from '../../api/generated/vocabulary';
import { label } from '../../components/labels';
import { LightTag } from '../../components/LightTag';
import { StatusTag } from '../../components/StatusTag';
import { type ItemListProps } from './item-list-props';
import { RecurringTag } from './RecurringTag';
import { ReturnedTag } from './ReturnedTag';
import { WithdrawnTag } from './WithdrawnTag';
import { ClampedTitle } from '../../components/ClampedTitle';

/** The list as a table (wider screens); red rows are tinted. */
export function ItemsTable({
  rows,
  total,
  loading,
  page,
  pageSize,
  empty,
  actionsFor,
  onPage,
}: ItemListProps) {
  const columns: TableColumnsType<ItemListEntryResponse> = [
    {
      title: '亮灯',
      dataIndex: 'light',
      width: 88,
      render: (light: ItemListEntryResponse['light']) => <LightTag light={light} />,
    },
    {
      title: '问题',
      dataIndex: 'title',
      render: (_: unknown, row) => (
        <span>
          <ClampedTitle text={row.title} to={`/items/${row.id}`} testId="item-link" />
          {row.recurring && <RecurringTag />}
          {row.withdrawn && <WithdrawnTag />}
          {row.returned && <ReturnedTag returned={row.returned} />}
        </span>
      ),
    },
    { title: '党组织', dataIndex: 'organisationName', width: 120, ellipsis: true },
    {
      title: '年度',
      dataIndex: 'reportYear',
      width: 64,
      render: (y: number | null) => (y === null ? '—' : `${y}`),
    },
    {
      title: '来源',
      dataIndex: 'source',
      width: 92,
      render: (s: ItemSource) => label(ITEM_SOURCE_LABELS, s),
    },
    {
      title: '整改时限',
      dataIndex: 'deadline',
      width: 124,
      render: (_: unknown, row) => (
        <DeadlineText
          deadline={row.deadline}
          workdaysLeft={row.status === 'completed' ? null : row.workdaysLeft}
          workdaysOverdue={row.status === 'completed' ? null : row.workdaysOverdue}
        />
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 116,
      render: (s: RectificationStatus) => <StatusTag status={s} />,
    },
    { title: '操作', key: 'actions', width: 160, render: (_: unknown, row) => actionsFor(row) },
  ];

  return (
    <Table<ItemListEntryResponse>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      locale={{ emptyText: loading ? ' ' : empty }}
      onRow={(row) => ({ 'data-testid': 'item-row', 'data-item-id': row.id }) as HTMLAttributes<HTMLElement>}
      rowClassName={(row) => (row.light === 'red' ? 'item-row-red' : '')}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (t) => `共 ${t} 项`,
        onChange: onPage,
      }}
      data-testid="items-table"
    />
  );
}
