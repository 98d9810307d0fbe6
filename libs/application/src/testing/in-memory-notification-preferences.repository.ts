import { DEFAULT_NOTIFICATION_PREFERENCES, type NotificationPreferences } from '@rectify/domain';
import { type NotificationPreferencesRepository } from '@rectify/persistence';

/** NotificationPreferencesRepository in memory, for unit tests. */
export class InMemoryNotificationPreferencesRepository implements NotificationPreferencesRepository {
  readonly saved = new Map<string, NotificationPreferences>();

  async read(userId: string): Promise<NotificationPreferences> {
    const p = this.saved.get(userId) ?? DEFAULT_NOTIFICATION_PREFERENCES;
    return { emailMode: p.emailMode, emailKinds: [...p.emailKinds] };
  }

  async save(userId: string, preferences: NotificationPreferences): Promise<NotificationPreferences> {
    this.saved.set(userId, { emailMode: preferences.emailMode, emailKinds: [...preferences.emailKinds] });
    return this.read(userId);
  }
}
