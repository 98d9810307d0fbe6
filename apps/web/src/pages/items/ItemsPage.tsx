import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Empty,
  Grid,
  Input,
  Pagination,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { type HTMLAttributes, useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError, api } from '../../api/client';
import { useAuth } from '../../auth/auth-context';
import { DeadlineText } from '../../components/DeadlineText';
import { type ItemPage as ItemPageData, type ItemRow } from '../../components/itemTypes';
import {
  SOURCE_LABELS,
  STATUS_LABELS,
  label,
  type ItemSource,
  type ItemStatus,
} from '../../components/labels';
import { LightTag } from '../../components/LightTag';
import { StatusTag } from '../../components/StatusTag';

const DEFAULT_PAGE_SIZE = 20;

const statusOptions = (Object.keys(STATUS_LABELS) as ItemStatus[]).map((value) => ({
  value,
  label: STATUS_LABELS[value],
}));
const sourceOptions = (Object.keys(SOURCE_LABELS) as ItemSource[]).map((value) => ({
  value,
  label: SOURCE_LABELS[value],
}));
const overdueOptions = [
  { value: 'true', label: '已超期（红灯）' },
  { value: 'false', label: '未超期' },
];
const recurringOptions = [
  { value: 'true', label: '反复出现的问题' },
  { value: 'false', label: '首次出现的问题' },
];
const thisYear = new Date().getFullYear();
const yearOptions = Array.from({ length: 10 }, (_, i) => thisYear - i).map((y) => ({
  value: String(y),
  label: `${y}年度`,
}));

function RecurringTag() {
  return (
    <Tag color="volcano" data-testid="recurring-tag" style={{ marginInlineStart: 6 }}>
      反复出现
    </Tag>
  );
}

