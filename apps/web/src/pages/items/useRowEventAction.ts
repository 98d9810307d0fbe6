import { useState } from 'react';
import { type RectificationEventType } from '../../api/generated/vocabulary';
import { useSendEvent } from '../../features/item-events/useSendEvent';
import { type LoadedItem } from '../../features/items/item-api';
import { useFetchItem } from '../../features/items/useItem';
import { useReportItemError } from '../../features/items/useReportItemError';

/**
 * An event started from a list row: the dialog needs the item's detail (measures, version…),
 * fetched when the button is clicked (`opening` meanwhile); then the event is sent as on the
 * item page. After a conflict the dialog stays open on the item as it is now, if still allowed.
 */
export function useRowEventAction() {
  const fetchItem = useFetchItem();
  const reportError = useReportItemError();
  const { send, sending } = useSendEvent();
  const [opening, setOpening] = useState<{ id: string; event: RectificationEventType } | null>(null);
  const [active, setActive] = useState<{ event: RectificationEventType; item: LoadedItem } | null>(null);

  const open = async (id: string, event: RectificationEventType) => {
    if (opening) return;
    setOpening({ id, event });
    try {
      setActive({ event, item: await fetchItem(id) });
    } catch (err) {
      await reportError(id, err);
    } finally {
      setOpening(null);
    }
  };

  const submit = async (event: RectificationEventType, payload: Record<string, unknown>) => {
    if (!active) return;
    const outcome = await send(active.item, event, payload);
    if (outcome.close) setActive(null);
    else if (outcome.fresh) setActive({ event, item: outcome.fresh });
  };

  return { opening, active, open, submit, cancel: () => setActive(null), sending };
}
