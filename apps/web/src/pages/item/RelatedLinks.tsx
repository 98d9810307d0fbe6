import { Typography } from 'antd';
import { Link } from 'react-router-dom';
import { type RecurrenceEntryResponse } from '../../api/rectify-api';
import { RECTIFICATION_STATUS_LABELS } from '../../api/generated/vocabulary';
import { label } from '../../components/labels';

/** Links to similar problems of other years, with their status and similarity. */
export function RelatedLinks({ title, items }: { title: string; items: RecurrenceEntryResponse[] }) {
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
              （{label(RECTIFICATION_STATUS_LABELS, r.status)}，相似度{Math.round(r.score * 100)}%）
            </Typography.Text>
          </li>
        ))}
      </ul>
    </div>
  );
}
