import {
  EMAIL_MODE_LABELS,
  EMAIL_MODES,
  EVENT_NOTIFICATION_KINDS,
  type EventNotificationKind,
  NOTIFICATION_KIND_LABELS,
  type NotificationPreferences,
} from '@rectify/domain';
import { type NotificationPreferencesRepository } from '@rectify/persistence';
import { ApplicationError } from '../errors/application-error';

/** The person's new choice: how event notifications go by email, and which kinds. */
export interface SaveNotificationPreferencesCommand {
  userId: string;
  emailMode: string;
  emailKinds: readonly string[];
}

/**
 * Saves the person's 通知设置 and resolves with them as stored (kinds in vocabulary order, each
 * once). 站内消息 stay on whatever is chosen. Errors: INVALID_ARGUMENT (400) for an unknown mode
 * or kind (the message lists the allowed ones in Chinese).
 */
export class SaveNotificationPreferencesUseCase {
  constructor(private readonly preferences: NotificationPreferencesRepository) {}

  async execute(command: SaveNotificationPreferencesCommand): Promise<NotificationPreferences> {
    const mode = EMAIL_MODES.find((m) => m === command.emailMode);
    if (!mode) {
      const allowed = EMAIL_MODES.map((m) => `${m}（${EMAIL_MODE_LABELS[m]}）`).join('、');
      throw new ApplicationError('INVALID_ARGUMENT', `邮件通知方式无效：可选 ${allowed}。`, {
        field: 'emailMode',
        value: command.emailMode,
      });
    }
    const unknown = command.emailKinds.filter(
      (k) => !(EVENT_NOTIFICATION_KINDS as readonly string[]).includes(k),
    );
    if (unknown.length > 0) {
      const allowed = EVENT_NOTIFICATION_KINDS.map((k) => `${k}（${NOTIFICATION_KIND_LABELS[k]}）`).join(
        '、',
      );
      throw new ApplicationError(
        'INVALID_ARGUMENT',
        `不能按邮件发送的通知类别：${unknown.join('、')}。可选：${allowed}。`,
        { field: 'emailKinds', unknown },
      );
    }
    const kinds: EventNotificationKind[] = EVENT_NOTIFICATION_KINDS.filter((k) =>
      command.emailKinds.includes(k),
    );
    return this.preferences.save(command.userId, { emailMode: mode, emailKinds: kinds });
  }
}
