import { type NotificationPreferences } from '@rectify/domain';

/**
 * Each person's notification preferences (通知设置, table `notification_preference`); a person
 * who never chose has DEFAULT_NOTIFICATION_PREFERENCES.
 */
export interface NotificationPreferencesRepository {
  /** The person's preferences, or the defaults when they never saved any. */
  read(userId: string): Promise<NotificationPreferences>;
  /** Stores the person's choice (replacing any earlier one) and resolves with it as stored. */
  save(userId: string, preferences: NotificationPreferences): Promise<NotificationPreferences>;
}
