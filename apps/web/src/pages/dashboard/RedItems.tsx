import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Form, Input, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../api/error-message';
import { FormModal } from '../../components/FormModal';
import { useSendEvent } from '../../features/item-events/useSendEvent';
import { type BulkTransitionResponse, type ItemListEntryResponse } from '../../api/rectify-api';
import { useItems } from '../../features/items/useItems';
import { ITEM_LIGHT_LABELS } from '../../api/generated/vocabulary';
import { LIGHT_TAG_COLORS, statusColor, statusText } from '../../components/labels';
import { itemsLink } from '../items/useItemFilters';
import { ClampedTitle } from '../../components/ClampedTitle';
import { ResponsiveTable } from '../../components/ResponsiveTable';

const NO_ROWS: ItemListEntryResponse[] = [];

/** 红灯事项: overdue items, with a bulk 督办意见. */
export function RedItems({ organisationId }: { organisationId: string | undefined }) {
  const { message } = App.useApp();
  const query = useItems({ overdue: true, organisationId, pageSize: 200 }, Boolean(organisationId));
  const rows = query.data?.items ?? NO_ROWS;
  const error = query.error ? errorMessage(query.error) : null;
  const [selected, setSelected] = useState<string[]>([]);
  const [noteOpen, setNoteOpen] = useState(false);
  const [result, setResult] = useState<BulkTransitionResponse | null>(null);
  const { sendToMany, sendingToMany } = useSendEvent();
  const [form] = Form.useForm<{ note?: string }>();

  // Another organisation: nothing of the last one stays selected.
  useEffect(() => setSelected([]), [organisationId]);

  const send = async ({ note }: { note?: string }) => {
    if (!note?.trim()) {
      message.warning('请填写督办意见');
      return;
    }
    const r = await sendToMany(selected, 'ADD_PROGRESS_NOTE', { note: note.trim() });
    if (!r) return;
    setResult(r);
    setNoteOpen(false);
    if (r.failed === 0) message.success(`已为 ${r.succeeded} 个事项记录督办意见`);
    else message.warning(`成功 ${r.succeeded} 个，失败 ${r.failed} 个`);
    setSelected([]);
  };

  const titleOf = (id: string) => rows.find((r) => r.id === id)?.title ?? id;

  return (
    <Card
      title={
        <Space wrap size={[8, 0]}>
          <span>红灯事项</span>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            已超过整改时限且尚未完成的事项（全部年度）
          </Typography.Text>
        </Space>
      }
      extra={
        <Space wrap>
          {organisationId && (
            <Link to={itemsLink({ org: organisationId, overdue: 'true' })} data-testid="red-items-all">
              在整改事项中查看全部{query.data ? `（${query.data.total}）` : ''}
            </Link>
          )}
          <Button
            type="primary"
            disabled={selected.length === 0}
            onClick={() => setNoteOpen(true)}
            data-testid="bulk-note-button"
          >
            批量记录督办意见{selected.length > 0 ? `（${selected.length}）` : ''}
          </Button>
          <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()}>
            刷新
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {result && (
        <Alert
          data-testid="bulk-result"
          style={{ marginBottom: 12 }}
          type={result.failed === 0 ? 'success' : 'warning'}
          showIcon
          closable={{ onClose: () => setResult(null) }}
          title={`督办意见已记录：成功 ${result.succeeded} 个，失败 ${result.failed} 个`}
          description={
            <div>
              {result.results.map((r) => (
                <div key={r.itemId}>
                  {r.ok ? <Tag color="success">成功</Tag> : <Tag color="error">失败</Tag>}
                  <Link to={`/items/${r.itemId}`}>{titleOf(r.itemId)}</Link>
                  {r.error && <Typography.Text type="danger">：{r.error.message}</Typography.Text>}
                </div>
              ))}
            </div>
          }
        />
      )}
      <ResponsiveTable<ItemListEntryResponse>
        data-testid="red-items"
        rowKey="id"
        size="small"
        loading={query.isFetching}
        dataSource={rows}
        pagination={rows.length > 10 ? { pageSize: 10 } : false}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        locale={{ emptyText: <Empty description="没有超期事项，继续保持" /> }}
        columns={[
          {
            title: '问题',
            dataIndex: 'title',
            render: (t: string, r) => <ClampedTitle text={t} to={`/items/${r.id}`} testId="red-item-link" />,
          },
          { title: '党组织', dataIndex: 'organisationName', width: 150 },
          { title: '年度', dataIndex: 'reportYear', width: 70 },
          {
            title: '状态',
            dataIndex: 'status',
            width: 130,
            render: (s: string) => <Tag color={statusColor(s)}>{statusText(s)}</Tag>,
          },
          { title: '整改时限', dataIndex: 'deadline', width: 110 },
          {
            title: '超期',
            dataIndex: 'workdaysOverdue',
            width: 110,
            render: (d: number | null, r) => (
              <Tag color={LIGHT_TAG_COLORS[r.light]}>
                {ITEM_LIGHT_LABELS[r.light]}
                {d !== null ? ` ${d} 个工作日` : ''}
              </Tag>
            ),
          },
        ]}
      />
      {noteOpen && (
        <FormModal<{ note?: string }>
          form={form}
          title="批量记录督办意见"
          okText="提交"
          submitting={sendingToMany}
          onSubmit={send}
          onCancel={() => setNoteOpen(false)}
          testId="bulk-note-modal"
          intro={
            <Typography.Paragraph type="secondary">
              将为选中的 {selected.length} 个事项各记录一条整改进展（督办意见），不改变事项状态。
            </Typography.Paragraph>
          }
        >
          <Form.Item name="note" style={{ marginBottom: 0 }}>
            <Input.TextArea
              data-testid="bulk-note-input"
              rows={4}
              maxLength={2000}
              showCount
              placeholder="例如：请于本周内落实整改措施并上传佐证材料。"
            />
          </Form.Item>
        </FormModal>
      )}
    </Card>
  );
}
