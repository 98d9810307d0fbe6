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
import {
  type EventsAllowed,
  type ItemDetail,
  type ItemPage as ItemPageData,
  type ItemRow,
} from '../../components/itemTypes';
import {
  EVENT_LABELS,
  SOURCE_LABELS,
  STATUS_LABELS,
  label,
  type EventType,
  type ItemSource,
  type ItemStatus,
} from '../../components/labels';
import { LightTag } from '../../components/LightTag';
import { StatusTag } from '../../components/StatusTag';
import { EventModal } from '../item/EventModal';
import { RowActions } from './RowActions';

const CHANGED_MESSAGE = '该事项已被他人修改，已为您刷新，请核对后重试';

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
  const { message, notification } = App.useApp();
  const { user } = useAuth();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const mobile = !screens.md;
  const [params, setParams] = useSearchParams();
  const [data, setData] = useState<ItemPageData | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [keyword, setKeyword] = useState(params.get('q') ?? '');
  /** The events each row's user may send now; a row without an entry is still loading. */
  const [rowEvents, setRowEvents] = useState<Record<string, EventType[]>>({});
  const [opening, setOpening] = useState<{ id: string; event: EventType } | null>(null);
  const [active, setActive] = useState<{ event: EventType; item: ItemDetail } | null>(null);
  const [submitting, setSubmitting] = useState(false);

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

  // Once the rows are in, ask for each visible row's allowed events, all at once.
  useEffect(() => {
    let cancelled = false;
    for (const row of data?.items ?? []) {
      void api
        .get<EventsAllowed>(`/items/${row.id}/events`)
        .then(({ events }) => events)
        .catch(() => [] as EventType[])
        .then((events) => {
          if (!cancelled) setRowEvents((prev) => ({ ...prev, [row.id]: events }));
        });
    }
    return () => {
      cancelled = true;
    };
  }, [data]);

  /** Reloads the list and one row's events (shown as loading meanwhile); returns its detail and events. */
  const refreshRow = useCallback(
    async (id: string): Promise<{ item: ItemDetail; events: EventType[] } | null> => {
      setRowEvents(({ [id]: _dropped, ...rest }) => rest);
      void load();
      try {
        const [item, allowed] = await Promise.all([
          api.get<ItemDetail>(`/items/${id}`),
          api.get<EventsAllowed>(`/items/${id}/events`),
        ]);
        setRowEvents((prev) => ({ ...prev, [id]: allowed.events }));
        return { item, events: allowed.events };
      } catch {
        setRowEvents((prev) => ({ ...prev, [id]: [] }));
        return null;
      }
    },
    [load],
  );

  /** Shows an API failure as the item page does; on a conflict refreshes the list and the row. */
  const handleError = useCallback(
    async (err: unknown, id: string) => {
      if (err instanceof ApiError && err.status === 409) {
        if (err.code === 'ITEM_CHANGED') message.warning(CHANGED_MESSAGE, 5);
        else notification.error({ title: '操作未完成', description: err.message });
        return refreshRow(id);
      }
      notification.error({
        title: '操作未完成',
        description: err instanceof ApiError ? err.message : '操作失败，请稍后重试。',
      });
      return undefined;
    },
    [message, notification, refreshRow],
  );

  /** The modal needs the item's detail (measures, version…): fetched when a button is clicked. */
  const openAction = async (id: string, event: EventType) => {
    if (opening) return;
    setOpening({ id, event });
    try {
      setActive({ event, item: await api.get<ItemDetail>(`/items/${id}`) });
    } catch (err) {
      await handleError(err, id);
    } finally {
      setOpening(null);
    }
  };

  const sendEvent = async (event: EventType, payload: Record<string, unknown>) => {
    if (!active) return;
    const { item } = active;
    setSubmitting(true);
    try {
      await api.post(`/items/${item.id}/transitions`, { event, payload, expectedVersion: item.version });
      message.success(`${EVENT_LABELS[event]}：已完成`);
      setActive(null);
      await refreshRow(item.id);
    } catch (err) {
      const fresh = await handleError(err, item.id);
      if (fresh === null || (fresh && !fresh.events.includes(event))) setActive(null);
      else if (fresh) setActive({ event, item: fresh.item });
    } finally {
      setSubmitting(false);
    }
  };

  const actionsFor = (row: ItemRow) => (
    <RowActions
      events={rowEvents[row.id]}
      opening={opening?.id === row.id ? opening.event : null}
      disabled={opening !== null}
      onAction={(ev) => void openAction(row.id, ev)}
    />
  );

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
      width: 88,
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
    { title: '党组织', dataIndex: 'organisationName', width: 120, ellipsis: true },
    {
      title: '年度',
      dataIndex: 'reportYear',
      width: 64,
      render: (y: number) => `${y}`,
    },
    {
      title: '来源',
      dataIndex: 'source',
      width: 92,
      render: (s: ItemSource) => label(SOURCE_LABELS, s),
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
      render: (s: ItemStatus) => <StatusTag status={s} />,
    },
    {
      title: '操作',
      key: 'actions',
      width: 160,
      render: (_: unknown, row) => actionsFor(row),
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
                      {rowEvents[row.id]?.length !== 0 && (
                        <div style={{ marginTop: 8 }}>{actionsFor(row)}</div>
                      )}
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
      {active && (
        <EventModal
          key={`${active.item.id}-${active.event}`}
          event={active.event}
          item={active.item}
          submitting={submitting}
          onCancel={() => setActive(null)}
          onSubmit={sendEvent}
        />
      )}
    </Card>
  );
}
