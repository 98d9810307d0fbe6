import {
  composeReminderEmail,
  isReminderLive,
  REMINDER_LIGHT,
  type ReminderLine,
  shanghaiDate,
} from '@rectify/domain';
import {
  type ClaimedDelivery,
  type ReminderLedgerRepository,
  type ReminderSubjectsRepository,
} from '@rectify/persistence';
import { MailDeliveryError, type Mailer } from '../mailer';
import { describeReminderError } from '../reminder-errors';
import { type ReminderSettings } from '../reminder-settings';

export interface SendDigestCommand {
  recipientId: string;
  /** The digest job's id: the rows it claims carry it, so a retry re-sends exactly those. */
  digestKey: string;
  /** False on the job's last attempt: a temporary failure is then recorded as failed. */
  mayRetry: boolean;
}

/** `setAside`: rows that could not go into the email (their error is on the row). */
export type DigestOutcome =
  | { status: 'sent'; items: number; skipped: number; setAside: number }
  | { status: 'nothing_to_send'; skipped: number; setAside: number }
  | { status: 'failed'; error: string };

/**
 * Thrown after the good rows went out when some rows could not be put into the email and the
 * job may still retry: the retry claims exactly those rows again (they stay under this digest).
 */
export class DigestRowsSetAsideError extends Error {
  constructor(readonly rows: number) {
    super(`${rows} reminder rows could not be composed; they are retried with the digest`);
    this.name = 'DigestRowsSetAsideError';
  }
}

const NO_EMAIL = '收件人未设置电子邮箱：请管理员为该用户补充邮箱。';

/**
 * Sends one recipient's digest: claims their waiting ledger rows, drops rows whose item has
 * moved on, sends one email, and marks the rows sent. A retry claims exactly the rows this
 * digest claimed before and nothing new (rows recorded meanwhile have a digest job of their
 * own, see digestJobId). Claiming is one atomic UPDATE, so two digests never share a row; a row
 * that is `sent` is never claimed again, so a job that runs twice sends nothing the second time.
 * The one window left is a crash between the SMTP server's acceptance and the UPDATE to `sent`:
 * the retry then sends the same message again, with the same Message-ID (see fixMessageId).
 *
 * A row is its own problem: one that cannot be judged or composed (its item's schedule throws)
 * is set aside with its error while the others are sent; while the job may retry it stays
 * claimed and `DigestRowsSetAsideError` is thrown so the retry (with backoff) tries it again,
 * and on the last attempt it is marked `failed`. Unexpected send errors count as temporary and
 * are bounded the same way, so no row waits in `sending` for ever: while the job may retry, a
 * temporary failure rejects with the mailer's error (rows noted), so the queue retries.
 */
export class SendDigestUseCase {
  constructor(
    private readonly ledger: ReminderLedgerRepository,
    private readonly subjects: ReminderSubjectsRepository,
    private readonly mailer: Mailer,
    private readonly settings: ReminderSettings,
  ) {}

  async execute(command: SendDigestCommand): Promise<DigestOutcome> {
    const { ledger, settings } = this;
    const rows = await ledger.claimForDigest(command.recipientId, command.digestKey);
    if (rows.length === 0) return { status: 'nothing_to_send', skipped: 0, setAside: 0 };

    const today = shanghaiDate(settings.clock.now());
    const subjects = await this.subjects.subjects('operator', [...new Set(rows.map((r) => r.itemId))]);
    const stale: ClaimedDelivery[] = [];
    const live: { row: ClaimedDelivery; line: ReminderLine }[] = [];
    const broken: { id: string; error: string }[] = [];
    for (const row of rows) {
      try {
        const subject = subjects.get(row.itemId);
        const isLive =
          !!subject && isReminderLive(row, subject, today, settings.calendar, settings.thresholds);
        if (isLive) live.push({ row, line: this.toLine(row, today) });
        else stale.push(row);
      } catch (err) {
        broken.push({ id: row.id, error: describeReminderError(err) });
      }
    }
    await ledger.markNotSent(ids(stale), 'skipped', '事项状态或时限已变化，提醒不再适用。');
    await ledger.setAside(broken, command.mayRetry);
    const setAside = broken.length;
    const finish = <T extends DigestOutcome>(outcome: T): T => {
      if (setAside > 0 && command.mayRetry) throw new DigestRowsSetAsideError(setAside);
      return outcome;
    };
    if (live.length === 0) return finish({ status: 'nothing_to_send', skipped: stale.length, setAside });

    const sending = live.map((l) => l.row);
    const { email: address, displayName } = sending[0];
    if (!address) {
      await ledger.markNotSent(ids(sending), 'failed', NO_EMAIL);
      return finish({ status: 'failed', error: NO_EMAIL });
    }
    // A measure's 责任人 is told which measures are theirs (您是以下整改措施的责任人).
    const theirs = await this.subjects.responsibleMeasures('operator', command.recipientId, [
      ...new Set(sending.map((r) => r.itemId)),
    ]);
    const email = composeReminderEmail(
      displayName,
      live.map((l) => ({ ...l.line, responsibleFor: theirs.get(l.row.itemId) ?? [] })),
    );
    const messageId = await this.fixMessageId(command.digestKey, sending);
    try {
      await this.mailer.send({ to: address, ...email, messageId });
    } catch (err) {
      // Anything but a refusal the server called permanent may pass: it is retried, boundedly.
      const permanent = err instanceof MailDeliveryError && err.kind === 'permanent';
      const reason = err instanceof Error ? err.message : String(err);
      if (!permanent && command.mayRetry) {
        await ledger.noteError(ids(sending), `暂时无法发送，将自动重试：${reason}`);
        throw err;
      }
      const error = permanent
        ? `邮件服务器拒收（${reason}）：请检查收件人邮箱。`
        : `多次重试后仍未送达（${reason}）：请检查邮件服务器。`;
      await ledger.markNotSent(ids(sending), 'failed', error);
      return finish({ status: 'failed', error });
    }
    await ledger.markSent(ids(sending), messageId);
    return finish({ status: 'sent', items: sending.length, skipped: stale.length, setAside });
  }

  private toLine(row: ClaimedDelivery, today: string): ReminderLine {
    const { calendar, appBaseUrl } = this.settings;
    const light = REMINDER_LIGHT[row.kind];
    return {
      itemTitle: row.itemTitle,
      organisationName: row.organisationName,
      deadline: row.dueDate,
      overdueWorkdays: light === 'red' ? calendar.workdaysBetween(row.dueDate, today) : 0,
      light,
      url: `${appBaseUrl}/items/${row.itemId}`,
      approximate: !calendar.isCovered(row.dueDate) || !calendar.isCovered(today),
    };
  }

  /**
   * The email's Message-ID, `<digestKey.firstRowId@rectify.invalid>` (what identifies the digest,
   * never its size), written on its rows before it is sent: a retry after a crash between the SMTP
   * server's acceptance and the UPDATE to `sent` finds it there and sends the same id, even if
   * some of its rows went stale meanwhile. Rows that carry no id yet (a second digest the same
   * day, rows set aside by an earlier attempt) make a new one, from the first of them.
   */
  private async fixMessageId(digestKey: string, rows: ClaimedDelivery[]): Promise<string> {
    const stored = rows[0].messageId;
    if (stored && rows.every((r) => r.messageId === stored)) return stored;
    const messageId = `<${digestKey}.${rows.find((r) => !r.messageId)?.id ?? rows[0].id}@rectify.invalid>`;
    await this.ledger.setMessageId(ids(rows), messageId);
    return messageId;
  }
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
