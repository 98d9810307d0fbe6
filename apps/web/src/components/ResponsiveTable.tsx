import { Card, Checkbox, Empty, Grid, Pagination, Spin, Table, type TableProps } from 'antd';
import { type ColumnType } from 'antd/es/table';
import { type HTMLAttributes, type Key, type ReactNode, useState } from 'react';
import { SECONDARY_TEXT } from '../theme/theme';

/**
 * An antd Table on wider screens and, on phones (below antd's `md`, 768 px), the same rows as a
 * list of cards: the first column is the card's heading, every other column one "title：value"
 * line (two side by side for columns the table gives 130 px or less). Takes a Table's props
 * (flat columns with `dataIndex`/`render`, `rowKey`, `onRow`, `rowSelection` with
 * `selectedRowKeys`/`onChange`, `pagination`, `loading`, `locale.emptyText`, `data-testid`), so
 * a page needs no second rendering of its rows for phones.
 */
export function ResponsiveTable<T extends object>(props: TableProps<T> & { 'data-testid'?: string }) {
  const screens = Grid.useBreakpoint();
  // Before the first measurement every breakpoint is unknown: render the table then.
  const phone = screens.md === false;
  if (!phone) return <Table<T> {...props} />;
  return <CardList<T> {...props} />;
}

function CardList<T extends object>({
  columns = [],
  dataSource = [],
  rowKey = 'key',
  onRow,
  rowSelection,
  pagination,
  loading,
  locale,
  'data-testid': testId,
}: TableProps<T> & { 'data-testid'?: string }) {
  const visible = (columns as ColumnType<T>[]).filter((c) => !c.hidden);
  const [head, ...rest] = visible;
  const keyOf = (row: T, index: number): Key =>
    typeof rowKey === 'function' ? rowKey(row, index) : (row[rowKey as keyof T] as Key);
  const selected = rowSelection?.selectedRowKeys ?? [];
  const toggle = (row: T, index: number, on: boolean) => {
    const key = keyOf(row, index);
    const keys = on ? [...selected, key] : selected.filter((k) => k !== key);
    rowSelection?.onChange?.(
      keys,
      dataSource.filter((r, i) => keys.includes(keyOf(r, i))),
      { type: 'multiple' },
    );
  };
  const spinning = typeof loading === 'object' ? loading.spinning : loading;
  const emptyText = typeof locale?.emptyText === 'function' ? locale.emptyText() : locale?.emptyText;
  const pager = pagination === false ? null : (pagination ?? {});
  const pageSize = pager?.pageSize ?? 10;
  const [current, setCurrent] = useState(pager?.current ?? 1);
  // A controlled pagination (`current` given) means the caller already passed one page of rows.
  const rows =
    pager && pager.current === undefined && dataSource.length > pageSize
      ? dataSource.slice((current - 1) * pageSize, current * pageSize)
      : dataSource;

  return (
    <Spin spinning={Boolean(spinning)}>
      <div data-testid={testId} style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
        {rows.length === 0 && !spinning && (emptyText ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />)}
        {rows.map((row, index) => {
          const key = keyOf(row, index);
          const rowProps = (onRow?.(row, index) ?? {}) as HTMLAttributes<HTMLDivElement>;
          return (
            <Card key={key} size="small" styles={{ body: { padding: 12 } }} {...rowProps}>
              <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                {rowSelection && (
                  <Checkbox
                    aria-label="选择此行"
                    checked={selected.includes(key)}
                    onClick={(e) => e.stopPropagation()}
                    onChange={(e) => toggle(row, index, e.target.checked)}
                  />
                )}
                <div style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
                  {head && <div style={{ fontWeight: 600, marginBottom: 4 }}>{cell(head, row, index)}</div>}
                  <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 12 }}>
                    {rest.map((column, i) => (
                      <div
                        key={String(column.key ?? column.dataIndex ?? i)}
                        style={{ display: 'flex', gap: 4, gridColumn: narrow(column) ? undefined : '1 / -1' }}
                      >
                        <span style={{ color: SECONDARY_TEXT, flex: 'none' }}>{titleOf(column)}：</span>
                        <span style={{ minWidth: 0 }}>{cell(column, row, index)}</span>
                      </div>
                    ))}
                  </div>
                </div>
              </div>
            </Card>
          );
        })}
        {pager && (pager.total ?? dataSource.length) > pageSize && (
          <Pagination
            simple
            size="small"
            align="center"
            current={pager.current ?? current}
            pageSize={pageSize}
            total={pager.total ?? dataSource.length}
            onChange={(page, size) => {
              setCurrent(page);
              pager.onChange?.(page, size);
            }}
          />
        )}
      </div>
    </Spin>
  );
}

/** What one column shows for one row: its render, else the value at its dataIndex. */
function cell<T>(column: ColumnType<T>, row: T, index: number): ReactNode {
  const path =
    column.dataIndex === undefined ? [] : ([] as (string | number)[]).concat(column.dataIndex as never);
  const value = path.reduce<unknown>((v, k) => (v == null ? v : (v as Record<string, unknown>)[k]), row);
  if (column.render) return column.render(value, row, index) as ReactNode;
  return value == null || value === '' ? '—' : (value as ReactNode);
}

/** A column the table gives 130 px or less (a number, a year, a date): half a card's width. */
function narrow<T>(column: ColumnType<T>): boolean {
  return typeof column.width === 'number' && column.width <= 130;
}

function titleOf<T>(column: ColumnType<T>): ReactNode {
  return typeof column.title === 'function' ? column.title({}) : column.title;
}
