import { randomUUID } from 'node:crypto';
import {
  type OutboxClaim,
  type OutboxFailureSearch,
  type OutboxFailureView,
  type OutboxFigures,
  type OutboxPolicy,
  type OutboxRepository,
} from '@rectify/persistence';
import { actorFor, mayReadItem, type ReadScope } from '@rectify/workflow';

/** An outbox row as the fake keeps it; times in ms on the fake's clock. */
export interface OutboxRow {
  id: string;
  itemId: string;
  reason: string;
  /** The history line that caused it (an event that may notify), or null. */
  historyId: string | null;
  attempts: number;
  claimToken: string | null;
  claimedUntil: number | null;
  lastError: string | null;
  lastAttemptAt: number | null;
  nextAttemptAt: number | null;
  failedAt: number | null;
  createdAt: number;
}

/** What the fake knows of an item, for the failure search. */
export interface OutboxItem {
  title: string;
  organisationName: string;
  organisationPath: string;
}

/**
 * OutboxRepository in memory, for unit tests: claims with a lease and a token, backoff and
 * parking as the SQL computes them, on a clock the test moves (`now`, ms).
 */
export class InMemoryOutboxRepository implements OutboxRepository {
  readonly rows: OutboxRow[] = [];
  now = Date.parse('2024-11-12T00:00:00Z');
  private nextId = 1;

  constructor(readonly items = new Map<string, OutboxItem>()) {}

  /** Adds a row as a transition writes it (with its history line's id); returns its id. */
  add(itemId: string, reason = 'SET_MEASURES', historyId: string | null = null): string {
    const id = String(this.nextId++);
    this.rows.push({
      id,
      itemId,
      reason,
      historyId,
      attempts: 0,
      claimToken: null,
      claimedUntil: null,
      lastError: null,
      lastAttemptAt: null,
      nextAttemptAt: null,
      failedAt: null,
      createdAt: this.now,
    });
    return id;
  }

  row(id: string): OutboxRow | undefined {
    return this.rows.find((r) => r.id === id);
  }

  async claim(policy: OutboxPolicy): Promise<OutboxClaim> {
    const unclaimed = (r: OutboxRow) => r.claimedUntil === null || r.claimedUntil < this.now;
    for (const r of this.rows) {
      if (r.failedAt === null && r.attempts >= policy.maxAttempts && unclaimed(r)) {
        Object.assign(r, { failedAt: this.now, claimedUntil: null, claimToken: null });
        r.lastError ??= '处理中断次数过多（进程在处理该记录时退出）。';
      }
    }
    const token = randomUUID();
    const due = this.rows
      .filter(
        (r) =>
          r.failedAt === null && unclaimed(r) && (r.nextAttemptAt === null || r.nextAttemptAt <= this.now),
      )
      .sort((a, b) => Number(a.id) - Number(b.id))
      .slice(0, policy.batchSize);
    for (const r of due) {
      Object.assign(r, {
        claimedUntil: this.now + policy.leaseMs,
        claimToken: token,
        lastAttemptAt: this.now,
      });
      r.attempts++;
    }
    return { token, rows: due.map((r) => ({ id: r.id, itemId: r.itemId, historyId: r.historyId })) };
  }

  async deleteRelayed(token: string, ids: string[]): Promise<void> {
    for (const r of this.held(token, ids)) this.rows.splice(this.rows.indexOf(r), 1);
  }

  async release(token: string, ids: string[]): Promise<void> {
    for (const r of this.held(token, ids)) {
      Object.assign(r, { claimedUntil: null, claimToken: null, attempts: Math.max(r.attempts - 1, 0) });
    }
  }

  async recordFailures(
    policy: OutboxPolicy,
    token: string,
    failures: { id: string; error: string }[],
  ): Promise<number> {
    let parked = 0;
    for (const { id, error } of failures) {
      const [r] = this.held(token, [id]);
      if (!r) continue;
      const wait = Math.min(policy.retryBaseMs * 2 ** (r.attempts - 1), policy.retryMaxMs);
      const park = r.attempts >= policy.maxAttempts;
      Object.assign(r, {
        claimedUntil: null,
        claimToken: null,
        lastError: error,
        nextAttemptAt: this.now + wait,
        failedAt: park ? this.now : null,
      });
      if (park) parked++;
    }
    return parked;
  }

  async unrelayedItemIds(): Promise<string[]> {
    return [...new Set(this.rows.filter((r) => r.failedAt === null).map((r) => r.itemId))];
  }

  async addUnschedulable(itemIds: string[]): Promise<void> {
    for (const itemId of itemIds) {
      if (!this.rows.some((r) => r.itemId === itemId)) this.add(itemId, 'SWEEP_UNSCHEDULABLE');
    }
  }

  async searchFailures(scope: ReadScope, search: OutboxFailureSearch): Promise<OutboxFailureView[]> {
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    return this.rows
      .filter((r) => {
        const item = this.items.get(r.itemId);
        if (!item || r.lastError === null) return false;
        if (scope !== 'operator' && !mayReadItem(actorFor(scope, item.organisationPath))) return false;
        return !search.state || (search.state === 'parked') === (r.failedAt !== null);
      })
      .sort((a, b) => Number(b.id) - Number(a.id))
      .slice(0, search.limit)
      .map((r) => {
        const item = this.items.get(r.itemId)!;
        return {
          id: r.id,
          itemId: r.itemId,
          itemTitle: item.title,
          organisationName: item.organisationName,
          reason: r.reason,
          state: r.failedAt === null ? 'retrying' : 'parked',
          attempts: r.attempts,
          lastError: r.lastError!,
          lastAttemptAt: iso(r.lastAttemptAt),
          nextAttemptAt: r.failedAt === null ? iso(r.nextAttemptAt) : null,
          failedAt: iso(r.failedAt),
          createdAt: iso(r.createdAt)!,
        };
      });
  }

  async figures(): Promise<OutboxFigures> {
    const waiting = this.rows.filter((r) => r.failedAt === null);
    return {
      waiting: waiting.length,
      retrying: waiting.filter((r) => r.lastError !== null).length,
      failed: this.rows.length - waiting.length,
    };
  }

  private held(token: string, ids: string[]): OutboxRow[] {
    return this.rows.filter((r) => ids.includes(r.id) && r.claimToken === token);
  }
}
