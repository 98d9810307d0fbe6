import {
  ArrowLeftOutlined,
  DeleteOutlined,
  DownloadOutlined,
  EditOutlined,
  PaperClipOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Grid,
  Input,
  Popconfirm,
  Result,
  Row,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, api } from '../../api/client';
import { useAuth } from '../../auth/auth-context';
import { DetailsModal } from './DetailsModal';
import { UploadModal } from './UploadModal';
import { DeadlineText } from '../../components/DeadlineText';
import {
  type EventsAllowed,
  type Evidence,
  type ItemDetail,
  type ItemPage as ItemPageData,
  type ItemRow,
  type Measure,
  type RelatedItem,
} from '../../components/itemTypes';
import { EVENT_LABELS, SOURCE_LABELS, STATUS_LABELS, label, type EventType } from '../../components/labels';
import { LightTag } from '../../components/LightTag';
import { StatusTag } from '../../components/StatusTag';
import { EventModal } from './EventModal';
import { HistoryTimeline } from './HistoryTimeline';

const CHANGED_MESSAGE = '该事项已被他人修改，已为您刷新，请核对后重试';

/** Events that approve or sign off are shown as primary buttons, refusals as danger ones. */
const PRIMARY: EventType[] = ['SET_MEASURES', 'SUBMIT_COMPLETION', 'APPROVE_COMPLETION', 'APPROVE_EXTENSION'];
const DANGER: EventType[] = ['RETURN_FOR_REWORK', 'REJECT_EXTENSION', 'REOPEN'];

/** The list row of the item: its light, year and working days (the detail does not carry them). */
async function loadRow(item: ItemDetail): Promise<ItemRow | null> {
  try {
    const page = await api.get<ItemPageData>('/items', {
      organisationId: item.organisationId,
      q: item.title.slice(0, 100),
      pageSize: 200,
    });
    return page.items.find((r) => r.id === item.id) ?? null;
  } catch {
    return null;
  }
}

