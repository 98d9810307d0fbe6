import { CountUnreadNotificationsUseCase } from '../count-unread-notifications/count-unread-notifications.usecase';
import { InMemoryNotificationInboxRepository } from '../testing/in-memory-notification-inbox.repository';
import { MarkNotificationsReadUseCase } from './mark-notifications-read.usecase';

const ME = 'me';
const OTHER = 'other';

describe('MarkNotificationsReadUseCase', () => {
  it('marks the given messages of the person read and ignores other people’s ids', async () => {
    const inbox = new InMemoryNotificationInboxRepository();
    const mine = [inbox.deliver(ME), inbox.deliver(ME), inbox.deliver(ME)];
    const theirs = inbox.deliver(OTHER);
    const mark = new MarkNotificationsReadUseCase(inbox);
    expect(await mark.execute({ userId: ME, ids: [mine[0], theirs, '999'] })).toEqual({
      marked: 1,
      unread: 2,
    });
    expect(await new CountUnreadNotificationsUseCase(inbox).execute({ userId: OTHER })).toEqual({
      unread: 1,
    });
    // Marking again changes nothing.
    expect(await mark.execute({ userId: ME, ids: [mine[0]] })).toEqual({ marked: 0, unread: 2 });
  });

  it('marks all of the person’s messages read, and nobody else’s', async () => {
    const inbox = new InMemoryNotificationInboxRepository();
    inbox.deliver(ME);
    inbox.deliver(ME);
    inbox.deliver(OTHER);
    expect(await new MarkNotificationsReadUseCase(inbox).execute({ userId: ME, all: true })).toEqual({
      marked: 2,
      unread: 0,
    });
    expect(await inbox.unreadCount(OTHER)).toBe(1);
  });

  it('refuses neither or both of ids and all, more than 500 ids, and an id that is no message id', async () => {
    const mark = new MarkNotificationsReadUseCase(new InMemoryNotificationInboxRepository());
    const refusals = [
      {},
      { ids: ['1'], all: true },
      { ids: Array.from({ length: 501 }, (_, i) => String(i + 1)) },
      { ids: ['1', 'x1'] },
    ];
    for (const command of refusals) {
      await expect(mark.execute({ userId: ME, ...command })).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
      });
    }
  });
});
