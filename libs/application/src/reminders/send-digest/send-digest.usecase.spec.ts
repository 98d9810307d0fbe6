import { InMemoryReminderLedgerRepository } from '../../testing/in-memory-reminder-ledger.repository';
import { InMemoryReminderSubjectsRepository } from '../../testing/in-memory-reminder-subjects.repository';
import { RecordingMailer } from '../../testing/recording-mailer';
import {
  DEADLINE,
  measuresSet,
  POISON_DEADLINE,
  reminderSettings,
  TODAY,
  uuid,
} from '../../testing/reminder-fixtures';
import { MailDeliveryError } from '../mailer';
import { digestJobId } from '../reminder-jobs';
import { DigestRowsSetAsideError, SendDigestUseCase } from './send-digest.usecase';

const OWNER = uuid(1, 'a');
const OTHER = uuid(2, 'a');
const [A, B, C] = [uuid(1), uuid(2), uuid(3)];
const KEY = digestJobId(OWNER, TODAY, 0);

function setUp() {
  const ledger = new InMemoryReminderLedgerRepository(
    new Map([
      [OWNER, { username: 'owner', displayName: '张三', email: 'owner@example.com' }],
      [OTHER, { username: 'other', displayName: '李四', email: 'other@example.com' }],
    ]),
    new Map(
      [A, B, C].map((id, i) => [
        id,
        {
          title: `问题${i + 1}`,
          organisationName: '第一支部',
          organisationPath: '/x/',
          status: 'measures_set',
        },
      ]),
    ),
  );
  const subjects = new InMemoryReminderSubjectsRepository()
    .add(measuresSet(A))
    .add(measuresSet(B))
    .add(measuresSet(C));
  const mailer = new RecordingMailer();
  const useCase = new SendDigestUseCase(ledger, subjects, mailer, reminderSettings());
  const record = (recipientId: string, itemId: string) =>
    ledger.recordDue([{ recipientId, itemId, kind: 'approaching', dueDate: DEADLINE, sendOn: TODAY }]);
  const send = (digestKey = KEY, mayRetry = true) =>
    useCase.execute({ recipientId: OWNER, digestKey, mayRetry });
  return { ledger, subjects, mailer, record, send };
}

