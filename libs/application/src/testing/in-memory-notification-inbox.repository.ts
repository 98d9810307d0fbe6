import { type NotificationKind } from '@rectify/domain';
import {
  type InboxEntryRecord,
  type InboxPageQuery,
  type MarkReadTarget,
  type NotificationInboxRepository,
} from '@rectify/persistence';

/** An in_app notification row of the fake: the entry and whose it is. */
export interface InMemoryInboxRow extends InboxEntryRecord {
  recipientId: string;
}

/** NotificationInboxRepository in memory, for unit tests: ids 1, 2, … in the order `deliver` is called. */
export class InMemoryNotificationInboxRepository implements NotificationInboxRepository {
  readonly rows: InMemoryInboxRow[] = [];

  /** Records a message for `recipientId` as the fan-out would (unread); returns its id. */
  deliver(
    recipientId: string,
    message: { kind?: NotificationKind; headline?: string; itemId?: string } = {},
  ): string {
    const id = String(this.rows.length + 1);
    this.rows.push({
      id,
      recipientId,
      kind: message.kind ?? 'returned',
      headline: message.headline ?? `消息 ${id}`,
      detail: '',
      itemId: message.itemId ?? '00000000-0000-4000-8000-0000000000aa',
      createdAt: new Date(Date.UTC(2026, 10, 30, 0, 0, this.rows.length)).toISOString(),
      readAt: null,
    });
    return id;
  }

  async list(query: InboxPageQuery): Promise<InboxEntryRecord[]> {
    return this.rows
      .filter((r) => r.recipientId === query.recipientId)
      .filter((r) => query.before === null || BigInt(r.id) < BigInt(query.before))
      .filter((r) => !query.unreadOnly || r.readAt === null)
      .sort((a, b) => Number(BigInt(b.id) - BigInt(a.id)))
      .slice(0, query.limit)
      .map(({ recipientId: _recipient, ...entry }) => ({ ...entry }));
  }

  async unreadCount(recipientId: string): Promise<number> {
    return this.rows.filter((r) => r.recipientId === recipientId && r.readAt === null).length;
  }

  async markRead(recipientId: string, target: MarkReadTarget): Promise<number> {
    const now = new Date().toISOString();
    const marked = this.rows.filter(
      (r) =>
        r.recipientId === recipientId && r.readAt === null && (target === 'all' || target.ids.includes(r.id)),
    );
    for (const r of marked) r.readAt = now;
    return marked.length;
  }
}
