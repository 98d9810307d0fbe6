import { type DataSource } from 'typeorm';
import { scopeCondition, type ViewerScope } from '../item-queries/viewer-scope';

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';

export interface DeliveryView {
  id: string;
  itemId: string;
  itemTitle: string;
  organisationName: string;
  recipient: { id: string; username: string; displayName: string; email: string | null };
  kind: string;
  dueDate: string;
  sendOn: string;
  status: DeliveryStatus;
  attempts: number;
  error: string | null;
  messageId: string | null;
  sentAt: string | null;
  updatedAt: string;
}

export interface DeliverySearch {
  status?: DeliveryStatus;
  itemId?: string;
  limit: number;
}

/** The reminder ledger as people see it: failed deliveries stay visible here, never retried forever. */
export async function searchDeliveries(
  db: DataSource,
  scope: ViewerScope,
  search: DeliverySearch,
): Promise<DeliveryView[]> {
  const scoped = scopeCondition(scope, 4);
  const rows: Record<string, unknown>[] = await db.query(
    `SELECT d.id::text AS id, d.item_id, i.title AS item_title, o.name AS organisation_name,
            u.id AS user_id, u.username, u.display_name, u.email,
            d.kind, to_char(d.due_date, 'YYYY-MM-DD') AS due_date, to_char(d.send_on, 'YYYY-MM-DD') AS send_on,
            d.status, d.attempts, d.error, d.message_id, d.sent_at, d.updated_at
       FROM reminder_delivery d
       JOIN rectification_item i ON i.id = d.item_id
       JOIN organisation o ON o.id = i.organisation_id
       JOIN app_user u ON u.id = d.recipient_id
      WHERE ($1::text IS NULL OR d.status = $1)
        AND ($2::uuid IS NULL OR d.item_id = $2)
        AND ${scoped.sql}
      ORDER BY d.id DESC
      LIMIT $3`,
    [search.status ?? null, search.itemId ?? null, search.limit, ...scoped.params],
  );
  return rows.map((r) => ({
    id: r.id as string,
    itemId: r.item_id as string,
    itemTitle: r.item_title as string,
    organisationName: r.organisation_name as string,
    recipient: {
      id: r.user_id as string,
      username: r.username as string,
      displayName: r.display_name as string,
      email: (r.email as string | null) ?? null,
    },
    kind: r.kind as string,
    dueDate: r.due_date as string,
    sendOn: r.send_on as string,
    status: r.status as DeliveryStatus,
    attempts: Number(r.attempts),
    error: (r.error as string | null) ?? null,
    messageId: (r.message_id as string | null) ?? null,
    sentAt: r.sent_at ? new Date(r.sent_at as string).toISOString() : null,
    updatedAt: new Date(r.updated_at as string).toISOString(),
  }));
}

/** What the health endpoints show of the reminder pipeline's database side. */
// A type, not an interface: health indicators take it as their index-signed data.
export type ReminderLedgerFigures = {
  byStatus: Record<DeliveryStatus, number>;
  /** Outbox rows still to relay (including those waiting for a retry). */
  outboxWaiting: number;
  /** Of those, rows that failed at least once and wait for their next attempt. */
  outboxRetrying: number;
  /** Rows parked after their last attempt: listed at GET /api/reminders/outbox-failures. */
  outboxFailed: number;
};

/** Ledger rows by status, and outbox rows by state: figures for the health endpoints. */
export async function reminderLedgerFigures(db: DataSource): Promise<ReminderLedgerFigures> {
  const rows: { status: DeliveryStatus; n: string }[] = await db.query(
    `SELECT status, count(*) AS n FROM reminder_delivery GROUP BY status`,
  );
  const [outbox]: { waiting: string; retrying: string; failed: string }[] = await db.query(
    `SELECT count(*) FILTER (WHERE failed_at IS NULL) AS waiting,
            count(*) FILTER (WHERE failed_at IS NULL AND last_error IS NOT NULL) AS retrying,
            count(*) FILTER (WHERE failed_at IS NOT NULL) AS failed
       FROM outbox`,
  );
  const byStatus = { pending: 0, sending: 0, sent: 0, failed: 0, skipped: 0 };
  for (const r of rows) byStatus[r.status] = Number(r.n);
  return {
    byStatus,
    outboxWaiting: Number(outbox.waiting),
    outboxRetrying: Number(outbox.retrying),
    outboxFailed: Number(outbox.failed),
  };
}
