import { type ReminderKind } from '@rectify/domain';
import { type ReadScope } from '@rectify/workflow';

/** A ledger row's state: waiting for its digest, claimed by one, or done one way or another. */
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';

export const DELIVERY_STATUSES: readonly DeliveryStatus[] = [
  'pending',
  'sending',
  'sent',
  'failed',
  'skipped',
];

/** What names one reminder, whoever receives it: the ledger's key without the recipient. */
export interface ReminderKey {
  itemId: string;
  kind: ReminderKind;
  /** YYYY-MM-DD. */
  dueDate: string;
}

/** `item|kind|dueDate`: the form in which the key sets below are returned. */
export const reminderKey = (k: ReminderKey): string => `${k.itemId}|${k.kind}|${k.dueDate}`;

/** A reminder due to be sent on `sendOn` (YYYY-MM-DD). */
export interface DueReminder extends ReminderKey {
  sendOn: string;
}

/** One ledger row to add: a due reminder for one recipient. */
export interface DueDelivery extends DueReminder {
  recipientId: string;
}

/** A row the ledger did not hold before: `failed` when its recipient has no email address. */
export interface RecordedDelivery extends ReminderKey {
  recipientId: string;
  status: 'pending' | 'failed';
}

/** A recipient with rows waiting, and how many of their rows digests have claimed so far. */
export interface WaitingRecipient {
  recipientId: string;
  claimed: number;
}

/**
 * A digest job the ledger expects: for a recipient with `pending` rows (`digestKey` null,
 * `claimed` their rows claimed so far), or for rows left `sending` under `digestKey` (`claimed`
 * null).
 */
export type ExpectedDigest =
  | { recipientId: string; digestKey: null; claimed: number }
  | { recipientId: string; digestKey: string; claimed: null };

/** A ledger row claimed by a digest, with what its email line needs. */
export interface ClaimedDelivery extends ReminderKey {
  /** bigint as text. */
  id: string;
  /** Set when an earlier attempt of the digest fixed the email's Message-ID. */
  messageId: string | null;
  itemTitle: string;
  organisationName: string;
  /** The recipient's, the same on every row of a claim. */
  email: string | null;
  displayName: string;
}

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
  /** At most this many rows. */
  limit: number;
}

/**
 * The reminder ledger (`reminder_delivery`): one row per (recipient, item, kind, due date), a
 * unique key that makes recording a reminder twice harmless. A digest claims a recipient's
 * waiting rows (status `sending`, its key in `digest_key`), sends them in one email and marks
 * them sent. Every method is one statement (none when given nothing to do). Row ids are bigints
 * as text; dates YYYY-MM-DD.
 */
export interface ReminderLedgerRepository {
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;

  /**
   * Adds the rows the ledger lacks (`pending`, or `failed` with a Chinese error when the
   * recipient has no email address); rows whose key exists are left as they are, and rows whose
   * recipient does not exist are dropped. Returns the rows added. Rejects as a whole when the
   * database refuses any value (e.g. an id that is not a uuid). Each row added is also its
   * recipient's 站内消息 of the tier, unread (see PgNotificationInboxRepository). The tiers of
   * the rows added (each item, tier and due date once) go into the robots' backlog in the same
   * statement (`robot_tier_backlog`, see RobotTierBacklogRepository).
   */
  recordDue(rows: DueDelivery[]): Promise<RecordedDelivery[]>;

  /**
   * Adds `failed` rows with `error` (one attempt) for these recipients of a reminder set aside
   * after its last attempt; existing rows are left as they are. Returns how many were added.
   * These rows are no 站内消息: nothing was recorded for the tier.
   */
  recordFailed(recipientIds: string[], reminder: DueReminder, error: string): Promise<number>;

  /** Of these recipients, those with `pending` rows, and how many of their rows digests have claimed. */
  waitingRecipients(recipientIds: string[]): Promise<WaitingRecipient[]>;

  /** Every digest job the ledger expects (see ExpectedDigest). */
  expectedDigests(): Promise<ExpectedDigest[]>;

  /**
   * Claims the rows a digest sends, in one statement, by id: on a retry (rows are `sending` under
   * `digestKey`) exactly those, otherwise the recipient's `pending` rows. Claimed rows become
   * `sending` under `digestKey`, one attempt more. Two digests never share a row.
   */
  claimForDigest(recipientId: string, digestKey: string): Promise<ClaimedDelivery[]>;

  /** Writes the email's Message-ID on these rows before it is sent. */
  setMessageId(ids: string[], messageId: string): Promise<void>;

  /** The email went out: `sent`, with its Message-ID and time, error cleared. */
  markSent(ids: string[], messageId: string): Promise<void>;

  /** Done without an email: `skipped` (no longer applies) or `failed`, with `error`; Message-ID cleared. */
  markNotSent(ids: string[], status: 'skipped' | 'failed', error: string): Promise<void>;

  /** Notes `error` on rows that stay as they are (a retry follows). */
  noteError(ids: string[], error: string): Promise<void>;

  /**
   * Rows that could not go into the email, each with its error: they keep their status while
   * `mayRetry`, else become `failed`.
   */
  setAside(rows: { id: string; error: string }[], mayRetry: boolean): Promise<void>;

  /** Keys (see reminderKey) of the reminders recorded for items whose status is one of `itemStatuses`. */
  recordedKeysOfItemsIn(itemStatuses: readonly string[]): Promise<string[]>;

  /** Which of these reminders have at least one row, as keys (see reminderKey). */
  recordedKeysAmong(reminders: ReminderKey[]): Promise<string[]>;

  /** Rows in `scope` (their item's organisation), newest first, filtered by status and item. */
  search(scope: ReadScope, search: DeliverySearch): Promise<DeliveryView[]>;

  /** Rows by status (every status present, 0 when none). */
  countByStatus(): Promise<Record<DeliveryStatus, number>>;
}
