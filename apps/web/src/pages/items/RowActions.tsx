import { DownOutlined } from '@ant-design/icons';
import { Button, Dropdown, Spin, Typography } from 'antd';
import { EVENT_LABELS, type EventType } from '../../components/labels';

/** Events that approve or sign off are primary buttons, refusals danger ones (as on the item page). */
const PRIMARY: EventType[] = ['SET_MEASURES', 'SUBMIT_COMPLETION', 'APPROVE_COMPLETION', 'APPROVE_EXTENSION'];
const DANGER: EventType[] = ['RETURN_FOR_REWORK', 'REJECT_EXTENSION', 'REOPEN'];
const INLINE = 2;

interface Props {
  /** undefined while the row's events are loading. */
  events: EventType[] | undefined;
  /** The event whose item detail is being fetched, if any. */
  opening: EventType | null;
  disabled?: boolean;
  onAction(event: EventType): void;
}

/** The events the user may send now on one list row: two buttons inline, the rest under 更多. */
export function RowActions({ events, opening, disabled, onAction }: Props) {
  if (events === undefined) return <Spin size="small" data-testid="row-actions-loading" />;
  if (events.length === 0)
    return (
      <Typography.Text type="secondary" data-testid="row-actions-none">
        —
      </Typography.Text>
    );

  // Primary events first, so the main next step is always visible inline.
  const ordered = [...events].sort((a, b) => Number(PRIMARY.includes(b)) - Number(PRIMARY.includes(a)));
  const inline = ordered.length > INLINE ? ordered.slice(0, INLINE) : ordered;
  const more = ordered.slice(inline.length);

  return (
    // Clicks (also from the dropdown's portal) must not reach a clickable card around the row.
    <div
      data-testid="row-actions"
      onClick={(e) => e.stopPropagation()}
      style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}
    >
      {inline.map((ev) => (
        <Button
          key={ev}
          size="small"
          type={PRIMARY.includes(ev) ? 'primary' : 'default'}
          danger={DANGER.includes(ev)}
          loading={opening === ev}
          disabled={disabled && opening !== ev}
          onClick={() => onAction(ev)}
          data-testid={`row-action-${ev}`}
        >
          {EVENT_LABELS[ev] ?? ev}
        </Button>
      ))}
      {more.length > 0 && (
        <Dropdown
          trigger={['click']}
          disabled={disabled}
          menu={{
            items: more.map((ev) => ({
              key: ev,
              danger: DANGER.includes(ev),
              label: <span data-testid={`row-action-${ev}`}>{EVENT_LABELS[ev] ?? ev}</span>,
            })),
            onClick: ({ key, domEvent }) => {
              domEvent.stopPropagation();
              onAction(key as EventType);
            },
          }}
        >
          <Button
            size="small"
            loading={opening !== null && more.includes(opening)}
            data-testid="row-action-more"
          >
            更多 <DownOutlined />
          </Button>
        </Dropdown>
      )}
    </div>
  );
}
