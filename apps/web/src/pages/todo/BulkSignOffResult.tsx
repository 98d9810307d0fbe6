import { Alert, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { type BulkTransitionResponse } from '../../api/rectify-api';

/**
 * What a bulk sign-off did, item by item: how many were signed off, and for each one refused
 * the reason the rules gave (say, someone else had already returned it). `titles`: the items'
 * titles when they were sent (the list reloads without them).
 */
export function BulkSignOffResult({
  result,
  titles,
  onClose,
}: {
  result: BulkTransitionResponse;
  titles: Record<string, string>;
  onClose(): void;
}) {
  const heading =
    result.failed === 0
      ? `已审核销号 ${result.succeeded} 项`
      : `已审核销号 ${result.succeeded} 项，${result.failed} 项未能销号`;
  return (
    <Alert
      data-testid="bulk-sign-off-result"
      style={{ margin: '8px 0' }}
      type={result.failed === 0 ? 'success' : 'warning'}
      showIcon
      closable={{ onClose }}
      title={heading}
      description={
        <div>
          {result.results.map((r) => (
            <div key={r.itemId} data-testid="bulk-sign-off-outcome" data-ok={r.ok}>
              {r.ok ? <Tag color="success">已销号</Tag> : <Tag color="error">未销号</Tag>}
              <Link to={`/items/${r.itemId}`}>{titles[r.itemId] ?? r.itemId}</Link>
              {r.error && <Typography.Text type="danger">：{r.error.message}</Typography.Text>}
            </div>
          ))}
        </div>
      }
    />
  );
}
