import { type Database, PgDevMailboxRepository } from '@rectify/persistence';
import { REMINDER_BACKENDS } from '../../support/reminder-repository-fixture';

describe.each(REMINDER_BACKENDS)('development mailbox on %s', (_name, open) => {
  let db: Database;
  let close: () => Promise<void>;
  let repo: PgDevMailboxRepository;
  beforeAll(async () => {
    ({ db, close } = await open());
    repo = new PgDevMailboxRepository(db.dataSource);
  });
  afterAll(() => close());

  it('stores messages and lists them newest first, without their text; finds one with its raw text', async () => {
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) {
      await repo.store({
        envelopeFrom: n === 1 ? null : 'rectify@example.com',
        envelopeTo: `a${n}@example.com, b${n}@example.com`,
        subject: `整改提醒 ${n}`,
        messageId: `<m${n}@rectify.invalid>`,
        raw: `Subject: m${n}\r\n\r\n正文 ${n}`,
      });
    }
    // Ten messages: the newest (id 10) comes first, not '9' as a text order would have it.
    const listed = await repo.list(2);
    expect(listed.map((m) => m.subject)).toEqual(['整改提醒 10', '整改提醒 9']);
    expect(listed[0]).toEqual({
      id: expect.stringMatching(/^\d+$/),
      envelopeFrom: 'rectify@example.com',
      envelopeTo: 'a10@example.com, b10@example.com',
      subject: '整改提醒 10',
      messageId: '<m10@rectify.invalid>',
      receivedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
    const oldest = (await repo.list(20)).at(-1)!;
    expect(await repo.find(oldest.id)).toEqual({
      ...oldest,
      envelopeFrom: null,
      raw: 'Subject: m1\r\n\r\n正文 1',
    });
    expect(await repo.find('999999')).toBeNull();
  });
});
