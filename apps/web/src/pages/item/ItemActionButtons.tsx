import { Button, Typography } from 'antd';
import { type RectificationEventType, type RectificationStatus } from '../../api/generated/vocabulary';
import { eventLabel } from '../../features/item-events/event-labels';
import { DANGER_EVENTS, PRIMARY_EVENTS } from '../../features/items/allowed-actions';

/** 可执行的操作: one button per event the user may send now, full width on a phone. */
export function ItemActionButtons({
  events,
  status,
  block,
  onAction,
}: {
  events: RectificationEventType[];
  /** The item's status: an event may read differently there (调整整改措施). */
  status: RectificationStatus;
  block: boolean;
  onAction(event: RectificationEventType): void;
}) {
  return (
    <div data-testid="item-actions" style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
      {events.length === 0 ? (
        <Typography.Text type="secondary" data-testid="no-actions">
          当前没有您可以执行的操作。
        </Typography.Text>
      ) : (
        events.map((ev) => (
          <Button
            key={ev}
            type={PRIMARY_EVENTS.includes(ev) ? 'primary' : 'default'}
            danger={DANGER_EVENTS.includes(ev)}
            onClick={() => onAction(ev)}
            data-testid={`action-${ev}`}
            block={block}
          >
            {eventLabel(ev, status)}
          </Button>
        ))
      )}
    </div>
  );
}
