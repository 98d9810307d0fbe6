import { type NotificationKind } from '@rectify/domain';
import { type DataSource } from 'typeorm';
import {
  type InboxEntryRecord,
  type InboxPageQuery,
  type MarkReadTarget,
  type NotificationInboxRepository,
} from './notification-inbox.repository';

interface InboxRow {
  id: string;
  kind: NotificationKind;
  headline: string;
  detail: string;
  item_id: string;
  created_at: Date | string;
  read_at: Date | string | null;
}

const toEntry = (r: InboxRow): InboxEntryRecord => ({
  id: r.id,
  kind: r.kind,
  headline: r.headline,
  detail: r.detail,
  itemId: r.item_id,
  createdAt: new Date(r.created_at).toISOString(),
  readAt: r.read_at === null ? null : new Date(r.read_at).toISOString(),
});

/**
 * NotificationInboxRepository on PostgreSQL (or PGlite). The list walks `notification_in_app_idx`
 * (recipient, id DESC) and the count `notification_unread_idx`, both partial on channel 'in_app'.
 */
export class PgNotificationInboxRepository implements NotificationInboxRepository {
  constructor(private readonly db: DataSource) {}

  async list(query: InboxPageQuery): Promise<InboxEntryRecord[]> {
    const rows: InboxRow[] = await this.db.query(
      `SELECT id::text AS id, kind, headline, detail, item_id, created_at, read_at
         FROM notification
        WHERE recipient_id = $1 AND channel = 'in_app'
          AND ($2::bigint IS NULL OR id < $2::bigint)
          AND (NOT $3::boolean OR read_at IS NULL)
        -- The table's id, not the text alias of the same name (ORDER BY would take the alias: '9' > '10').
        ORDER BY notification.id DESC
        LIMIT $4`,
      [query.recipientId, query.before, query.unreadOnly, query.limit],
    );
    return rows.map(toEntry);
  }

  async unreadCount(recipientId: string): Promise<number> {
    const [row]: { count: string }[] = await this.db.query(
      `SELECT count(*)::text AS count FROM notification
        WHERE recipient_id = $1 AND channel = 'in_app' AND read_at IS NULL`,
      [recipientId],
    );
    return Number(row.count);
  }

  async markRead(recipientId: string, target: MarkReadTarget): Promise<number> {
    const ids = target === 'all' ? null : [...target.ids];
    if (ids && ids.length === 0) return 0;
    // Inside a SELECT: TypeORM answers a bare UPDATE … RETURNING with [rows, count].
    const [row]: { count: string }[] = await this.db.query(
      `WITH marked AS (
         UPDATE notification SET read_at = now()
          WHERE recipient_id = $1 AND channel = 'in_app' AND read_at IS NULL
            AND ($2::bigint[] IS NULL OR id = ANY($2::bigint[]))
          RETURNING id)
       SELECT count(*)::text AS count FROM marked`,
      [recipientId, ids],
    );
    return Number(row.count);
  }
}
