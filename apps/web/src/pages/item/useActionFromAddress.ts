import { App } from 'antd';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { RECTIFICATION_EVENT_LABELS, type RectificationEventType } from '../../api/generated/vocabulary';
import { eventsOf } from '../../features/items/allowed-actions';
import { type LoadedItem } from '../../features/items/item-api';

/**
 * `/items/:id?action=EVENT` (from a to-do entry) opens that event's form once the item has
 * loaded, if the user may still send it; otherwise says why nothing opened (someone else acted
 * first). The parameter is then dropped, so closing the form or reloading does not reopen it.
 */
export function useActionFromAddress(
  item: LoadedItem | undefined,
  open: (event: RectificationEventType) => void,
) {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const requested = params.get('action');

  useEffect(() => {
    if (!item || !requested) return;
    const event = requested as RectificationEventType;
    if (eventsOf(item.allowedActions).includes(event)) open(event);
    else if (RECTIFICATION_EVENT_LABELS[event])
      message.info(
        `该事项当前无需您"${RECTIFICATION_EVENT_LABELS[event]}"：状态可能已有变化，请看下方记录。`,
      );
    setParams(
      (p) => {
        p.delete('action');
        return p;
      },
      { replace: true },
    );
  }, [item, requested, open, message, setParams]);
}