function RelatedLinks({ title, items }: { title: string; items: RelatedItem[] }) {
  if (items.length === 0) return null;
  return (
    <div style={{ marginBottom: 8 }}>
      <Typography.Text strong>{title}</Typography.Text>
      <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
        {items.map((r) => (
          <li key={r.itemId}>
            <Link to={`/items/${r.itemId}`} data-testid="recurrence-link">
              {r.year}年度：{r.title}
            </Link>{' '}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              （{label(STATUS_LABELS, r.status)}，相似度{Math.round(r.score * 100)}%）
            </Typography.Text>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ItemPage() {
  const { id = '' } = useParams();
  const { message, notification } = App.useApp();
  const { user } = useAuth();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const mobile = !screens.md;

  const [item, setItem] = useState<ItemDetail | null>(null);
  const [row, setRow] = useState<ItemRow | null>(null);
  const [events, setEvents] = useState<EventType[]>([]);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [activeEvent, setActiveEvent] = useState<EventType | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [noteForm] = Form.useForm<{ note: string }>();
  const [uploadOpen, setUploadOpen] = useState(false);
  const [detailsOpen, setDetailsOpen] = useState(false);

  const reload = useCallback(async () => {
    try {
      const [detail, allowed] = await Promise.all([
        api.get<ItemDetail>(`/items/${id}`),
        api.get<EventsAllowed>(`/items/${id}/events`),
      ]);
      setItem(detail);
      setEvents(allowed.events);
      setLoadError(null);
      setRow(await loadRow(detail));
      return allowed.events;
    } catch (err) {
      setLoadError(
        err instanceof ApiError ? err : new ApiError(0, 'UNKNOWN', '加载整改事项失败，请稍后重试。'),
      );
      return [];
    } finally {
      setLoading(false);
    }
  }, [id]);

  useEffect(() => {
    setLoading(true);
    setItem(null);
    setRow(null);
    void reload();
  }, [reload]);

  /** Shows an API failure; on a conflict reloads the item and says so. Returns the events allowed now. */
  const handleError = useCallback(
    async (err: unknown): Promise<EventType[] | null> => {
      if (err instanceof ApiError && err.status === 409) {
        if (err.code === 'ITEM_CHANGED') message.warning(CHANGED_MESSAGE, 5);
        else notification.error({ title: '操作未完成', description: err.message });
        return reload();
      }
      notification.error({
        title: '操作未完成',
        description: err instanceof ApiError ? err.message : '操作失败，请稍后重试。',
      });
      return null;
    },
    [message, notification, reload],
  );

  const sendEvent = async (event: EventType, payload: Record<string, unknown>) => {
    if (!item) return;
    setSubmitting(true);
    try {
      await api.post(`/items/${item.id}/transitions`, { event, payload, expectedVersion: item.version });
      message.success(`${EVENT_LABELS[event]}：已完成`);
      setActiveEvent(null);
      await reload();
    } catch (err) {
      const allowed = await handleError(err);
      if (allowed && !allowed.includes(event)) setActiveEvent(null);
    } finally {
      setSubmitting(false);
    }
  };

  const addNote = async ({ note }: { note: string }) => {
    if (!item) return;
    setSubmitting(true);
    try {
      await api.post(`/items/${item.id}/notes`, { note: note.trim(), expectedVersion: item.version });
      message.success('整改进展已记录');
      noteForm.resetFields();
      await reload();
    } catch (err) {
      await handleError(err);
    } finally {
      setSubmitting(false);
    }
  };

  const download = async (ev: Evidence) => {
    if (!item) return;
    try {
      await api.download(`/items/${item.id}/evidence/${ev.id}`, undefined, ev.fileName ?? '整改佐证');
    } catch (err) {
      await handleError(err);
    }
  };

  const removeEvidence = async (ev: Evidence) => {
    if (!item) return;
    try {
      await api.delete(`/items/${item.id}/evidence/${ev.id}`);
      message.success('佐证材料已删除');
      await reload();
    } catch (err) {
      await handleError(err);
    }
  };

  if (loading && !item) return <Spin size="large" style={{ display: 'block', margin: '15vh auto' }} />;
  if (!item) {
    return (
      <Card>
        <Result
          status={loadError?.status === 404 ? '404' : 'error'}
          title={loadError?.status === 404 ? '未找到该整改事项' : '加载失败'}
          subTitle={loadError?.message}
          extra={
            <Button type="primary" onClick={() => navigate('/items')}>
              返回我的整改事项
            </Button>
          }
        />
      </Card>
    );
  }

  const light = row?.light ?? item.light;
  const year = row?.reportYear ?? item.reportYear;
  const mayUpload = (user?.role === 'secretary' || user?.role === 'admin') && item.status !== 'completed';
  const mayNote = events.includes('ADD_PROGRESS_NOTE');
  /** The uploader or an administrator may withdraw a file before sign-off. */
  const mayDelete = (ev: Evidence) =>
    !!ev.fileName &&
    item.status !== 'completed' &&
    (user?.role === 'admin' || (!!user && ev.createdBy === user.id));
  const repeats = item.recurrence?.repeats ?? [];
  const repeatedBy = item.recurrence?.repeatedBy ?? [];

  const actions = (
    <div data-testid="item-actions" style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
      {events.length === 0 ? (
        <Typography.Text type="secondary" data-testid="no-actions">
          当前没有您可以执行的操作。
        </Typography.Text>
      ) : (
        events.map((ev) => (
          <Button
            key={ev}
            type={PRIMARY.includes(ev) ? 'primary' : 'default'}
            danger={DANGER.includes(ev)}
            onClick={() => setActiveEvent(ev)}
            data-testid={`action-${ev}`}
            block={mobile}
          >
            {EVENT_LABELS[ev] ?? ev}
          </Button>
        ))
      )}
    </div>
  );

  const measureColumns = [
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

  const measures =
    item.measures.length === 0 ? (
      <Empty description="尚未制定整改措施" image={Empty.PRESENTED_IMAGE_SIMPLE} />
    ) : mobile ? (
      <div data-testid="measures-list">
        {item.measures.map((m: Measure) => (
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
      <Table<Measure>
        rowKey="seq"
        size="small"
        pagination={false}
        columns={measureColumns}
        dataSource={item.measures}
        data-testid="measures-table"
      />
    );

  const evidence = (
    <>
      {item.evidence.length === 0 ? (
        <Empty description="暂无整改佐证材料" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <div data-testid="evidence-list">
          {item.evidence.map((ev) => (
            <div
              key={ev.id}
              data-testid="evidence-item"
              style={{
                display: 'flex',
                gap: 8,
                alignItems: 'flex-start',
                padding: '8px 0',
                borderBottom: '1px solid #f0f0f0',
              }}
            >
              <PaperClipOutlined style={{ marginTop: 4, color: '#8c8c8c' }} />
              <div style={{ flex: 1, minWidth: 0, wordBreak: 'break-word' }}>
                {ev.fileName && (
                  <Button
                    type="link"
                    size="small"
                    icon={<DownloadOutlined />}
                    onClick={() => void download(ev)}
                    data-testid="evidence-download"
                    style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
                  >
                    {ev.fileName}
                  </Button>
                )}
                {ev.text && <div style={{ whiteSpace: 'pre-wrap' }}>{ev.text}</div>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {dayjs(ev.createdAt).format('YYYY-MM-DD HH:mm')}
                </Typography.Text>
              </div>
              {mayDelete(ev) && (
                <Popconfirm
                  title="删除该佐证文件？"
                  description="删除后将记入整改全过程记录。"
                  okText="删除"
                  cancelText="取消"
                  okButtonProps={{ danger: true, ...{ 'data-testid': 'evidence-delete-confirm' } }}
                  onConfirm={() => removeEvidence(ev)}
                >
                  <Button
                    type="text"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={`删除 ${ev.fileName}`}
                    data-testid="evidence-delete"
                  />
                </Popconfirm>
              )}
            </div>
          ))}
        </div>
      )}
    </>
  );

  const main = (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        data-testid="item-card"
        styles={{ body: { padding: mobile ? 12 : 24 } }}
        title={
          <Button
            type="link"
            icon={<ArrowLeftOutlined />}
            onClick={() => (window.history.length > 1 ? navigate(-1) : navigate('/items'))}
            style={{ paddingInlineStart: 0 }}
            data-testid="back"
          >
            返回列表
          </Button>
        }
        extra={
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="item-version">
            版本 {item.version}
          </Typography.Text>
        }
      >
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center', marginBottom: 8 }}>
          <LightTag light={light} />
          <StatusTag status={item.status} />
          {repeats.length > 0 && (
            <Tag color="volcano" data-testid="recurring-tag">
              反复出现
            </Tag>
          )}
        </div>
        <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="item-title">
          {item.title}
        </Typography.Title>
        {item.detail && (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="item-detail">
            {item.detail}
          </Typography.Paragraph>
        )}
        <Descriptions
          size="small"
          bordered
          column={mobile ? 1 : 2}
          data-testid="item-facts"
          items={[
            { key: 'org', label: '党组织', children: item.organisationName },
            { key: 'year', label: '报告年度', children: year ? `${year}年度` : '—' },
            { key: 'source', label: '问题来源', children: label(SOURCE_LABELS, item.source) },
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
                  workdaysLeft={item.status === 'completed' ? null : row?.workdaysLeft}
                  workdaysOverdue={item.status === 'completed' ? null : row?.workdaysOverdue}
                />
              ),
            },
            { key: 'status', label: '当前状态', children: label(STATUS_LABELS, item.status) },
            ...(item.reviewIntervalDays
              ? [{ key: 'interval', label: '定期报告间隔', children: `${item.reviewIntervalDays}天` }]
              : []),
          ]}
        />
        <div style={{ textAlign: 'end', marginTop: 4 }}>
          <Button
            type="link"
            size="small"
            icon={<EditOutlined />}
            onClick={() => setDetailsOpen(true)}
            data-testid="edit-details"
          >
            修改问题来源、责任领导
          </Button>
        </div>
        {item.pendingExtension && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 8 }}
            data-testid="pending-extension"
            title={`延期申请待审核：申请延期至 ${String(item.pendingExtension.newDeadline ?? '—')}`}
            description={
              item.pendingExtension.reason ? `理由：${String(item.pendingExtension.reason)}` : undefined
            }
          />
        )}
        {(repeats.length > 0 || repeatedBy.length > 0) && (
          <Alert
            type="error"
            style={{ marginTop: 12 }}
            data-testid="recurrence"
            title="反复出现的问题"
            description={
              <>
                <RelatedLinks title="与往年查摆的问题相似：" items={repeats} />
                <RelatedLinks title="此后年度再次出现：" items={repeatedBy} />
              </>
            }
          />
        )}
        <div style={{ marginTop: 16 }}>
          <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
            可执行的操作
          </Typography.Text>
          {actions}
        </div>
      </Card>

      <Card title="整改措施" data-testid="measures-card" styles={{ body: { padding: mobile ? 12 : 24 } }}>
        {measures}
      </Card>

      <Card
        title="整改佐证材料"
        data-testid="evidence-card"
        styles={{ body: { padding: mobile ? 12 : 24 } }}
        extra={
          mayUpload && (
            <Button
              size="small"
              icon={<UploadOutlined />}
              onClick={() => setUploadOpen(true)}
              data-testid="evidence-upload"
            >
              上传佐证
            </Button>
          )
        }
      >
        {evidence}
      </Card>

      {mayNote && (
        <Card title="记录整改进展" data-testid="note-card" styles={{ body: { padding: mobile ? 12 : 24 } }}>
          <Form form={noteForm} onFinish={(v) => void addNote(v)} layout="vertical" data-testid="note-form">
            <Form.Item
              name="note"
              rules={[{ required: true, whitespace: true, message: '请填写进展内容' }]}
              style={{ marginBottom: 8 }}
            >
              <Input.TextArea
                rows={3}
                maxLength={2000}
                showCount
                placeholder="例如：已完成制度初稿，下周提交支委会讨论"
                data-testid="note-input"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={submitting} data-testid="note-submit">
              提交进展
            </Button>
          </Form>
        </Card>
      )}
    </Space>
  );

  const timeline = (
    <Card title="整改全过程记录" data-testid="history-card" styles={{ body: { padding: mobile ? 12 : 24 } }}>
      <HistoryTimeline history={item.history} currentUserId={user?.id} />
    </Card>
  );

  return (
    <Spin spinning={loading}>
      <Row gutter={[16, 16]} data-testid="item-page">
        <Col xs={24} lg={15}>
          {main}
        </Col>
        <Col xs={24} lg={9}>
          {timeline}
        </Col>
      </Row>
      {activeEvent && (
        <EventModal
          key={activeEvent}
          event={activeEvent}
          item={item}
          submitting={submitting}
          onCancel={() => setActiveEvent(null)}
          onSubmit={sendEvent}
        />
      )}
      {uploadOpen && (
        <UploadModal
          itemId={item.id}
          onClose={() => setUploadOpen(false)}
          onDone={async () => {
            setUploadOpen(false);
            await reload();
          }}
          onError={handleError}
        />
      )}
      {detailsOpen && (
        <DetailsModal
          item={item}
          onClose={() => setDetailsOpen(false)}
          onDone={async () => {
            setDetailsOpen(false);
            await reload();
          }}
          onError={async (err) => {
            const conflict = err instanceof ApiError && err.status === 409;
            await handleError(err);
            if (conflict) setDetailsOpen(false);
          }}
        />
      )}
    </Spin>
  );
}
