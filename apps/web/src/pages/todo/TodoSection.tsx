import { CheckCircleOutlined } from '@ant-design/icons';
import { Badge, Card, Typography } from 'antd';
import { type ReactNode } from 'react';
import { type TodoEntryResponse } from '../../api/rectify-api';
import { TodoEntryRow } from './TodoEntryRow';

/** What a section says about its list and how it shows each entry. */
export interface TodoSectionProps<E extends TodoEntryResponse> {
  testId: string;
  title: string;
  /** What the list holds, under the title. */
  hint: string;
  list: { total: number; entries: E[] };
  /** The API's cap on entries per list. */
  limit: number;
  /** The empty state: says what to do, or that all is well. */
  empty: string;
  /** The list's own facts under an entry (since when, the reason, days left). */
  facts?: (entry: E) => ReactNode;
  /** Before an entry's title (a checkbox). */
  leading?: (entry: E) => ReactNode;
  /** Above the entries, and above the empty state too (a bulk action's result). */
  notice?: ReactNode;
  /** Above the entries only (bulk actions). */
  toolbar?: ReactNode;
  mobile: boolean;
}

/**
 * One to-do list as a card: its title and count, what it holds, the entries (each opening its
 * item at the action), or an empty state; says when more entries exist than are listed.
 */
export function TodoSection<E extends TodoEntryResponse>({
  testId,
  title,
  hint,
  list,
  limit,
  empty,
  facts,
  leading,
  notice,
  toolbar,
  mobile,
}: TodoSectionProps<E>) {
  const { total, entries } = list;
  return (
    <Card
      data-testid={testId}
      size="small"
      title={
        <span>
          {title}
          <Badge
            count={total}
            showZero
            color={total > 0 ? '#c8161d' : '#bfbfbf'}
            style={{ marginInlineStart: 8 }}
            data-testid={`${testId}-count`}
          />
        </span>
      }
      styles={{ body: { padding: mobile ? '4px 12px 12px' : '4px 24px 16px' } }}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
        {hint}
      </Typography.Paragraph>
      {notice}
      {total === 0 ? (
        <div
          data-testid={`${testId}-empty`}
          style={{ display: 'flex', gap: 8, alignItems: 'center', padding: '10px 0 2px', color: '#595959' }}
        >
          <CheckCircleOutlined style={{ color: '#52c41a' }} />
          <span>{empty}</span>
        </div>
      ) : (
        <>
          {toolbar}
          {entries.map((e) => (
            <TodoEntryRow
              key={`${e.itemId}-${e.action ?? ''}`}
              entry={e}
              mobile={mobile}
              facts={facts?.(e)}
              leading={leading?.(e)}
            />
          ))}
        </>
      )}
      {total > entries.length && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          另有 {total - entries.length} 项未列出（每类最多列出 {limit} 项），请在"我的整改事项"中筛选查看。
        </Typography.Paragraph>
      )}
    </Card>
  );
}
