import { ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Input,
  Modal,
  Row,
  Space,
  Spin,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { OrganisationYearPicker, useOrganisationYear } from './OrganisationYearPicker';
import {
  errorMessage,
  type ItemRow,
  LIGHT_COLOR,
  LIGHT_TEXT,
  type OrganisationSummary,
  percent,
  type RectificationSummary,
  statusColor,
  statusText,
} from './shared';

const SEGMENTS = [
  { key: 'completed', label: '已整改完成', color: '#52c41a' },
  { key: 'longTerm', label: '长期坚持整改', color: '#13c2c2' },
  { key: 'inProgress', label: '尚未完成（未超期）', color: '#1677ff' },
  { key: 'overdue', label: '超期', color: '#f5222d' },
] as const;

/** Horizontal stacked bars of status by organisation, drawn with plain divs. */
function StatusBars({ rows }: { rows: OrganisationSummary[] }) {
  const withItems = rows.filter((r) => r.items > 0);
  if (withItems.length === 0) return <Empty description="该年度暂无整改事项" />;
  const max = Math.max(...withItems.map((r) => r.items));
  return (
    <div data-testid="status-chart">
      <Space wrap size={[16, 4]} style={{ marginBottom: 12 }}>
        {SEGMENTS.map((s) => (
          <Space key={s.key} size={4}>
            <span style={{ display: 'inline-block', width: 10, height: 10, background: s.color }} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {s.label}
            </Typography.Text>
          </Space>
        ))}
      </Space>
      {withItems.map((r) => {
        const values = {
          completed: r.completed,
          longTerm: r.longTerm,
          inProgress: r.open - r.overdue,
          overdue: r.overdue,
        };
        return (
          <div key={r.organisationId} style={{ display: 'flex', alignItems: 'center', marginBottom: 10 }}>
            <div
              style={{ width: 160, flexShrink: 0, paddingRight: 8, textAlign: 'right', fontSize: 13 }}
              title={r.organisationName}
            >
              <Typography.Text ellipsis style={{ maxWidth: 150 }}>
                {r.organisationName}
              </Typography.Text>
            </div>
            <div style={{ flex: 1, background: '#f5f5f5', height: 18, borderRadius: 2 }}>
              <div style={{ display: 'flex', height: '100%', width: `${(r.items / max) * 100}%` }}>
                {SEGMENTS.filter((s) => values[s.key] > 0).map((s) => (
                  <Tooltip key={s.key} title={`${r.organisationName} ${s.label}：${values[s.key]} 个`}>
                    <div
                      style={{
                        width: `${(values[s.key] / r.items) * 100}%`,
                        background: s.color,
                        color: '#fff',
                        fontSize: 11,
                        lineHeight: '18px',
                        textAlign: 'center',
                        overflow: 'hidden',
                      }}
                    >
                      {values[s.key]}
                    </div>
                  </Tooltip>
                ))}
              </div>
            </div>
            <div style={{ width: 44, textAlign: 'right', fontSize: 13 }}>{r.items} 个</div>
          </div>
        );
      })}
    </div>
  );
}

interface OverdueTrend {
  months: { month: string; overdue: number }[];
}

/** "1月"…"12月", with the year on the first bar and wherever the year changes. */
function monthLabel(month: string, previous: string | undefined): string {
  const [y, m] = month.split('-');
  const label = `${Number(m)}月`;
  return previous === undefined || previous.slice(0, 4) !== y ? `${y}年${label}` : label;
}

/** 超期事项变化趋势: items overdue at each month's end, as vertical bars drawn with plain divs. */
function OverdueTrendCard({ organisationId }: { organisationId: string | undefined }) {
  const [trend, setTrend] = useState<OverdueTrend | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!organisationId) return;
    let live = true;
    setLoading(true);
    setError(null);
    api
      .get<OverdueTrend>(`/organisations/${organisationId}/overdue-trend`, { months: 12 })
      .then((t) => live && setTrend(t))
      .catch((e: unknown) => {
        if (!live) return;
        setTrend(null);
        setError(errorMessage(e));
      })
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [organisationId]);

  const months = trend?.months ?? [];
  const max = Math.max(0, ...months.map((m) => m.overdue));
  const BAR_AREA = 160;

  return (
    <Card
      title={
        <Space>
          <span>超期事项变化趋势</span>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            最近12个月每月末超期未完成的事项数（本月截至今天，全部年度）
          </Typography.Text>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Spin spinning={loading}>
        <div data-testid="overdue-trend">
          {max === 0 ? (
            <Empty description={trend ? '最近12个月没有超期事项' : '暂无数据'} />
          ) : (
            <div style={{ display: 'flex', alignItems: 'flex-end', gap: 8, paddingTop: 8 }}>
              {months.map((m, i) => (
                <div
                  key={m.month}
                  data-month={m.month}
                  style={{
                    flex: 1,
                    minWidth: 0,
                    display: 'flex',
                    flexDirection: 'column',
                    alignItems: 'center',
                  }}
                >
                  <div
                    style={{
                      height: BAR_AREA + 20,
                      width: '100%',
                      display: 'flex',
                      flexDirection: 'column',
                      justifyContent: 'flex-end',
                      alignItems: 'center',
                    }}
                  >
                    <span style={{ fontSize: 12, lineHeight: '20px' }}>{m.overdue}</span>
                    <Tooltip title={`${m.month} 月末超期事项：${m.overdue} 个`}>
                      <div
                        style={{
                          width: '70%',
                          maxWidth: 36,
                          height: (m.overdue / max) * BAR_AREA,
                          minHeight: m.overdue > 0 ? 2 : 0,
                          background: '#f5222d',
                          borderRadius: '2px 2px 0 0',
                        }}
                      />
                    </Tooltip>
                  </div>
                  <div
                    style={{
                      borderTop: '1px solid #d9d9d9',
                      width: '100%',
                      textAlign: 'center',
                      fontSize: 12,
                      paddingTop: 4,
                      whiteSpace: 'nowrap',
                    }}
                  >
                    {monthLabel(m.month, months[i - 1]?.month)}
                  </div>
                </div>
              ))}
            </div>
          )}
        </div>
      </Spin>
    </Card>
  );
}

