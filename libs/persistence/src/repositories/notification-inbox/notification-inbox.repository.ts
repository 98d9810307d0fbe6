import { type NotificationKind } from '@rectify/domain';

/** One 站内消息 (an `in_app` row of the notification ledger) as its recipient sees it. */
export interface InboxEntryRecord {
  /** bigint as text; newer messages have larger ids. */
  id: string;
  kind: NotificationKind;
  headline: string;
  detail: string;
  itemId: string;
  /** ISO instant. */
  createdAt: string;
  /** ISO instant; null while unread. */
  readAt: string | null;
}

/** One page of a person's messages, newest first. */
export interface InboxPageQuery {
  recipientId: string;
  /** Only the unread ones. */
  unreadOnly: boolean;
  /** Keyset paging: only messages with an id below this one (bigint as text); null for the first page. */
  before: string | null;
  /** At most this many (1–100). */
  limit: number;
}

/** Which of a person's messages to mark read: the given ids (others' ids are ignored), or all. */
export type MarkReadTarget = { ids: readonly string[] } | 'all';

/**
 * The 站内消息 centre (消息中心): a person's `in_app` notification rows. Every method takes the
 * recipient, so nobody reads or marks anyone else's messages.
 */
export interface NotificationInboxRepository {
  list(query: InboxPageQuery): Promise<InboxEntryRecord[]>;
  /** How many of the person's messages are unread. */
  unreadCount(recipientId: string): Promise<number>;
  /** Marks the person's unread messages among `target` read now; resolves with how many changed. */
  markRead(recipientId: string, target: MarkReadTarget): Promise<number>;
}
