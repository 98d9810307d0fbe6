import { type ReadScope } from '@rectify/workflow';
import { type DataSource } from 'typeorm';
import { scopeCondition } from '../scope/scope-condition';
import { type DeliverySearch, type DeliveryStatus, type DeliveryView } from './reminder-ledger.repository';

/** The ledger as people see it (see ReminderLedgerRepository.search): one scoped query. */
export async function searchDeliveries(
  db: DataSource,
  scope: ReadScope,
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
