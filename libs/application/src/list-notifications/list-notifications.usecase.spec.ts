import { InMemoryNotificationInboxRepository } from '../testing/in-memory-notification-inbox.repository';
import { ListNotificationsUseCase } from './list-notifications.usecase';

const ME = 'me';
const OTHER = 'other';

describe('ListNotificationsUseCase', () => {
  it('lists only the person’s own messages, newest first, with the kind’s Chinese name', async () => {
    const inbox = new InMemoryNotificationInboxRepository();
    inbox.deliver(ME, { kind: 'returned' });
    inbox.deliver(OTHER);
    inbox.deliver(ME, { kind: 'signed_off' });
    const page = await new ListNotificationsUseCase(inbox).execute({
      userId: ME,
      unreadOnly: false,
      before: null,
      limit: 20,
    });
    expect(page.entries.map((e) => [e.id, e.kind, e.kindLabel])).toEqual([
      ['3', 'signed_off', '已审核销号'],
      ['1', 'returned', '被退回整改'],
    ]);
    expect(page.nextBefore).toBeNull();
  });

  it('pages by the id of the last message: every message once, the last page says so', async () => {
    const inbox = new InMemoryNotificationInboxRepository();
    for (let i = 0; i < 5; i++) inbox.deliver(ME);
    const list = new ListNotificationsUseCase(inbox);
    const first = await list.execute({ userId: ME, unreadOnly: false, before: null, limit: 2 });
    expect(first.entries.map((e) => e.id)).toEqual(['5', '4']);
    expect(first.nextBefore).toBe('4');
    const second = await list.execute({ userId: ME, unreadOnly: false, before: '4', limit: 2 });
    expect(second.entries.map((e) => e.id)).toEqual(['3', '2']);
    const last = await list.execute({ userId: ME, unreadOnly: false, before: second.nextBefore, limit: 2 });
    expect(last.entries.map((e) => e.id)).toEqual(['1']);
    expect(last.nextBefore).toBeNull();
  });

  it('lists only the unread ones when asked', async () => {
    const inbox = new InMemoryNotificationInboxRepository();
    inbox.deliver(ME);
    inbox.deliver(ME);
    await inbox.markRead(ME, { ids: ['2'] });
    const page = await new ListNotificationsUseCase(inbox).execute({
      userId: ME,
      unreadOnly: true,
      before: null,
      limit: 20,
    });
    expect(page.entries.map((e) => e.id)).toEqual(['1']);
  });

  it('refuses a page size outside 1–100 and a before that is no message id', async () => {
    const list = new ListNotificationsUseCase(new InMemoryNotificationInboxRepository());
    for (const limit of [0, 101, 1.5]) {
      await expect(
        list.execute({ userId: ME, unreadOnly: false, before: null, limit }),
      ).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
      });
    }
    for (const before of ['abc', '0', '-1', 't0', 'tt1', 'x12', '1'.repeat(19)]) {
      await expect(list.execute({ userId: ME, unreadOnly: false, before, limit: 5 })).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
        message: 'before 须为消息编号（如 120 或 t120）。',
      });
    }
  });
});
