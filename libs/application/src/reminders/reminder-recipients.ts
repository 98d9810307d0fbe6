import { type Recipient } from '@rectify/domain';
import { type EntityManager } from 'typeorm';

export interface RecipientRow {
  item_id: string;
  role: Recipient;
  user_id: string;
}

/**
 * Who receives an item's reminders, by role, for many items in one query: the owner (or, while
 * nobody owns the item, the secretaries of its organisation), the organisation's secretaries,
 * and the supervisors of the parent and grandparent organisations.
 */
export async function loadReminderRecipients(
  db: Pick<EntityManager, 'query'>,
  itemIds: string[],
): Promise<Map<string, Map<Recipient, string[]>>> {
  const rows: RecipientRow[] =
    itemIds.length === 0
      ? []
      : await db.query(
          `WITH items AS (
             SELECT i.id, i.organisation_id, i.owner_id, o.parent_id, p.parent_id AS grandparent_id
               FROM rectification_item i
               JOIN organisation o ON o.id = i.organisation_id
               LEFT JOIN organisation p ON p.id = o.parent_id
              WHERE i.id = ANY($1::uuid[]))
           SELECT items.id AS item_id, 'owner' AS role, items.owner_id AS user_id
             FROM items WHERE items.owner_id IS NOT NULL
           UNION ALL
           SELECT items.id, r.role, u.id
             FROM items
             JOIN app_user u ON u.organisation_id = items.organisation_id AND u.role = 'secretary'
             CROSS JOIN (VALUES ('secretary'), ('owner')) AS r(role)
            WHERE r.role = 'secretary' OR items.owner_id IS NULL
           UNION ALL
           SELECT items.id, 'parent_supervisors', u.id
             FROM items JOIN app_user u ON u.organisation_id = items.parent_id AND u.role = 'supervisor'
           UNION ALL
           SELECT items.id, 'grandparent_supervisors', u.id
             FROM items JOIN app_user u ON u.organisation_id = items.grandparent_id AND u.role = 'supervisor'`,
          [itemIds],
        );
  const byItem = new Map<string, Map<Recipient, string[]>>();
  for (const row of rows) {
    const roles = byItem.get(row.item_id) ?? new Map<Recipient, string[]>();
    byItem.set(row.item_id, roles);
    roles.set(row.role, [...(roles.get(row.role) ?? []), row.user_id]);
  }
  return byItem;
}
