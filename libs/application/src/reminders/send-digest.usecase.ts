import {
  composeReminderEmail,
  isReminderLive,
  REMINDER_LIGHT,
  type ReminderKind,
  type ReminderLine,
  shanghaiDate,
} from '@rectify/domain';
import { type DataSource } from 'typeorm';
import { loadReminderSubjects } from './load-reminder-subjects';
import { MailDeliveryError, type Mailer } from './mailer';
import { type ReminderSettings } from './reminder-settings';

export interface SendDigestCommand {
  recipientId: string;
  /** The digest job's id: the rows it claims carry it, so a retry re-sends exactly those. */
  digestKey: string;
  /** False on the job's last attempt: a temporary failure is then recorded as failed. */
  mayRetry: boolean;
}

export type DigestOutcome =
  | { status: 'sent'; items: number; skipped: number }
  | { status: 'nothing_to_send'; skipped: number }
  | { status: 'failed'; error: string };

interface ClaimedRow {
  id: string;
  item_id: string;
  kind: ReminderKind;
  due_date: string;
  title: string;
  organisation_name: string;
  email: string | null;
  display_name: string;
}

/**
 * Sends one recipient's digest: claims their waiting ledger rows (and the rows this digest
 * claimed before, if it is a retry), drops rows whose item has moved on, sends one email, and
 * marks the rows sent. Claiming is one atomic UPDATE, so two digests never share a row; a row
 * that is `sent` is never claimed again, so a job that runs twice sends nothing the second time.
 * The one window left is a crash between the SMTP server's acceptance and the UPDATE to `sent`:
 * the retry then sends the same message again, with the same Message-ID.
 */
export async function sendDigest(
  db: DataSource,
  settings: ReminderSettings,
  mailer: Mailer,
  command: SendDigestCommand,
): Promise<DigestOutcome> {
  const rows: ClaimedRow[] = await db.query(
    `WITH claimed AS (
       UPDATE reminder_delivery
          SET status = 'sending', digest_key = $2, attempts = attempts + 1, updated_at = now()
        WHERE recipient_id = $1 AND (status = 'pending' OR (status = 'sending' AND digest_key = $2))
        RETURNING id, item_id, kind, to_char(due_date, 'YYYY-MM-DD') AS due_date)
     SELECT c.id, c.item_id, c.kind, c.due_date, i.title, o.name AS organisation_name,
            u.email, u.display_name
       FROM claimed c
       JOIN rectification_item i ON i.id = c.item_id
       JOIN organisation o ON o.id = i.organisation_id
       JOIN app_user u ON u.id = $1
      ORDER BY c.id`,
    [command.recipientId, command.digestKey],
  );
  if (rows.length === 0) return { status: 'nothing_to_send', skipped: 0 };

  const today = shanghaiDate(settings.clock.now());
  const subjects = await loadReminderSubjects(db, [...new Set(rows.map((r) => r.item_id))]);
  const isLive = (r: ClaimedRow) => {
    const subject = subjects.get(r.item_id);
    return (
      !!subject &&
      isReminderLive(
        { kind: r.kind, dueDate: r.due_date },
        subject,
        today,
        settings.calendar,
        settings.thresholds,
      )
    );
  };
  const stale = rows.filter((r) => !isLive(r));
  const live = rows.filter(isLive);
  await mark(db, stale, 'skipped', '事项状态或时限已变化，提醒不再适用。');
  if (live.length === 0) return { status: 'nothing_to_send', skipped: stale.length };

  const { email: address, display_name: name } = live[0];
  if (!address) {
    const error = '收件人未设置电子邮箱：请管理员为该用户补充邮箱。';
    await mark(db, live, 'failed', error);
    return { status: 'failed', error };
  }
  const lines = live.map((r) => toLine(r, today, settings));
  const email = composeReminderEmail(name, lines);
  const messageId = `<${command.digestKey}.${live[0].id}.${live.length}@rectify.invalid>`;
  try {
    await mailer.send({ to: address, ...email, messageId });
  } catch (err) {
    if (!(err instanceof MailDeliveryError)) throw err;
    if (err.kind === 'temporary' && command.mayRetry) {
      await note(db, live, err.message);
      throw err;
    }
    const error =
      err.kind === 'permanent'
        ? `邮件服务器拒收（${err.message}）：请检查收件人邮箱。`
        : `多次重试后仍未送达（${err.message}）：请检查邮件服务器。`;
    await mark(db, live, 'failed', error);
    return { status: 'failed', error };
  }
  await db.query(
    `UPDATE reminder_delivery SET status = 'sent', message_id = $2, sent_at = now(), updated_at = now(), error = NULL
      WHERE id = ANY($1::bigint[])`,
    [live.map((r) => r.id), messageId],
  );
  return { status: 'sent', items: live.length, skipped: stale.length };
}

function toLine(row: ClaimedRow, today: string, settings: ReminderSettings): ReminderLine {
  const light = REMINDER_LIGHT[row.kind];
  return {
    itemTitle: row.title,
    organisationName: row.organisation_name,
    deadline: row.due_date,
    overdueWorkdays: light === 'red' ? settings.calendar.workdaysBetween(row.due_date, today) : 0,
    light,
    url: `${settings.appBaseUrl}/items/${row.item_id}`,
    approximate: !settings.calendar.isCovered(row.due_date) || !settings.calendar.isCovered(today),
  };
}

async function mark(db: DataSource, rows: ClaimedRow[], status: 'skipped' | 'failed', error: string) {
  if (rows.length === 0) return;
  await db.query(
    `UPDATE reminder_delivery SET status = $2, error = $3, updated_at = now() WHERE id = ANY($1::bigint[])`,
    [rows.map((r) => r.id), status, error],
  );
}

async function note(db: DataSource, rows: ClaimedRow[], error: string) {
  await db.query(`UPDATE reminder_delivery SET error = $2, updated_at = now() WHERE id = ANY($1::bigint[])`, [
    rows.map((r) => r.id),
    `暂时无法发送，将自动重试：${error}`,
  ]);
}