interface BulkResult {
  succeeded: number;
  failed: number;
  results: { itemId: string; ok: boolean; status?: string; error?: { code: string; message: string } }[];
}

/** 红灯事项: overdue items, with a bulk 督办意见. */
function RedItems({ organisationId }: { organisationId: string | undefined }) {
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

export function DashboardPage() {
  const picker = useOrganisationYear();
  const { organisationId, year } = picker;
  const [summary, setSummary] = useState<RectificationSummary | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!organisationId) return;
    let live = true;
    setLoading(true);
    setError(null);
    api
      .get<RectificationSummary>(`/organisations/${organisationId}/summary`, { year, format: 'json' })
      .then((s) => live && setSummary(s))
      .catch((e: unknown) => {
        if (!live) return;
        setSummary(null);
        setError(errorMessage(e));
      })
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [organisationId, year]);

  const t = summary?.totals;
  const empty = summary !== null && summary.totals.items === 0;
  const cards = [
    { title: '问题总数', value: t?.items, suffix: '个' },
    { title: '已整改完成', value: t?.completed, suffix: '个', color: '#389e0d' },
    { title: '长期坚持整改', value: t?.longTerm, suffix: '个', color: '#08979c' },
    { title: '尚未完成', value: t?.open, suffix: '个', color: '#d46b08' },
    { title: '超期', value: t?.overdue, suffix: '个', color: '#cf1322' },
  ];

  return (
    <div data-testid="dashboard-page">
      <Card style={{ marginBottom: 16 }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 12 }}>
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              督导总览
            </Typography.Title>
            <Typography.Text type="secondary">
              {summary
                ? `${summary.organisationName}及下级党组织 ${summary.problemYear}年度查摆问题整改情况（截至 ${summary.asOf}）`
                : '查看本级及下级党组织查摆问题的整改进度'}
            </Typography.Text>
          </div>
          <OrganisationYearPicker state={picker} />
        </div>
      </Card>

      {error && (
        <Alert
          type="error"
          showIcon
          title="加载整改情况失败"
          description={error}
          style={{ marginBottom: 16 }}
        />
      )}

      <Spin spinning={loading} description="正在加载…">
        {empty && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={`${summary.organisationName}及下级党组织${year}年度暂无整改事项`}
            description={
              picker.yearsWithData.length > 0 ? (
                <span>
                  已导入报告的年度：
                  {picker.yearsWithData.map((y) => (
                    <Button key={y} type="link" size="small" onClick={() => picker.setYear(y)}>
                      {y}年度
                    </Button>
                  ))}
                </span>
              ) : (
                '请先由管理员在“报告导入”中导入该年度的党建工作报告。'
              )
            }
          />
        )}
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          {cards.map((c) => (
            <Col key={c.title} xs={12} md={8} xl={4}>
              <Card size="small">
                <Statistic
                  title={c.title}
                  value={c.value ?? '-'}
                  suffix={c.value !== undefined ? c.suffix : undefined}
                  styles={{ content: { color: c.color } }}
                />
              </Card>
            </Col>
          ))}
          <Col xs={12} md={8} xl={4}>
            <Card size="small">
              <Statistic
                title="整改完成率"
                value={summary ? percent(summary.completionRate) : '-'}
                styles={{ content: { color: '#c8161d' } }}
              />
            </Card>
          </Col>
        </Row>

        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col span={24}>
            <Card title="各党组织整改情况">
              <Table<OrganisationSummary>
                data-testid="organisation-table"
                size="small"
                rowKey="organisationId"
                pagination={false}
                dataSource={summary?.byOrganisation ?? []}
                locale={{ emptyText: <Empty description="暂无数据" /> }}
                columns={[
                  { title: '党组织', dataIndex: 'organisationName' },
                  { title: '问题数', dataIndex: 'items', width: 100, align: 'right' },
                  { title: '已整改完成', dataIndex: 'completed', width: 110, align: 'right' },
                  { title: '长期坚持整改', dataIndex: 'longTerm', width: 120, align: 'right' },
                  { title: '尚未完成', dataIndex: 'open', width: 100, align: 'right' },
                  {
                    title: '超期',
                    dataIndex: 'overdue',
                    width: 100,
                    align: 'right',
                    render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
                  },
                  {
                    title: '完成率',
                    dataIndex: 'completionRate',
                    width: 100,
                    align: 'right',
                    render: (r: number, row) => (row.items === 0 ? '—' : percent(r)),
                  },
                ]}
              />
            </Card>
          </Col>
          <Col span={24}>
            <Card title="整改状态分布">
              <StatusBars rows={summary?.byOrganisation ?? []} />
            </Card>
          </Col>
        </Row>
      </Spin>

      <div style={{ marginBottom: 16 }}>
        <OverdueTrendCard organisationId={organisationId} />
      </div>

      <div style={{ marginBottom: 16 }}>
        <RedItems organisationId={organisationId} />
      </div>

      <Card
        title={
          <Space>
            <span>反复出现的问题</span>
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
              与往年查摆的问题相似，建议重新整改原事项或列为重点整改
            </Typography.Text>
          </Space>
        }
      >
        <Table
          data-testid="recurring-list"
          size="small"
          rowKey="itemId"
          loading={loading}
          pagination={false}
          dataSource={summary?.recurring ?? []}
          locale={{ emptyText: <Empty description={`${year}年度没有反复出现的问题`} /> }}
          columns={[
            {
              title: '本年度问题',
              dataIndex: 'title',
              render: (title: string, r) => <Link to={`/items/${r.itemId}`}>{title}</Link>,
            },
            { title: '党组织', dataIndex: 'organisationName', width: 150 },
            {
              title: '状态',
              dataIndex: 'status',
              width: 130,
              render: (s: string) => <Tag color={statusColor(s)}>{statusText(s)}</Tag>,
            },
            {
              title: '往年相似问题',
              dataIndex: 'earlier',
              render: (earlier: RectificationSummary['recurring'][number]['earlier']) => (
                <Space orientation="vertical" size={2}>
                  {earlier.map((e) => (
                    <span key={e.itemId}>
                      {e.year ? `${e.year}年度：` : ''}
                      <Link to={`/items/${e.itemId}`}>{e.title}</Link>{' '}
                      <Tag color={statusColor(e.status)}>{statusText(e.status)}</Tag>
                    </span>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
