import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  getMyNotificationPreferences,
  type NotificationPreferencesDto,
  saveMyNotificationPreferences,
} from '../../api/rectify-api';

const PREFERENCES = ['notification-preferences'] as const;

/** The person's 通知设置 (the defaults until they save their own). */
export const useNotificationPreferences = () =>
  useQuery({ queryKey: PREFERENCES, queryFn: () => getMyNotificationPreferences() });

/** Saves the 通知设置; the stored answer replaces the cached one. */
export function useSaveNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (preferences: NotificationPreferencesDto) =>
      saveMyNotificationPreferences({ notificationPreferencesDto: preferences }),
    onSuccess: (saved) => queryClient.setQueryData(PREFERENCES, saved),
  });
}
