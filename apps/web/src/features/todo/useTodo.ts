import { useQuery } from '@tanstack/react-query';
import { getMyTodo } from '../../api/rectify-api';
import { itemKeys } from '../items/item-keys';

/** Under the items' key, so every change to an item (invalidateItemData) refreshes the to-do lists too. */
export const todoKey = [...itemKeys.all, 'todo'] as const;

/** How often the to-do lists (and the header's badge) reload while a page is open. */
const REFRESH_MS = 60_000;

/**
 * GET /api/me/todo: the signed-in person's to-do lists (待办) and their counts; shared by the
 * 待办 page and the header's badge, reloaded after item changes and every minute.
 */
export function useTodo(enabled = true) {
  return useQuery({
    queryKey: todoKey,
    queryFn: () => getMyTodo(),
    refetchInterval: REFRESH_MS,
    enabled,
  });
}
