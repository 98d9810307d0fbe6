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
import { describeReminderError } from './reminder-errors';
import { type ReminderSettings } from './reminder-settings';

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

interface ClaimedRow {
  id: string;
  /** Set while an earlier attempt sent the email this row went in (see fixMessageId). */
  message_id: string | null;
  item_id: string;
  kind: ReminderKind;
  due_date: string;
  title: string;
  organisation_name: string;
  email: string | null;
  display_name: string;
}

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
 * are bounded the same way, so no row waits in `sending` for ever.
 */
export async function sendDigest(
  db: DataSource,
  settings: ReminderSettings,
  mailer: Mailer,
  command: SendDigestCommand,
): Promise<DigestOutcome> {
  const rows: ClaimedRow[] = await db.query(
    `WITH retry AS (
       SELECT EXISTS (SELECT 1 FROM reminder_delivery
                       WHERE recipient_id = $1 AND status = 'sending' AND digest_key = $2) AS again),
     claimed AS (
       UPDATE reminder_delivery
          SET status = 'sending', digest_key = $2, attempts = attempts + 1, updated_at = now()
        WHERE recipient_id = $1
          AND ((status = 'sending' AND digest_key = $2)
               OR (status = 'pending' AND NOT (SELECT again FROM retry)))
        RETURNING id, item_id, kind, to_char(due_date, 'YYYY-MM-DD') AS due_date, message_id)
     SELECT c.id, c.message_id, c.item_id, c.kind, c.due_date, i.title, o.name AS organisation_name,
            u.email, u.display_name
       FROM claimed c
       JOIN rectification_item i ON i.id = c.item_id
       JOIN organisation o ON o.id = i.organisation_id
       JOIN app_user u ON u.id = $1
      ORDER BY c.id`,
    [command.recipientId, command.digestKey],
  );
  if (rows.length === 0) return { status: 'nothing_to_send', skipped: 0, setAside: 0 };

  const today = shanghaiDate(settings.clock.now());
  const subjects = await loadReminderSubjects(db, [...new Set(rows.map((r) => r.item_id))]);
  const stale: ClaimedRow[] = [];
  const live: { row: ClaimedRow; line: ReminderLine }[] = [];
  const broken: { row: ClaimedRow; error: string }[] = [];
  for (const row of rows) {
    try {
      const subject = subjects.get(row.item_id);
      const isLive =
        !!subject &&
        isReminderLive(
          { kind: row.kind, dueDate: row.due_date },
          subject,
          today,
          settings.calendar,
          settings.thresholds,
        );
      if (isLive) live.push({ row, line: toLine(row, today, settings) });
      else stale.push(row);
    } catch (err) {
      broken.push({ row, error: describeReminderError(err) });
    }
  }
  await mark(db, stale, 'skipped', '事项状态或时限已变化，提醒不再适用。');
  const setAside = await setRowsAside(db, broken, command.mayRetry);
  const finish = <T extends DigestOutcome>(outcome: T): T => {
    if (setAside > 0 && command.mayRetry) throw new DigestRowsSetAsideError(setAside);
    return outcome;
  };
  if (live.length === 0) return finish({ status: 'nothing_to_send', skipped: stale.length, setAside });

  const sending = live.map((l) => l.row);
  const { email: address, display_name: name } = sending[0];
  if (!address) {
    const error = '收件人未设置电子邮箱：请管理员为该用户补充邮箱。';
    await mark(db, sending, 'failed', error);
    return finish({ status: 'failed', error });
  }
  const email = composeReminderEmail(
    name,
    live.map((l) => l.line),
  );
  const messageId = await fixMessageId(db, command.digestKey, sending);
  try {
    await mailer.send({ to: address, ...email, messageId });
  } catch (err) {
    // Anything but a refusal the server called permanent may pass: it is retried, boundedly.
    const permanent = err instanceof MailDeliveryError && err.kind === 'permanent';
    const reason = err instanceof Error ? err.message : String(err);
    if (!permanent && command.mayRetry) {
      await note(db, sending, reason);
      throw err;
    }
    const error = permanent
      ? `邮件服务器拒收（${reason}）：请检查收件人邮箱。`
      : `多次重试后仍未送达（${reason}）：请检查邮件服务器。`;
    await mark(db, sending, 'failed', error);
    return finish({ status: 'failed', error });
  }
  await db.query(
    `UPDATE reminder_delivery SET status = 'sent', message_id = $2, sent_at = now(), updated_at = now(), error = NULL
      WHERE id = ANY($1::bigint[])`,
    [sending.map((r) => r.id), messageId],
  );
  return finish({ status: 'sent', items: sending.length, skipped: stale.length, setAside });
}

/**
 * Rows that could not go into the email: while the job may retry they stay claimed, with their
 * error noted; on its last attempt they are marked failed. Returns how many there were.
 */
async function setRowsAside(
  db: DataSource,
  broken: { row: ClaimedRow; error: string }[],
  mayRetry: boolean,
): Promise<number> {
  if (broken.length === 0) return 0;
  await db.query(
    `UPDATE reminder_delivery d SET error = b.error, updated_at = now(),
            status = CASE WHEN $3 THEN d.status ELSE 'failed' END
       FROM unnest($1::bigint[], $2::text[]) AS b(id, error)
      WHERE d.id = b.id`,
    [broken.map((b) => b.row.id), broken.map((b) => b.error), mayRetry],
  );
  return broken.length;
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

/**
 * The email's Message-ID, `<digestKey.firstRowId@rectify.invalid>` (what identifies the digest,
 * never its size), written on its rows before it is sent: a retry after a crash between the SMTP
 * server's acceptance and the UPDATE to `sent` finds it there and sends the same id, even if
 * some of its rows went stale meanwhile. Rows that carry no id yet (a second digest the same
 * day, rows set aside by an earlier attempt) make a new one, from the first of them.
 */
async function fixMessageId(db: DataSource, digestKey: string, rows: ClaimedRow[]): Promise<string> {
  const stored = rows[0].message_id;
  if (stored && rows.every((r) => r.message_id === stored)) return stored;
  const messageId = `<${digestKey}.${rows.find((r) => !r.message_id)?.id ?? rows[0].id}@rectify.invalid>`;
  await db.query(`UPDATE reminder_delivery SET message_id = $2 WHERE id = ANY($1::bigint[])`, [
    rows.map((r) => r.id),
    messageId,
  ]);
  return messageId;
}

async function mark(db: DataSource, rows: ClaimedRow[], status: 'skipped' | 'failed', error: string) {
  if (rows.length === 0) return;
  await db.query(
    `UPDATE reminder_delivery SET status = $2, error = $3, message_id = NULL, updated_at = now()
      WHERE id = ANY($1::bigint[])`,
    [rows.map((r) => r.id), status, error],
  );
}

async function note(db: DataSource, rows: ClaimedRow[], error: string) {
  await db.query(`UPDATE reminder_delivery SET error = $2, updated_at = now() WHERE id = ANY($1::bigint[])`, [
    rows.map((r) => r.id),
    `暂时无法发送，将自动重试：${error}`,
  ]);
}
