import { type ReminderKind } from '@rectify/domain';
import { type ReadScope } from '@rectify/workflow';
import { type DataSource } from 'typeorm';
import { preparedQuery } from '../sql/prepared-sql';
import { searchDeliveries } from './search-deliveries.sql';
import {
  type ClaimedDelivery,
  type DeliverySearch,
  type DeliveryStatus,
  type DeliveryView,
  type DueDelivery,
  type DueReminder,
  type ExpectedDigest,
  type RecordedDelivery,
  type ReminderKey,
  type ReminderLedgerRepository,
  type WaitingRecipient,
} from './reminder-ledger.repository';

/** ReminderLedgerRepository on PostgreSQL (or PGlite): each method one statement, no transaction. */
export class PgReminderLedgerRepository implements ReminderLedgerRepository {
  constructor(private readonly db: DataSource) {}

  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }

  async recordDue(rows: DueDelivery[]): Promise<RecordedDelivery[]> {
    if (rows.length === 0) return [];
    const added: {
      recipient_id: string;
      item_id: string;
      kind: ReminderKind;
      due_date: string;
      status: 'pending' | 'failed';
    }[] = await preparedQuery(
      this.db,
      'rectify.record_due_reminders',
      `WITH added AS (
           INSERT INTO reminder_delivery (recipient_id, item_id, kind, due_date, send_on, status, error)
           SELECT r.recipient, r.item, r.kind, r.due, r.send_on,
                  CASE WHEN u.email IS NULL OR u.email = '' THEN 'failed' ELSE 'pending' END,
                  CASE WHEN u.email IS NULL OR u.email = '' THEN '收件人未设置电子邮箱：请管理员为该用户补充邮箱。' END
             FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::date[], $5::date[])
                  AS r(recipient, item, kind, due, send_on)
             JOIN app_user u ON u.id = r.recipient
           ON CONFLICT (recipient_id, item_id, kind, due_date) DO NOTHING
           RETURNING recipient_id, item_id, kind, due_date, status),
         -- The new tiers, once each however many people they reached, for the robots' round.
         noted AS (
           INSERT INTO robot_tier_backlog (item_ids, kinds, due_dates)
           SELECT array_agg(item_id), array_agg(kind), array_agg(due_date)
             FROM (SELECT DISTINCT item_id, kind, due_date FROM added) tiers
           HAVING count(*) > 0)
         SELECT recipient_id, item_id, kind, to_char(due_date, 'YYYY-MM-DD') AS due_date, status FROM added`,
      [
        rows.map((r) => r.recipientId),
        rows.map((r) => r.itemId),
        rows.map((r) => r.kind),
        rows.map((r) => r.dueDate),
        rows.map((r) => r.sendOn),
      ],
    );
    return added.map((r) => ({
      recipientId: r.recipient_id,
      itemId: r.item_id,
      kind: r.kind,
      dueDate: r.due_date,
      status: r.status,
    }));
  }

  async recordFailed(recipientIds: string[], reminder: DueReminder, error: string): Promise<number> {
    if (recipientIds.length === 0) return 0;
    const added: unknown[] = await this.db.query(
      // Not a 站内消息 (in_app false): nothing was recorded for the tier, the row only says why.
      `INSERT INTO reminder_delivery (recipient_id, item_id, kind, due_date, send_on, status, error, attempts, in_app)
       SELECT r, $2, $3, $4::date, $5::date, 'failed', $6, 1, false FROM unnest($1::uuid[]) AS r
       ON CONFLICT (recipient_id, item_id, kind, due_date) DO NOTHING
       RETURNING id`,
      [recipientIds, reminder.itemId, reminder.kind, reminder.dueDate, reminder.sendOn, error],
    );
    return added.length;
  }

  async waitingRecipients(recipientIds: string[]): Promise<WaitingRecipient[]> {
    if (recipientIds.length === 0) return [];
    const rows: { recipient_id: string; claimed: number }[] = await preparedQuery(
      this.db,
      'rectify.waiting_recipients',
      `SELECT recipient_id, count(*) FILTER (WHERE digest_key IS NOT NULL)::int AS claimed
         FROM reminder_delivery
        WHERE recipient_id = ANY($1::uuid[])
        GROUP BY recipient_id
       HAVING bool_or(status = 'pending')`,
      [recipientIds],
    );
    return rows.map((r) => ({ recipientId: r.recipient_id, claimed: r.claimed }));
  }

  async expectedDigests(): Promise<ExpectedDigest[]> {
    const rows: { recipient_id: string; digest_key: string | null; claimed: number | null }[] =
      await this.db.query(
        `SELECT recipient_id, NULL::text AS digest_key, count(*) FILTER (WHERE digest_key IS NOT NULL)::int AS claimed
           FROM reminder_delivery
          WHERE recipient_id IN (SELECT recipient_id FROM reminder_delivery WHERE status = 'pending')
          GROUP BY recipient_id
         HAVING bool_or(status = 'pending')
         UNION ALL
         SELECT DISTINCT recipient_id, digest_key, NULL::int
           FROM reminder_delivery WHERE status = 'sending' AND digest_key IS NOT NULL`,
      );
    return rows.map((r) =>
      r.digest_key === null
        ? { recipientId: r.recipient_id, digestKey: null, claimed: r.claimed! }
        : { recipientId: r.recipient_id, digestKey: r.digest_key, claimed: null },
    );
  }

  async claimForDigest(recipientId: string, digestKey: string): Promise<ClaimedDelivery[]> {
    const rows: {
      id: string;
      message_id: string | null;
      item_id: string;
      kind: ReminderKind;
      due_date: string;
      title: string;
      organisation_name: string;
      email: string | null;
      display_name: string;
    }[] = await preparedQuery(
      this.db,
      'rectify.claim_for_digest',
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
      [recipientId, digestKey],
    );
    return rows.map((r) => ({
      id: String(r.id),
      messageId: r.message_id,
      itemId: r.item_id,
      kind: r.kind,
      dueDate: r.due_date,
      itemTitle: r.title,
      organisationName: r.organisation_name,
      email: r.email,
      displayName: r.display_name,
    }));
  }

  async setMessageId(ids: string[], messageId: string): Promise<void> {
    if (ids.length === 0) return;
    await preparedQuery(
      this.db,
      'rectify.set_digest_message_id',
      `UPDATE reminder_delivery SET message_id = $2 WHERE id = ANY($1::bigint[])`,
      [ids, messageId],
    );
  }

  async markSent(ids: string[], messageId: string): Promise<void> {
    if (ids.length === 0) return;
    await preparedQuery(
      this.db,
      'rectify.mark_digest_sent',
      `UPDATE reminder_delivery SET status = 'sent', message_id = $2, sent_at = now(), updated_at = now(), error = NULL
        WHERE id = ANY($1::bigint[])`,
      [ids, messageId],
    );
  }

  async markNotSent(ids: string[], status: 'skipped' | 'failed', error: string): Promise<void> {
    if (ids.length === 0) return;
    await this.db.query(
      `UPDATE reminder_delivery SET status = $2, error = $3, message_id = NULL, updated_at = now()
        WHERE id = ANY($1::bigint[])`,
      [ids, status, error],
    );
  }

  async noteError(ids: string[], error: string): Promise<void> {
    if (ids.length === 0) return;
    await this.db.query(
      `UPDATE reminder_delivery SET error = $2, updated_at = now() WHERE id = ANY($1::bigint[])`,
      [ids, error],
    );
  }

  async setAside(rows: { id: string; error: string }[], mayRetry: boolean): Promise<void> {
    if (rows.length === 0) return;
    await this.db.query(
      `UPDATE reminder_delivery d SET error = b.error, updated_at = now(),
              status = CASE WHEN $3 THEN d.status ELSE 'failed' END
         FROM unnest($1::bigint[], $2::text[]) AS b(id, error)
        WHERE d.id = b.id`,
      [rows.map((b) => b.id), rows.map((b) => b.error), mayRetry],
    );
  }

  async recordedKeysOfItemsIn(itemStatuses: readonly string[]): Promise<string[]> {
    const rows: { key: string }[] = await this.db.query(
      `SELECT DISTINCT d.item_id || '|' || d.kind || '|' || to_char(d.due_date, 'YYYY-MM-DD') AS key
         FROM reminder_delivery d
         JOIN rectification_item i ON i.id = d.item_id
        WHERE i.status = ANY($1::text[])`,
      [itemStatuses],
    );
    return rows.map((r) => r.key);
  }

  async recordedKeysAmong(reminders: ReminderKey[]): Promise<string[]> {
    if (reminders.length === 0) return [];
    const rows: { key: string }[] = await this.db.query(
      `SELECT DISTINCT d.item_id || '|' || d.kind || '|' || to_char(d.due_date, 'YYYY-MM-DD') AS key
         FROM reminder_delivery d
         JOIN unnest($1::uuid[], $2::text[], $3::date[]) AS j(item, kind, due)
           ON d.item_id = j.item AND d.kind = j.kind AND d.due_date = j.due`,
      [reminders.map((r) => r.itemId), reminders.map((r) => r.kind), reminders.map((r) => r.dueDate)],
    );
    return rows.map((r) => r.key);
  }

  search(scope: ReadScope, search: DeliverySearch): Promise<DeliveryView[]> {
    return searchDeliveries(this.db, scope, search);
  }

  async countByStatus(): Promise<Record<DeliveryStatus, number>> {
    const rows: { status: DeliveryStatus; n: string }[] = await this.db.query(
      `SELECT status, count(*) AS n FROM reminder_delivery GROUP BY status`,
    );
    const byStatus = { pending: 0, sending: 0, sent: 0, failed: 0, skipped: 0 };
    for (const r of rows) byStatus[r.status] = Number(r.n);
    return byStatus;
  }
}
