import { Button, Tag, Typography } from 'antd';
import { type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { eventLabel } from '../../features/item-events/event-labels';
import { type TodoEntryResponse } from '../../api/rectify-api';
import { statusColor, statusText } from '../../components/labels';
import { ClampedTitle } from '../../components/ClampedTitle';
import { SECONDARY_TEXT } from '../../theme/theme';

/** The item page, opening the form of the entry's action when it has one. */
export const entryLink = (e: TodoEntryResponse) =>
  e.action ? `/items/${e.itemId}?action=${e.action}` : `/items/${e.itemId}`;

/**
 * One to-do entry: its title (to the item, at the action), status, organisation and deadline,
 * the list's own facts beneath, and the action as a button; `leading` goes before the title
 * (the review list's checkbox). Stacks on a phone.
 */
export function TodoEntryRow({
  entry,
  facts,
  leading,
  mobile,
}: {
  entry: TodoEntryResponse;
  facts?: ReactNode;
  leading?: ReactNode;
  mobile: boolean;
}) {
  return (
    <div
      data-testid="todo-entry"
      data-item-id={entry.itemId}
      style={{
        display: 'flex',
        gap: 10,
        alignItems: mobile ? 'flex-start' : 'center',
        padding: '10px 0',
        borderBottom: '1px solid #f0f0f0',
        flexWrap: mobile ? 'wrap' : 'nowrap',
      }}
    >
      {leading}
      <div style={{ flex: 1, minWidth: 0 }}>
        <ClampedTitle text={entry.title} to={entryLink(entry)} strong testId="todo-entry-link" />
        <Tag color={statusColor(entry.status)} style={{ marginTop: 2 }}>
          {statusText(entry.status)}
        </Tag>
        <div style={{ color: SECONDARY_TEXT, fontSize: 12, marginTop: 2 }}>
          {entry.organisationName}｜{entry.deadline ? `时限 ${entry.deadline}` : '未定时限'}
        </div>
        {facts && <div style={{ fontSize: 13, marginTop: 4 }}>{facts}</div>}
      </div>
      {entry.action ? (
        <Link to={entryLink(entry)} style={mobile ? { width: '100%' } : undefined}>
          <Button
            size="small"
            type="primary"
            ghost
            block={mobile}
            data-testid={`todo-action-${entry.action}`}
          >
            {eventLabel(entry.action, entry.status)}
          </Button>
        </Link>
      ) : (
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          等待审核
        </Typography.Text>
      )}
    </div>
  );
}
