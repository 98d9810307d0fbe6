import { NOTIFICATION_KIND_LABELS } from '@rectify/domain';
import { type InboxEntryRecord, type NotificationInboxRepository } from '@rectify/persistence';
import { ApplicationError } from '../errors/application-error';
import { requireNotificationId } from '../notifications/notification-id';

/** A page of the signed-in person's 站内消息. */
export interface ListNotificationsCommand {
  userId: string;
  unreadOnly: boolean;
  /** The id of the last entry of the previous page (see NOTIFICATION_ID_PATTERN), or null for the first page. */
  before: string | null;
  /** 1–100. */
  limit: number;
}

/** One message with its kind's Chinese name. */
export interface InboxEntry extends InboxEntryRecord {
  kindLabel: string;
}

export interface NotificationPage {
  entries: InboxEntry[];
  /** Pass as `before` for the next page; null when this page is the last. */
  nextBefore: string | null;
}

export const MAX_NOTIFICATION_PAGE = 100;

/**
 * The person's 站内消息, newest first, in pages (keyset on the time and id: a message arriving meanwhile
 * never shifts a page). Errors: INVALID_ARGUMENT (400) for a limit outside 1–100 or a `before`
 * that is no message id.
 */
export class ListNotificationsUseCase {
  constructor(private readonly inbox: NotificationInboxRepository) {}

  async execute(command: ListNotificationsCommand): Promise<NotificationPage> {
    const { limit } = command;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_NOTIFICATION_PAGE) {
      throw new ApplicationError('INVALID_ARGUMENT', `每页条数须为 1–${MAX_NOTIFICATION_PAGE}。`, { limit });
    }
    const before = command.before === null ? null : requireNotificationId(command.before, 'before');
    // One more than asked tells whether another page follows.
    const rows = await this.inbox.list({
      recipientId: command.userId,
      unreadOnly: command.unreadOnly,
      before,
      limit: limit + 1,
    });
    const entries = rows
      .slice(0, limit)
      .map((r) => ({ ...r, kindLabel: NOTIFICATION_KIND_LABELS[r.kind] ?? r.kind }));
    return { entries, nextBefore: rows.length > limit ? entries[entries.length - 1].id : null };
  }
}
