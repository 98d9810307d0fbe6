import { composeNoticeEmail } from '@rectify/domain';
import { type NotificationLedgerRepository } from '@rectify/persistence';
import { MailDeliveryError, type Mailer } from '../../reminders/mailer';
import { batchJob, type NotificationQueues } from '../notification-jobs';
import { BATCH_ROW_LIMIT, type NotificationSettings } from '../notification-settings';

export interface SendNoticeEmailCommand {
  recipientId: string;
  /** The job's id: the rows it claims carry it (and it is the email's Message-ID). */
  batchKey: string;
  /** False on the job's last attempt: a temporary failure is then final. */
  mayRetry: boolean;
}

export type NoticeEmailOutcome =
  | { status: 'sent'; rows: number }
  | { status: 'nothing_to_send' }
  | { status: 'retry'; reason: string }
  | { status: 'failed'; rows: number; reason: string };

const NO_EMAIL = '收件人未设置电子邮箱：请管理员为该用户补充邮箱，或在站内消息中查看。';

/**
 * Sends one person's event notifications that are due as one email (事项动态): claims their
 * email rows under the job's id, sends, marks them sent. A retry claims the same rows (and any
 * new ones due) and sends with the same Message-ID. A temporary mail failure is retried with
 * backoff and after the last attempt recorded as failed; a permanent one (the server refused
 * the address) is recorded at once. Rows recorded while it ran get the next slot's job.
 */
export class SendNoticeEmailUseCase {
  constructor(
    private readonly ledger: NotificationLedgerRepository,
    private readonly mailer: Mailer,
    private readonly queues: NotificationQueues,
    private readonly settings: NotificationSettings,
  ) {}

  async execute(command: SendNoticeEmailCommand): Promise<NoticeEmailOutcome> {
    const { ledger, settings } = this;
    const now = settings.clock.now();
    const rows = await ledger.claimEmailRows(command.recipientId, command.batchKey, now, BATCH_ROW_LIMIT);
    if (rows.length === 0) {
      await this.queueLeftovers(command.recipientId, now);
      return { status: 'nothing_to_send' };
    }
    const ids = rows.map((r) => r.id);
    const contact = await ledger.contact(command.recipientId);
    if (!contact?.email) {
      await ledger.markNotSent(ids, 'failed', NO_EMAIL);
      return { status: 'failed', rows: ids.length, reason: NO_EMAIL };
    }
    const email = composeNoticeEmail(
      contact.displayName,
      rows.map((r) => ({
        headline: r.headline,
        detail: r.detail,
        url: `${settings.appBaseUrl}/items/${r.itemId}`,
      })),
    );
    try {
      await this.mailer.send({
        to: contact.email,
        ...email,
        messageId: `<${command.batchKey}@rectify.invalid>`,
      });
    } catch (err) {
      const permanent = err instanceof MailDeliveryError && err.kind === 'permanent';
      const reason = err instanceof Error ? err.message : String(err);
      if (!permanent && command.mayRetry) {
        await ledger.noteAttempt(ids, `暂时无法发送，将自动重试：${reason}`);
        return { status: 'retry', reason };
      }
      const error = permanent
        ? `邮件服务器拒收（${reason}）：请检查收件人邮箱。`
        : `多次重试后仍未送达（${reason}）：请检查邮件服务器。`;
      await ledger.markNotSent(ids, 'failed', error);
      return { status: 'failed', rows: ids.length, reason: error };
    }
    await ledger.markSent(ids, now);
    await this.queueLeftovers(command.recipientId, now);
    return { status: 'sent', rows: ids.length };
  }

  private async queueLeftovers(recipientId: string, now: Date): Promise<void> {
    const open = await this.ledger.openEmailBatches(recipientId);
    if (open.length === 0) return;
    const after = new Date(
      Math.max(now.getTime() + this.settings.noticeCollectMs, open[0].sendAfter.getTime()),
    );
    await this.queues.addNoticeEmails([
      batchJob('notice', recipientId, after, this.settings.noticeCollectMs),
    ]);
  }
}
