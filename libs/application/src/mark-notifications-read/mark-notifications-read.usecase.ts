import { type NotificationInboxRepository } from '@rectify/persistence';
import { ApplicationError } from '../errors/application-error';
import { requireNotificationId } from '../notifications/notification-id';

/** Mark some of one's own 站内消息 read (`ids`), or all of them (`all: true`); exactly one of the two. */
export interface MarkNotificationsReadCommand {
  userId: string;
  ids?: readonly string[];
  all?: boolean;
}

export const MAX_MARK_READ_IDS = 500;

/**
 * Marks the person's own messages read. Ids of other people's messages, of messages already read
 * or of none at all change nothing (nobody learns which ids exist). Resolves with how many were
 * marked now and how many stay unread. Errors: INVALID_ARGUMENT (400) when neither or both of
 * `ids` and `all` are given, for more than 500 ids, or an id that is no message id.
 */
export class MarkNotificationsReadUseCase {
  constructor(private readonly inbox: NotificationInboxRepository) {}

  async execute(command: MarkNotificationsReadCommand): Promise<{ marked: number; unread: number }> {
    const all = command.all === true;
    if (all === (command.ids !== undefined)) {
      throw new ApplicationError(
        'INVALID_ARGUMENT',
        '请给出要标为已读的消息编号 ids，或 all: true（二者选一）。',
      );
    }
    let marked: number;
    if (all) {
      marked = await this.inbox.markRead(command.userId, 'all');
    } else {
      const ids = command.ids ?? [];
      if (ids.length > MAX_MARK_READ_IDS) {
        throw new ApplicationError('INVALID_ARGUMENT', `一次最多标记 ${MAX_MARK_READ_IDS} 条消息。`, {
          count: ids.length,
        });
      }
      const valid = [...new Set(ids.map((id) => requireNotificationId(id, 'ids')))];
      marked = await this.inbox.markRead(command.userId, { ids: valid });
    }
    return { marked, unread: await this.inbox.unreadCount(command.userId) };
  }
}
