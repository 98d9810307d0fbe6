import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ItemListEntryResponse } from '../../api/rectify-api';
import { type RectificationEventType } from '../../api/generated/vocabulary';
import { eventsOf } from './allowed-actions';
import { fetchItemEvents, fetchItems, type ItemQuery } from './item-api';
import { itemKeys } from './item-keys';

/** One page of GET /api/items; the previous page stays on screen while the next one loads. */
export function useItems(query: ItemQuery, enabled = true) {
  return useQuery({
    queryKey: itemKeys.list(query),
    queryFn: () => fetchItems(query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/**
 * The events the user may send now on one list row; undefined while they load (only from a
 * server that does not send `allowedActions` with the row). A failure counts as none.
 */
export function useRowEvents(row: ItemListEntryResponse): RectificationEventType[] | undefined {
  const fallback = useQuery({
    queryKey: itemKeys.events(row.id),
    queryFn: () => fetchItemEvents(row.id).catch((): RectificationEventType[] => []),
    // TODO(issue15): remove fallback
    enabled: row.allowedActions === undefined,
  });
  return row.allowedActions ? eventsOf(row.allowedActions) : fallback.data;
}
