import { DownOutlined } from '@ant-design/icons';
import { Button, Dropdown, Typography } from 'antd';
import { type ItemListEntryResponse } from '../../api/rectify-api';
import { type RectificationEventType } from '../../api/generated/vocabulary';
import { eventLabel } from '../../features/item-events/event-labels';
import { DANGER_EVENTS, eventsOf, PRIMARY_EVENTS, primaryFirst } from '../../features/items/allowed-actions';

const INLINE = 2;

interface Props {
  row: ItemListEntryResponse;
  /** The event whose item detail is being fetched, if any. */
  opening: RectificationEventType | null;
  disabled?: boolean;
  /** On a card: space above the buttons, and nothing at all when no event is allowed. */
  spaced?: boolean;
  onAction(event: RectificationEventType): void;
}

/** The events the user may send now on one list row: two buttons inline, the rest under 更多. */
export function RowActions({ row, opening, disabled, spaced, onAction }: Props) {
  const events = eventsOf(row.allowedActions);
  if (events.length === 0)
    return spaced ? null : (
      <Typography.Text type="secondary" data-testid="row-actions-none">
        —
      </Typography.Text>
    );

  const ordered = primaryFirst(events);
  const inline = ordered.length > INLINE ? ordered.slice(0, INLINE) : ordered;
  const more = ordered.slice(inline.length);

  return (
    // Clicks (also from the dropdown's portal) must not reach a clickable card around the row.
    <div
      data-testid="row-actions"
      onClick={(e) => e.stopPropagation()}
      style={{ display: 'flex', flexWrap: 'wrap', gap: 4, marginTop: spaced ? 8 : undefined }}
    >
      {inline.map((ev) => (
        <Button
          key={ev}
          size="small"
          type={PRIMARY_EVENTS.includes(ev) ? 'primary' : 'default'}
          danger={DANGER_EVENTS.includes(ev)}
          loading={opening === ev}
          disabled={disabled && opening !== ev}
          onClick={() => onAction(ev)}
          data-testid={`row-action-${ev}`}
        >
          {eventLabel(ev, row.status)}
        </Button>
      ))}
      {more.length > 0 && (
        <Dropdown
          trigger={['click']}
          disabled={disabled}
          menu={{
            items: more.map((ev) => ({
              key: ev,
              danger: DANGER_EVENTS.includes(ev),
              label: <span data-testid={`row-action-${ev}`}>{eventLabel(ev, row.status)}</span>,
            })),
            onClick: ({ key, domEvent }) => {
              domEvent.stopPropagation();
              onAction(key as RectificationEventType);
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
