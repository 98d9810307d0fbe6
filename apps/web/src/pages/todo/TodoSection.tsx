import { CheckCircleOutlined } from '@ant-design/icons';
import { Badge, Card, Typography } from 'antd';
import { type ReactNode } from 'react';

/**
 * One to-do list as a card: its title and count, what it holds, the entries, or an empty state
 * saying what to do; says when more entries exist than are listed (the API's cap).
 */
export function TodoSection({
  testId,
  title,
  hint,
  total,
  shown,
  limit,
  empty,
  extra,
  notice,
  mobile,
  children,
}: {
  testId: string;
  title: string;
  hint: string;
  total: number;
  shown: number;
  limit: number;
  empty: string;
  extra?: ReactNode;
  /** Shown above the entries, and above the empty state too (a bulk action's result). */
  notice?: ReactNode;
  mobile: boolean;
  children: ReactNode;
}) {
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
      extra={extra}
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
        children
      )}
      {total > shown && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          另有 {total - shown} 项未列出（每类最多列出 {limit} 项），请在"我的整改事项"中筛选查看。
        </Typography.Paragraph>
      )}
    </Card>
  );
}
