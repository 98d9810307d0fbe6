import { describeNotification, type NotificationKind } from '@rectify/domain';
import { type DataSource } from 'typeorm';
import {
  type InboxEntryRecord,
  type InboxPageQuery,
  type MarkReadTarget,
  type NotificationInboxRepository,
  TIER_ENTRY_PREFIX,
} from './notification-inbox.repository';

interface InboxRow {
  src: 'n' | 't';
  id: string;
  kind: NotificationKind;
  headline: string | null;
  detail: string | null;
  item_id: string;
  created_at: Date | string;
  read_at: Date | string | null;
  item_title: string | null;
  organisation_name: string | null;
  due_date: string | null;
}

// A tier's words are made when it is read, as the fan-out made them when it wrote a row per tier.
const toEntry = (r: InboxRow): InboxEntryRecord => {
  const text =
    r.src === 't'
      ? describeNotification({
          kind: r.kind,
          itemTitle: r.item_title ?? '',
          organisationName: r.organisation_name ?? '',
          deadline: r.due_date,
        })
      : { headline: r.headline ?? '', detail: r.detail ?? '' };
  return {
    id: r.src === 't' ? `${TIER_ENTRY_PREFIX}${r.id}` : r.id,
    kind: r.kind,
    headline: text.headline,
    detail: text.detail,
    itemId: r.item_id,
    createdAt: new Date(r.created_at).toISOString(),
    readAt: r.read_at === null ? null : new Date(r.read_at).toISOString(),
  };
};

/** Splits entry ids into the two sources' row ids (bigint as text). */
const bySource = (ids: readonly string[]) => ({
  notification: ids.filter((id) => !id.startsWith(TIER_ENTRY_PREFIX)),
  tier: ids.filter((id) => id.startsWith(TIER_ENTRY_PREFIX)).map((id) => id.slice(TIER_ENTRY_PREFIX.length)),
});

// The page's order is (created_at, source, id), newest first, tiers ('t') before messages ('n')
// of the same instant. The cursor is the previous page's last entry, looked up in its own source;
// each side then takes what lies below it as a row comparison its index answers: a message row
// at the cursor's instant lies below a tier cursor whatever its id, a tier row never below a
// message cursor. An unknown or foreign cursor gives an empty page.
const LIST_SQL = `
  WITH cursor AS (
    SELECT created_at AS at, CASE WHEN $2::text = 't' THEN 9223372036854775807 ELSE id END AS n_id,
           CASE WHEN $2::text = 'n' THEN 0 ELSE id END AS t_id
      FROM notification
     WHERE $2::text = 'n' AND id = $3::bigint AND recipient_id = $1 AND channel = 'in_app'
    UNION ALL
    SELECT created_at, 9223372036854775807, id
      FROM reminder_delivery
     WHERE $2::text = 't' AND id = $3::bigint AND recipient_id = $1 AND in_app)
  SELECT * FROM (
    (SELECT 'n' AS src, n.id::text AS id, n.kind, n.headline, n.detail, n.item_id, n.created_at, n.read_at,
            NULL::text AS item_title, NULL::text AS organisation_name, NULL::text AS due_date
       FROM notification n
      WHERE n.recipient_id = $1 AND n.channel = 'in_app' AND (NOT $4::boolean OR n.read_at IS NULL)
        AND ($2::text IS NULL OR (n.created_at, n.id) < (SELECT at, n_id FROM cursor))
      ORDER BY n.created_at DESC, n.id DESC
      LIMIT $5)
    UNION ALL
    (SELECT 't', r.id::text, r.kind, NULL, NULL, r.item_id, r.created_at, r.read_at,
            i.title, o.name, to_char(r.due_date, 'YYYY-MM-DD')
       FROM reminder_delivery r
       JOIN rectification_item i ON i.id = r.item_id
       JOIN organisation o ON o.id = i.organisation_id
      WHERE r.recipient_id = $1 AND r.in_app AND (NOT $4::boolean OR r.read_at IS NULL)
        AND ($2::text IS NULL OR (r.created_at, r.id) < (SELECT at, t_id FROM cursor))
      ORDER BY r.created_at DESC, r.id DESC
      LIMIT $5)
  ) page
  -- The sources' own columns, not the text alias id (ORDER BY would take the alias: '9' > '10').
  ORDER BY page.created_at DESC, page.src DESC, page.id::bigint DESC
  LIMIT $5`;

/**
 * NotificationInboxRepository on PostgreSQL (or PGlite). A person's 站内消息 come from two
 * places: the `in_app` rows of the notification ledger (events), and the deadline tiers recorded
 * for them in the reminder ledger (`reminder_delivery` rows with `in_app`), whose entry ids carry
 * the prefix `t`. Each side is read newest first from its own partial index
 * (`notification_in_app_idx`, `reminder_delivery_inbox_idx`); the badge counts both unread
 * indexes (`notification_unread_idx`, `reminder_delivery_unread_idx`).
 */
export class PgNotificationInboxRepository implements NotificationInboxRepository {
  constructor(private readonly db: DataSource) {}

  async list(query: InboxPageQuery): Promise<InboxEntryRecord[]> {
    const before = query.before;
    const cursor =
      before === null
        ? { src: null, id: null }
        : before.startsWith(TIER_ENTRY_PREFIX)
          ? { src: 't', id: before.slice(TIER_ENTRY_PREFIX.length) }
          : { src: 'n', id: before };
    const rows: InboxRow[] = await this.db.query(LIST_SQL, [
      query.recipientId,
      cursor.src,
      cursor.id,
      query.unreadOnly,
      query.limit,
    ]);
    return rows.map(toEntry);
  }

  async unreadCount(recipientId: string): Promise<number> {
    const [row]: { count: string }[] = await this.db.query(
      `SELECT ((SELECT count(*) FROM notification
                 WHERE recipient_id = $1 AND channel = 'in_app' AND read_at IS NULL)
             + (SELECT count(*) FROM reminder_delivery
                 WHERE recipient_id = $1 AND in_app AND read_at IS NULL))::text AS count`,
      [recipientId],
    );
    return Number(row.count);
  }

  async markRead(recipientId: string, target: MarkReadTarget): Promise<number> {
    const ids = target === 'all' ? null : bySource(target.ids);
    if (ids && ids.notification.length + ids.tier.length === 0) return 0;
    // Inside a SELECT: TypeORM answers a bare UPDATE … RETURNING with [rows, count].
    const [row]: { count: string }[] = await this.db.query(
      `WITH messages AS (
         UPDATE notification SET read_at = now()
          WHERE recipient_id = $1 AND channel = 'in_app' AND read_at IS NULL
            AND ($2::bigint[] IS NULL OR id = ANY($2::bigint[]))
          RETURNING id),
       tiers AS (
         UPDATE reminder_delivery SET read_at = now()
          WHERE recipient_id = $1 AND in_app AND read_at IS NULL
            AND ($3::bigint[] IS NULL OR id = ANY($3::bigint[]))
          RETURNING id)
       SELECT ((SELECT count(*) FROM messages) + (SELECT count(*) FROM tiers))::text AS count`,
      [recipientId, ids?.notification ?? null, ids?.tier ?? null],
    );
    return Number(row.count);
  }
}
