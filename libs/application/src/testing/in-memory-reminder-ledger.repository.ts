import {
  type ClaimedDelivery,
  type DeliverySearch,
  type DeliveryStatus,
  type DeliveryView,
  type DueDelivery,
  type DueReminder,
  type ExpectedDigest,
  type RecordedDelivery,
  reminderKey,
  type ReminderKey,
  type ReminderLedgerRepository,
  type WaitingRecipient,
} from '@rectify/persistence';
import { actorFor, mayReadItem, type ReadScope } from '@rectify/workflow';

/** A ledger row as the fake keeps it. */
export interface LedgerRow extends DueDelivery {
  id: string;
  status: DeliveryStatus;
  error: string | null;
  attempts: number;
  digestKey: string | null;
  messageId: string | null;
  sentAt: Date | null;
}

export interface LedgerUser {
  username: string;
  displayName: string;
  email: string | null;
}

export interface LedgerItem {
  title: string;
  organisationName: string;
  organisationPath: string;
  status: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Refuses a value as PostgreSQL would refuse it in a uuid column. */
function assertUuid(value: string): void {
  if (!UUID.test(value)) throw new Error(`invalid input syntax for type uuid: "${value}"`);
}

/**
 * ReminderLedgerRepository in memory, for unit tests: the ledger's unique key, the digest claim
 * and its retry, Message-IDs and statuses as the SQL keeps them. Users and items are given by
 * the test; `reachable = false` makes every method reject as in a database outage.
 */
export class InMemoryReminderLedgerRepository implements ReminderLedgerRepository {
  readonly rows: LedgerRow[] = [];
  reachable = true;
  private nextId = 1;

  constructor(
    readonly users = new Map<string, LedgerUser>(),
    readonly items = new Map<string, LedgerItem>(),
  ) {}

  async ping(): Promise<void> {
    this.answer();
  }

  async recordDue(rows: DueDelivery[]): Promise<RecordedDelivery[]> {
    if (rows.length === 0) return [];
    this.answer();
    rows.forEach((r) => [r.recipientId, r.itemId].forEach(assertUuid));
    const added: RecordedDelivery[] = [];
    for (const r of rows) {
      const user = this.users.get(r.recipientId);
      if (!user || this.find(r.recipientId, r)) continue;
      const failed = !user.email;
      this.insert(
        r,
        failed ? 'failed' : 'pending',
        failed ? '收件人未设置电子邮箱：请管理员为该用户补充邮箱。' : null,
        0,
      );
      added.push({
        recipientId: r.recipientId,
        itemId: r.itemId,
        kind: r.kind,
        dueDate: r.dueDate,
        status: failed ? 'failed' : 'pending',
      });
    }
    return added;
  }

  async recordFailed(recipientIds: string[], reminder: DueReminder, error: string): Promise<number> {
    if (recipientIds.length === 0) return 0;
    this.answer();
    [...recipientIds, reminder.itemId].forEach(assertUuid);
    let added = 0;
    for (const recipientId of recipientIds) {
      if (this.find(recipientId, reminder)) continue;
      this.insert({ ...reminder, recipientId }, 'failed', error, 1);
      added++;
    }
    return added;
  }

  async waitingRecipients(recipientIds: string[]): Promise<WaitingRecipient[]> {
    if (recipientIds.length === 0) return [];
    this.answer();
    return recipientIds
      .filter((id) => this.rows.some((r) => r.recipientId === id && r.status === 'pending'))
      .map((recipientId) => ({ recipientId, claimed: this.claimedCount(recipientId) }));
  }

  async expectedDigests(): Promise<ExpectedDigest[]> {
    this.answer();
    const pending = [...new Set(this.rows.filter((r) => r.status === 'pending').map((r) => r.recipientId))];
    const sending = new Map(
      this.rows
        .filter((r) => r.status === 'sending' && r.digestKey !== null)
        .map((r) => [`${r.recipientId}|${r.digestKey}`, r] as const),
    );
    return [
      ...pending.map((recipientId) => ({
        recipientId,
        digestKey: null,
        claimed: this.claimedCount(recipientId),
      })),
      ...[...sending.values()].map((r) => ({
        recipientId: r.recipientId,
        digestKey: r.digestKey!,
        claimed: null,
      })),
    ];
  }

  async claimForDigest(recipientId: string, digestKey: string): Promise<ClaimedDelivery[]> {
    this.answer();
    const mine = this.rows.filter((r) => r.recipientId === recipientId);
    const again = mine.some((r) => r.status === 'sending' && r.digestKey === digestKey);
    const claimed = mine.filter((r) =>
      again ? r.status === 'sending' && r.digestKey === digestKey : r.status === 'pending',
    );
    const user = this.users.get(recipientId);
    return claimed.flatMap((r) => {
      r.status = 'sending';
      r.digestKey = digestKey;
      r.attempts++;
      const item = this.items.get(r.itemId);
      if (!item || !user) return [];
      return [
        {
          id: r.id,
          messageId: r.messageId,
          itemId: r.itemId,
          kind: r.kind,
          dueDate: r.dueDate,
          itemTitle: item.title,
          organisationName: item.organisationName,
          email: user.email,
          displayName: user.displayName,
        },
      ];
    });
  }

