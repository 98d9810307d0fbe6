import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  countMyUnreadNotifications,
  listMyNotifications,
  markMyNotificationsRead,
  type MarkNotificationsReadDto,
} from '../../api/rectify-api';

/** Every notification query starts with this key, so one invalidation refreshes the bell and the list. */
const NOTIFICATIONS = ['notifications'] as const;

/** How often the bell asks for the unread count (ms): new messages show within half a minute. */
const UNREAD_REFRESH_MS = 30_000;

/** The signed-in person's unread 站内消息 count (0 while loading or when it cannot be read). */
export function useUnreadCount(): number {
  const { data } = useQuery({
    queryKey: [...NOTIFICATIONS, 'unread-count'],
    queryFn: () => countMyUnreadNotifications(),
    refetchInterval: UNREAD_REFRESH_MS,
  });
  return data?.unread ?? 0;
}

/** The person's messages newest first, 20 a page; `fetchNextPage` loads older ones. */
export function useNotificationPages(unreadOnly: boolean) {
  return useInfiniteQuery({
    queryKey: [...NOTIFICATIONS, 'list', unreadOnly],
    queryFn: ({ pageParam }) =>
      listMyNotifications({ unread: unreadOnly || undefined, before: pageParam ?? undefined, limit: 20 }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextBefore,
  });
}

/** Marks messages read (`{ ids }` or `{ all: true }`); the bell and the list reload after. */
export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (target: MarkNotificationsReadDto) =>
      markMyNotificationsRead({ markNotificationsReadDto: target }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS }),
  });
}
