import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useCallback } from 'react';
import { ApiError } from '../../api/client';
import { type LoadedItem } from './item-api';
import { invalidateItemData } from './item-keys';
import { useFetchItem } from './useItem';

const CHANGED_MESSAGE = '该事项已被他人修改，已为您刷新，请核对后重试';

/** What a failed change to an item left: whether it was a conflict, and the item as it is now. */
export interface ItemFailure {
  conflict: boolean;
  /** After a conflict, the item reloaded; null when that failed or there was no conflict. */
  fresh: LoadedItem | null;
}

/**
 * Shows a failed change to an item the one way every page does: the API's Chinese message in a
 * notification; on a conflict (409) a notice that the item changed, and the item reloaded.
 */
export function useReportItemError(): (itemId: string, err: unknown) => Promise<ItemFailure> {
  const { message, notification } = App.useApp();
  const queryClient = useQueryClient();
  const fetchItem = useFetchItem();
  return useCallback(
    async (itemId: string, err: unknown) => {
      if (err instanceof ApiError && err.status === 409) {
        if (err.code === 'ITEM_CHANGED') message.warning(CHANGED_MESSAGE, 5);
        else notification.error({ title: '操作未完成', description: err.message });
        void invalidateItemData(queryClient);
        try {
          return { conflict: true, fresh: await fetchItem(itemId) };
        } catch {
          return { conflict: true, fresh: null };
        }
      }
      notification.error({
        title: '操作未完成',
        description: err instanceof ApiError ? err.message : '操作失败，请稍后重试。',
      });
      return { conflict: false, fresh: null };
    },
    [message, notification, queryClient, fetchItem],
  );
}