  async setMessageId(ids: string[], messageId: string): Promise<void> {
    this.update(ids, (r) => (r.messageId = messageId));
  }

  async markSent(ids: string[], messageId: string): Promise<void> {
    this.update(ids, (r) => Object.assign(r, { status: 'sent', messageId, sentAt: new Date(), error: null }));
  }

  async markNotSent(ids: string[], status: 'skipped' | 'failed', error: string): Promise<void> {
    this.update(ids, (r) => Object.assign(r, { status, error, messageId: null }));
  }

  async noteError(ids: string[], error: string): Promise<void> {
    this.update(ids, (r) => (r.error = error));
  }

  async setAside(rows: { id: string; error: string }[], mayRetry: boolean): Promise<void> {
    if (rows.length === 0) return;
    this.answer();
    for (const { id, error } of rows) {
      const row = this.rows.find((r) => r.id === id);
      if (!row) continue;
      row.error = error;
      if (!mayRetry) row.status = 'failed';
    }
  }

  async recordedKeysOfItemsIn(itemStatuses: readonly string[]): Promise<string[]> {
    this.answer();
    const keys = this.rows
      .filter((r) => itemStatuses.includes(this.items.get(r.itemId)?.status ?? ''))
      .map(reminderKey);
    return [...new Set(keys)];
  }

  async recordedKeysAmong(reminders: ReminderKey[]): Promise<string[]> {
    if (reminders.length === 0) return [];
    this.answer();
    const wanted = new Set(reminders.map(reminderKey));
    return [...new Set(this.rows.map(reminderKey))].filter((k) => wanted.has(k));
  }

  async search(scope: ReadScope, search: DeliverySearch): Promise<DeliveryView[]> {
    this.answer();
    return this.rows
      .filter((r) => {
        const item = this.items.get(r.itemId);
        if (!item || !this.users.has(r.recipientId)) return false;
        if (scope !== 'operator' && !mayReadItem(actorFor(scope, item.organisationPath))) return false;
        return (
          (!search.status || r.status === search.status) && (!search.itemId || r.itemId === search.itemId)
        );
      })
      .sort((a, b) => Number(b.id) - Number(a.id))
      .slice(0, search.limit)
      .map((r) => {
        const item = this.items.get(r.itemId)!;
        const user = this.users.get(r.recipientId)!;
        return {
          id: r.id,
          itemId: r.itemId,
          itemTitle: item.title,
          organisationName: item.organisationName,
          recipient: {
            id: r.recipientId,
            username: user.username,
            displayName: user.displayName,
            email: user.email,
          },
          kind: r.kind,
          dueDate: r.dueDate,
          sendOn: r.sendOn,
          status: r.status,
          attempts: r.attempts,
          error: r.error,
          messageId: r.messageId,
          sentAt: r.sentAt?.toISOString() ?? null,
          updatedAt: new Date().toISOString(),
        };
      });
  }

  async countByStatus(): Promise<Record<DeliveryStatus, number>> {
    this.answer();
    const byStatus = { pending: 0, sending: 0, sent: 0, failed: 0, skipped: 0 };
    for (const r of this.rows) byStatus[r.status]++;
    return byStatus;
  }

  /** The rows of one recipient, in id order. */
  rowsOf(recipientId: string): LedgerRow[] {
    return this.rows.filter((r) => r.recipientId === recipientId);
  }

  private answer(): void {
    if (!this.reachable) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
  }

  private find(recipientId: string, key: ReminderKey): LedgerRow | undefined {
    return this.rows.find((r) => r.recipientId === recipientId && reminderKey(r) === reminderKey(key));
  }

  private claimedCount(recipientId: string): number {
    return this.rows.filter((r) => r.recipientId === recipientId && r.digestKey !== null).length;
  }

  private insert(due: DueDelivery, status: DeliveryStatus, error: string | null, attempts: number): void {
    const { recipientId, itemId, kind, dueDate, sendOn } = due;
    this.rows.push({
      id: String(this.nextId++),
      ...{ recipientId, itemId, kind, dueDate, sendOn },
      status,
      error,
      attempts,
      digestKey: null,
      messageId: null,
      sentAt: null,
    });
  }

  private update(ids: string[], change: (row: LedgerRow) => void): void {
    if (ids.length === 0) return;
    this.answer();
    for (const row of this.rows) if (ids.includes(row.id)) change(row);
  }
}
