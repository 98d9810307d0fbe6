import { viewerHolding } from '../../testing/viewer-holding';
import { InMemoryDevMailboxRepository } from '../../testing/in-memory-dev-mailbox.repository';
import { ListMailboxMessagesUseCase } from '../list-mailbox-messages/list-mailbox-messages.usecase';
import { ReadMailboxMessageUseCase } from './read-mailbox-message.usecase';

const RAW = [
  'From: =?UTF-8?B?5pW05pS5?= <rectify@example.com>',
  'To: owner@example.com',
  'Subject: =?UTF-8?B?5pW05pS55o+Q6YaS?=',
  'Message-ID: <digest.x.1@rectify.invalid>',
  'Date: Tue, 12 Nov 2024 09:00:00 +0000',
  'Content-Type: text/plain; charset=utf-8',
  '',
  '您有 1 项整改事项即将到期。',
].join('\r\n');
const admin = viewerHolding('a', 'admin', { id: 'r', path: '/r/' });

describe('reading the development mailbox', () => {
  it('lists messages newest first with their envelope, and reads one decoded, or null when there is none', async () => {
    const mailbox = new InMemoryDevMailboxRepository();
    await mailbox.store({
      envelopeFrom: null,
      envelopeTo: 'a@example.com',
      subject: null,
      messageId: null,
      raw: 'x',
    });
    await mailbox.store({
      envelopeFrom: 'bounce@example.com',
      envelopeTo: 'owner@example.com',
      subject: '整改提醒',
      messageId: '<digest.x.1@rectify.invalid>',
      raw: RAW,
    });
    const listed = await new ListMailboxMessagesUseCase(mailbox).execute({ by: admin, limit: 10 });
    expect(listed.map((m) => [m.id, m.from, m.to])).toEqual([
      ['2', 'bounce@example.com', 'owner@example.com'],
      ['1', null, 'a@example.com'],
    ]);

    const read = new ReadMailboxMessageUseCase(mailbox);
    expect(await read.execute({ by: admin, id: '2' })).toEqual({
      id: '2',
      from: '"整改" <rectify@example.com>',
      to: 'owner@example.com',
      subject: '整改提醒',
      messageId: '<digest.x.1@rectify.invalid>',
      date: '2024-11-12T09:00:00.000Z',
      text: '您有 1 项整改事项即将到期。',
      html: null,
    });
    // Headers the message lacks come from the envelope.
    expect(await read.execute({ by: admin, id: '1' })).toMatchObject({
      from: null,
      to: 'a@example.com',
      subject: null,
    });
    expect(await read.execute({ by: admin, id: '3' })).toBeNull();
  });

  it('refuses anyone but an administrator with ADMIN_ONLY', async () => {
    const mailbox = new InMemoryDevMailboxRepository();
    const supervisor = viewerHolding('s', 'supervisor', { id: 'r', path: '/r/' });
    await expect(
      new ListMailboxMessagesUseCase(mailbox).execute({ by: supervisor, limit: 10 }),
    ).rejects.toMatchObject({
      code: 'ADMIN_ONLY',
      message: '只有最高级管理员（根组织的管理员）可以查看开发邮箱：请联系管理员。',
    });
    await expect(
      new ReadMailboxMessageUseCase(mailbox).execute({
        by: viewerHolding('t', 'admin', { id: 't', path: '/r/t/' }),
        id: '1',
      }),
    ).rejects.toMatchObject({ code: 'ADMIN_ONLY' });
  });
});
