import { type NotificationKind } from '@rectify/domain';

/** The start of a deadline tier's entry id: `t` and its reminder ledger row's id. */
export const TIER_ENTRY_PREFIX = 't';

/**
 * One 站内消息 as its recipient sees it: an `in_app` row of the notification ledger (an event),
 * or a deadline tier (亮灯) recorded for them in the reminder ledger.
 */
export interface InboxEntryRecord {
  /** The row's bigint id as text, with the prefix `t` for a deadline tier (`t1203`). */
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
  /**
   * Keyset paging: only the messages listed after this entry (the previous page's last id), in
   * the order newest first; null for the first page. An id that is not the person's gives none.
   */
  before: string | null;
  /** At most this many (1–100). */
  limit: number;
}

/** Which of a person's messages to mark read: the given ids (others' ids are ignored), or all. */
export type MarkReadTarget = { ids: readonly string[] } | 'all';

/**
 * The 站内消息 centre (消息中心): a person's `in_app` notification rows and deadline tiers, newest
 * first. Every method takes the recipient, so nobody reads or marks anyone else's messages.
 */
export interface NotificationInboxRepository {
  list(query: InboxPageQuery): Promise<InboxEntryRecord[]>;
  /** How many of the person's messages are unread. */
  unreadCount(recipientId: string): Promise<number>;
  /** Marks the person's unread messages among `target` read now; resolves with how many changed. */
  markRead(recipientId: string, target: MarkReadTarget): Promise<number>;
}
