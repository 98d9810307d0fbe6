import { Card, Empty, Table, Typography } from 'antd';
import { type ItemMeasureResponse } from '../../api/rectify-api';

const columns = [
  { title: '序号', dataIndex: 'seq', width: 60 },
  { title: '整改措施', dataIndex: 'title' },
  {
    title: '责任人',
    dataIndex: 'responsible',
    width: 140,
    render: (v: string | null) => v ?? <Typography.Text type="secondary">未指定</Typography.Text>,
  },
  {
    title: '完成时限',
    dataIndex: 'deadline',
    width: 120,
    render: (v: string | null) => v ?? <Typography.Text type="secondary">未定</Typography.Text>,
  },
];

/** 整改措施: a table, or a plain list on a phone. */
export function MeasuresCard({ measures, mobile }: { measures: ItemMeasureResponse[]; mobile: boolean }) {
  return (
    <Card title="整改措施" data-testid="measures-card" styles={{ body: { padding: mobile ? 12 : 24 } }}>
      {measures.length === 0 ? (
        <Empty description="尚未制定整改措施" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : mobile ? (
        <div data-testid="measures-list">
          {measures.map((m) => (
            <div
              key={m.seq}
              data-testid="measure-item"
              style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}
            >
              <div>
                {m.seq}. {m.title}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                责任人：{m.responsible ?? '未指定'}｜完成时限：{m.deadline ?? '未定'}
              </Typography.Text>
            </div>
          ))}
        </div>
      ) : (
        <Table<ItemMeasureResponse>
          rowKey="seq"
          size="small"
          pagination={false}
          columns={columns}
          dataSource={measures}
          data-testid="measures-table"
        />
      )}
    </Card>
  );
}
