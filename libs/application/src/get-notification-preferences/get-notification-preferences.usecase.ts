import { type NotificationPreferences } from '@rectify/domain';
import { type NotificationPreferencesRepository } from '@rectify/persistence';

/**
 * The signed-in person's notification preferences (通知设置); the defaults (every event kind by
 * email, at once) until they save their own. No errors of its own.
 */
export class GetNotificationPreferencesUseCase {
  constructor(private readonly preferences: NotificationPreferencesRepository) {}

  execute(command: { userId: string }): Promise<NotificationPreferences> {
    return this.preferences.read(command.userId);
  }
}
