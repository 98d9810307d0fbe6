import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchItems, type ItemQuery } from './item-api';
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