describe('SendDigestUseCase', () => {
  it('tells a measure’s 责任人 which measures of each item are theirs', async () => {
    const { subjects, mailer, record, send } = setUp();
    subjects
      .addResponsible(A, OWNER, ['建立学习制度', '开展专题学习'])
      .addResponsible(B, OTHER, ['整改台账']);
    await record(OWNER, A);
    await record(OWNER, B);
    await send();
    expect(mailer.sent[0].text).toContain('您是以下整改措施的责任人：「建立学习制度」、「开展专题学习」');
    expect(mailer.sent[0].text).not.toContain('整改台账');
  });

  it('sends one email with every waiting row of the recipient, and only theirs, and marks them sent', async () => {
    const { ledger, mailer, record, send } = setUp();
    await record(OWNER, A);
    await record(OWNER, B);
    await record(OTHER, C);
    expect(await send()).toEqual({ status: 'sent', items: 2, skipped: 0, setAside: 0 });
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0].to).toBe('owner@example.com');
    expect(mailer.sent[0].text).toContain('问题1');
    expect(mailer.sent[0].text).toContain('问题2');
    expect(mailer.sent[0].text).not.toContain('问题3');
    expect(mailer.sent[0].messageId).toBe(`<${KEY}.1@rectify.invalid>`);
    expect(ledger.rowsOf(OWNER).map((r) => [r.status, r.messageId])).toEqual([
      ['sent', mailer.sent[0].messageId],
      ['sent', mailer.sent[0].messageId],
    ]);
    expect(ledger.rowsOf(OTHER)[0].status).toBe('pending');
    // The same job again sends nothing.
    expect(await send()).toEqual({ status: 'nothing_to_send', skipped: 0, setAside: 0 });
    expect(mailer.sent).toHaveLength(1);
  });

  it('leaves rows recorded while a digest is sent to the follow-up digest, and the retry re-sends exactly its own rows', async () => {
    const { ledger, mailer, record, send } = setUp();
    await record(OWNER, A);
    mailer.failWith = new MailDeliveryError('temporary', 'connection refused');
    await expect(send()).rejects.toThrow('connection refused');
    expect(ledger.rowsOf(OWNER)[0]).toMatchObject({
      status: 'sending',
      error: expect.stringContaining('将自动重试'),
    });

    await record(OWNER, B);
    mailer.failWith = null;
    expect(await send()).toMatchObject({ status: 'sent', items: 1 });
    expect(mailer.sent[0].text).not.toContain('问题2');

    const followUp = digestJobId(OWNER, TODAY, 1);
    expect(await send(followUp)).toMatchObject({ status: 'sent', items: 1 });
    expect(mailer.sent[1].text).toContain('问题2');
    expect(mailer.sent[1].messageId).not.toBe(mailer.sent[0].messageId);
  });

  it('sends the same Message-ID again when a retry finds the id an earlier attempt fixed, even with a row gone stale', async () => {
    const { ledger, subjects, mailer, record, send } = setUp();
    await record(OWNER, A);
    await record(OWNER, B);
    mailer.failWith = new Error('socket hang up');
    await expect(send()).rejects.toThrow('socket hang up');
    const fixed = ledger.rowsOf(OWNER)[0].messageId;
    expect(fixed).toBe(`<${KEY}.1@rectify.invalid>`);

    subjects.add({ ...measuresSet(A), status: 'completed' });
    mailer.failWith = null;
    expect(await send()).toEqual({ status: 'sent', items: 1, skipped: 1, setAside: 0 });
    expect(mailer.sent[0].messageId).toBe(fixed);
    expect(ledger.rowsOf(OWNER).map((r) => r.status)).toEqual(['skipped', 'sent']);
  });

  it('records a permanent refusal, or a temporary failure on the last attempt, as failed without throwing', async () => {
    const permanent = setUp();
    await permanent.record(OWNER, A);
    permanent.mailer.failWith = new MailDeliveryError('permanent', '550 no such user', 550);
    expect(await permanent.send()).toEqual({
      status: 'failed',
      error: expect.stringContaining('邮件服务器拒收'),
    });
    expect(permanent.ledger.rowsOf(OWNER)[0]).toMatchObject({ status: 'failed', messageId: null });

    const lastAttempt = setUp();
    await lastAttempt.record(OWNER, A);
    lastAttempt.mailer.failWith = new MailDeliveryError('temporary', 'timeout');
    expect(await lastAttempt.send(KEY, false)).toEqual({
      status: 'failed',
      error: expect.stringContaining('多次重试'),
    });
  });

  it('sends the good rows and sets a row it cannot judge aside: retried while the job may retry, failed on its last attempt', async () => {
    const { ledger, subjects, mailer, record, send } = setUp();
    await record(OWNER, A);
    await record(OWNER, B);
    subjects.add(measuresSet(B, POISON_DEADLINE));
    await expect(send()).rejects.toBeInstanceOf(DigestRowsSetAsideError);
    expect(mailer.sent).toHaveLength(1);
    expect(ledger.rowsOf(OWNER).map((r) => r.status)).toEqual(['sent', 'sending']);

    expect(await send(KEY, false)).toEqual({ status: 'nothing_to_send', skipped: 0, setAside: 1 });
    expect(ledger.rowsOf(OWNER)[1]).toMatchObject({
      status: 'failed',
      error: expect.stringContaining(POISON_DEADLINE),
    });
  });

  it('fails the rows of a recipient without an email address', async () => {
    const { ledger, record, send } = setUp();
    ledger.users.set(OWNER, { username: 'owner', displayName: '张三', email: 'x@example.com' });
    await record(OWNER, A);
    ledger.users.set(OWNER, { username: 'owner', displayName: '张三', email: null });
    expect(await send()).toEqual({ status: 'failed', error: expect.stringContaining('电子邮箱') });
    expect(ledger.rowsOf(OWNER)[0].status).toBe('failed');
  });
});
