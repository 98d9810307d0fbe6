import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useAuth } from '../../auth/auth-context';
import { type ItemLight } from '../../api/generated/vocabulary';
import { type LoadedItem, loadItem, loadItemRow } from './item-api';
import { itemKeys } from './item-keys';

/** The light, year and working days shown with an item (null/undefined while unknown). */
export interface ItemStanding {
  light: ItemLight | undefined;
  reportYear: number | null | undefined;
  workdaysLeft: number | null | undefined;
  workdaysOverdue: number | null | undefined;
}

/**
 * One item's detail with its allowed actions (`data`, `error` as ApiError, `isPending`), and
 * its standing: from the detail itself, or from its list row when the server does not send it.
 */
export function useItem(id: string) {
  const { user } = useAuth();
  const detail = useQuery({ queryKey: itemKeys.detail(id), queryFn: () => loadItem(id, user?.role) });
  const item = detail.data;
  // The detail's contract has no report year yet: until it does, the row supplies it.
  // TODO(issue15): remove fallback
  const needsRow = item !== undefined && (item.light === undefined || item.reportYear === undefined);
  const row = useQuery({
    queryKey: itemKeys.row(id),
    queryFn: () => loadItemRow(item!),
    enabled: needsRow,
  });
  const lit = item?.light !== undefined;
  const standing: ItemStanding = {
    light: lit ? item?.light : row.data?.light,
    reportYear: item?.reportYear ?? row.data?.reportYear,
    workdaysLeft: lit ? item?.workdaysLeft : row.data?.workdaysLeft,
    workdaysOverdue: lit ? item?.workdaysOverdue : row.data?.workdaysOverdue,
  };
  return { ...detail, standing };
}

/** Loads an item afresh (and updates the cache); throws ApiError when that fails. */
export function useFetchItem(): (id: string) => Promise<LoadedItem> {
  const queryClient = useQueryClient();
  const { user } = useAuth();
  return useCallback(
    (id: string) =>
      queryClient.fetchQuery({ queryKey: itemKeys.detail(id), queryFn: () => loadItem(id, user?.role) }),
    [queryClient, user?.role],
  );
}