/** 我的整改事项: the items in the user's scope, filtered through the URL so "back" keeps them. */
export function ItemsPage() {
  const { message } = App.useApp();
  const { user } = useAuth();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const mobile = !screens.md;
  const [params, setParams] = useSearchParams();
  const [data, setData] = useState<ItemPageData | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [keyword, setKeyword] = useState(params.get('q') ?? '');

  const query = useMemo(
    () => ({
      status: params.get('status') ?? undefined,
      overdue: params.get('overdue') ?? undefined,
      recurring: params.get('recurring') ?? undefined,
      source: params.get('source') ?? undefined,
      year: params.get('year') ?? undefined,
      q: params.get('q') ?? undefined,
      page: Number(params.get('page') ?? 1) || 1,
      pageSize: Number(params.get('pageSize') ?? DEFAULT_PAGE_SIZE) || DEFAULT_PAGE_SIZE,
    }),
    [params],
  );

  const load = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setData(await api.get<ItemPageData>('/items', query));
    } catch (err) {
      const text = err instanceof ApiError ? err.message : '加载整改事项失败，请稍后重试。';
      setError(text);
      message.error(text);
    } finally {
      setLoading(false);
    }
  }, [query, message]);

  useEffect(() => {
    void load();
  }, [load]);

  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    setParams(next);
  };
  const setPage = (page: number, pageSize: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(page));
    next.set('pageSize', String(pageSize));
    setParams(next);
  };
  const reset = () => {
    setKeyword('');
    setParams(new URLSearchParams());
  };
  const filtered = ['status', 'overdue', 'recurring', 'source', 'year', 'q'].some((k) => params.get(k));

  const columns: TableColumnsType<ItemRow> = [
    {
      title: '亮灯',
      dataIndex: 'light',
      width: 104,
      render: (light: ItemRow['light']) => <LightTag light={light} />,
    },
    {
      title: '问题',
      dataIndex: 'title',
      render: (_: unknown, row) => (
        <span>
          <Link to={`/items/${row.id}`} data-testid="item-link">
            {row.title}
          </Link>
          {row.recurring && <RecurringTag />}
        </span>
      ),
    },
    { title: '党组织', dataIndex: 'organisationName', width: 150, ellipsis: true },
    {
      title: '年度',
      dataIndex: 'reportYear',
      width: 76,
      render: (y: number) => `${y}`,
    },
    {
      title: '来源',
      dataIndex: 'source',
      width: 104,
      render: (s: ItemSource) => label(SOURCE_LABELS, s),
    },
    {
      title: '整改时限',
      dataIndex: 'deadline',
      width: 136,
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
      width: 132,
      render: (s: ItemStatus) => <StatusTag status={s} />,
    },
  ];

  const emptyHint = filtered ? (
    <Empty description="没有符合筛选条件的整改事项，请调整筛选条件。" data-testid="items-empty" />
  ) : (
    <Empty
      data-testid="items-empty"
      description={
        user?.role === 'admin'
          ? '暂无整改事项：导入报告后，报告中的问题会出现在这里。'
          : '暂无整改事项：管理员导入报告后，报告中的问题会出现在这里。'
      }
    >
      {user?.role === 'admin' && (
        <Button type="primary" onClick={() => navigate('/import')}>
          去导入报告
        </Button>
      )}
    </Empty>
  );

  const selectWidth = mobile ? '100%' : undefined;
  const filters = (
    <div
      data-testid="items-filters"
      style={{
        display: 'grid',
        gridTemplateColumns: mobile ? '1fr 1fr' : 'repeat(auto-fill, minmax(150px, 1fr))',
        gap: 8,
        marginBottom: 16,
      }}
    >
      <Input.Search
        allowClear
        placeholder="搜索问题内容"
        value={keyword}
        onChange={(e) => setKeyword(e.target.value)}
        onSearch={(v) => setFilter('q', v.trim() || undefined)}
        enterButton={<SearchOutlined />}
        data-testid="filter-q"
        style={{ gridColumn: mobile ? '1 / -1' : 'span 2' }}
      />
      <Select
        allowClear
        placeholder="全部状态"
        options={statusOptions}
        value={query.status}
        onChange={(v?: string) => setFilter('status', v)}
        data-testid="filter-status"
        style={{ width: selectWidth }}
      />
      <Select
        allowClear
        placeholder="亮灯：全部"
        options={overdueOptions}
        value={query.overdue}
        onChange={(v?: string) => setFilter('overdue', v)}
        data-testid="filter-overdue"
        style={{ width: selectWidth }}
      />
      <Select
        allowClear
        placeholder="全部年度"
        options={yearOptions}
        value={query.year}
        onChange={(v?: string) => setFilter('year', v)}
        data-testid="filter-year"
        style={{ width: selectWidth }}
      />
      <Select
        allowClear
        placeholder="全部来源"
        options={sourceOptions}
        value={query.source}
        onChange={(v?: string) => setFilter('source', v)}
        data-testid="filter-source"
        style={{ width: selectWidth }}
      />
      <Select
        allowClear
        placeholder="是否反复出现"
        options={recurringOptions}
        value={query.recurring}
        onChange={(v?: string) => setFilter('recurring', v)}
        data-testid="filter-recurring"
        style={{ width: selectWidth }}
      />
      <Space.Compact style={{ width: '100%' }}>
        <Button onClick={reset} disabled={!filtered} data-testid="filter-reset" style={{ flex: 1 }}>
          重置
        </Button>
        <Button icon={<ReloadOutlined />} onClick={() => void load()} aria-label="刷新" title="刷新" />
      </Space.Compact>
    </div>
  );

  const rows = data?.items ?? [];
  const total = data?.total ?? 0;

  return (
    <Card
      title={
        <span>
          我的整改事项
          {data && (
            <Typography.Text
              type="secondary"
              style={{ fontSize: 13, fontWeight: 'normal', marginInlineStart: 8 }}
            >
              共 {total} 项
            </Typography.Text>
          )}
        </span>
      }
      styles={{ body: { padding: mobile ? 12 : 24 } }}
      data-testid="items-page"
    >
      {filters}
      {error && !loading && rows.length === 0 ? (
        <Empty description={error} data-testid="items-error">
          <Button onClick={() => void load()}>重新加载</Button>
        </Empty>
      ) : mobile ? (
        <Spin spinning={loading}>
          {rows.length === 0 && !loading ? (
            emptyHint
          ) : (
            <div data-testid="items-cards" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
              {rows.map((row) => (
                <Card
                  key={row.id}
                  size="small"
                  hoverable
                  onClick={() => navigate(`/items/${row.id}`)}
                  data-testid="item-row"
                  data-item-id={row.id}
                  styles={{ body: { padding: 12 } }}
                >
                  <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                    <LightTag light={row.light} />
                    <div style={{ flex: 1, minWidth: 0 }}>
                      <Link
                        to={`/items/${row.id}`}
                        data-testid="item-link"
                        style={{ fontWeight: 600 }}
                        onClick={(e) => e.stopPropagation()}
                      >
                        {row.title}
                      </Link>
                      {row.recurring && <RecurringTag />}
                      <div style={{ color: '#8c8c8c', fontSize: 12, marginTop: 4 }}>
                        {row.organisationName}｜{row.reportYear}年度｜{label(SOURCE_LABELS, row.source)}
                      </div>
                      <div
                        style={{
                          display: 'flex',
                          justifyContent: 'space-between',
                          alignItems: 'flex-end',
                          marginTop: 6,
                          gap: 8,
                        }}
                      >
                        <span style={{ fontSize: 13 }}>
                          <DeadlineText
                            deadline={row.deadline}
                            workdaysLeft={row.status === 'completed' ? null : row.workdaysLeft}
                            workdaysOverdue={row.status === 'completed' ? null : row.workdaysOverdue}
                          />
                        </span>
                        <StatusTag status={row.status} />
                      </div>
                    </div>
                  </div>
                </Card>
              ))}
            </div>
          )}
          {total > 0 && (
            <Pagination
              simple
              style={{ marginTop: 12, justifyContent: 'center' }}
              current={query.page}
              pageSize={query.pageSize}
              total={total}
              onChange={setPage}
              data-testid="items-pagination"
            />
          )}
        </Spin>
      ) : (
        <Table<ItemRow>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={loading}
          locale={{ emptyText: loading ? ' ' : emptyHint }}
          onRow={(row) =>
            ({ 'data-testid': 'item-row', 'data-item-id': row.id }) as HTMLAttributes<HTMLElement>
          }
          rowClassName={(row) => (row.light === 'red' ? 'item-row-red' : '')}
          pagination={{
            current: query.page,
            pageSize: query.pageSize,
            total,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (t) => `共 ${t} 项`,
            onChange: setPage,
          }}
          data-testid="items-table"
        />
      )}
    </Card>
  );
}
