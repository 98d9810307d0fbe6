import { type NotificationInboxRepository } from '@rectify/persistence';

/**
 * How many of the signed-in person's 站内消息 are unread (the bell's badge). No errors of its own.
 */
export class CountUnreadNotificationsUseCase {
  constructor(private readonly inbox: NotificationInboxRepository) {}

  async execute(command: { userId: string }): Promise<{ unread: number }> {
    return { unread: await this.inbox.unreadCount(command.userId) };
  }
}
