import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { type LoadedItem, loadItem } from './item-api';
import { itemKeys } from './item-keys';

/** One item's detail (`data`, `error` as ApiError, `isPending`). */
export function useItem(id: string) {
  return useQuery({ queryKey: itemKeys.detail(id), queryFn: () => loadItem(id) });
}

/** Loads an item afresh (and updates the cache); throws ApiError when that fails. */
export function useFetchItem(): (id: string) => Promise<LoadedItem> {
  const queryClient = useQueryClient();
  return useCallback(
    (id: string) => queryClient.fetchQuery({ queryKey: itemKeys.detail(id), queryFn: () => loadItem(id) }),
    [queryClient],
  );
}
