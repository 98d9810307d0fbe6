import { ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { errorMessage, type ItemRow, LIGHT_COLOR, LIGHT_TEXT, statusColor, statusText } from './shared';

interface BulkResult {
  succeeded: number;
  failed: number;
  results: { itemId: string; ok: boolean; status?: string; error?: { code: string; message: string } }[];
}

/** 红灯事项: overdue items, with a bulk 督办意见. */
export function RedItems({ organisationId }: { organisationId: string | undefined }) {
  const { message } = App.useApp();
  const [rows, setRows] = useState<ItemRow[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [noteOpen, setNoteOpen] = useState(false);
  const [note, setNote] = useState('');
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<BulkResult | null>(null);

  const load = useCallback(() => {
    if (!organisationId) return;
    setLoading(true);
    setError(null);
    api
      .get<{ items: ItemRow[] }>('/items', { overdue: true, organisationId, pageSize: 200 })
      .then((r) => setRows(r.items))
      .catch((e: unknown) => setError(errorMessage(e)))
      .finally(() => setLoading(false));
  }, [organisationId]);

  useEffect(() => {
    setSelected([]);
    load();
  }, [load]);

  const send = async () => {
    if (!note.trim()) {
      message.warning('请填写督办意见');
      return;
    }
    setSending(true);
    try {
      const r = await api.post<BulkResult>('/items/bulk-transitions', {
        itemIds: selected,
        event: 'ADD_PROGRESS_NOTE',
        payload: { note: note.trim() },
      });
      setResult(r);
      setNoteOpen(false);
      setNote('');
      if (r.failed === 0) message.success(`已为 ${r.succeeded} 个事项记录督办意见`);
      else message.warning(`成功 ${r.succeeded} 个，失败 ${r.failed} 个`);
      setSelected([]);
      load();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSending(false);
    }
  };

  const titleOf = (id: string) => rows.find((r) => r.id === id)?.title ?? id;

  return (
    <Card
      title={
        <Space>
          <span>红灯事项</span>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            已超过整改时限且尚未完成的事项（全部年度）
          </Typography.Text>
        </Space>
      }
      extra={
        <Space>
          <Button
            type="primary"
            disabled={selected.length === 0}
            onClick={() => setNoteOpen(true)}
            data-testid="bulk-note-button"
          >
            批量记录督办意见{selected.length > 0 ? `（${selected.length}）` : ''}
          </Button>
          <Button icon={<ReloadOutlined />} onClick={load}>
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
      <Table<ItemRow>
        data-testid="red-items"
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={rows.length > 10 ? { pageSize: 10 } : false}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        locale={{ emptyText: <Empty description="没有超期事项，继续保持" /> }}
        columns={[
          {
            title: '问题',
            dataIndex: 'title',
            render: (t: string, r) => <Link to={`/items/${r.id}`}>{t}</Link>,
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
              <Tag color={LIGHT_COLOR[r.light]}>
                {LIGHT_TEXT[r.light]}
                {d !== null ? ` ${d} 个工作日` : ''}
              </Tag>
            ),
          },
        ]}
      />
      <Modal
        title="批量记录督办意见"
        open={noteOpen}
        onCancel={() => setNoteOpen(false)}
        onOk={send}
        confirmLoading={sending}
        okText="提交"
        cancelText="取消"
      >
        <Typography.Paragraph type="secondary">
          将为选中的 {selected.length} 个事项各记录一条整改进展（督办意见），不改变事项状态。
        </Typography.Paragraph>
        <Input.TextArea
          data-testid="bulk-note-input"
          rows={4}
          maxLength={2000}
          showCount
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder="例如：请于本周内落实整改措施并上传佐证材料。"
        />
      </Modal>
    </Card>
  );
}
