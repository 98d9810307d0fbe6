import { type DataSource } from 'typeorm';
import { scopeCondition, type ViewerScope } from '../item-queries/viewer-scope';

/** `retrying`: failed, waiting for its next attempt; `parked`: set aside after its last one. */
export type OutboxFailureState = 'retrying' | 'parked';

/** An outbox row the relay could not turn into reminders, as operators see it. */
export interface OutboxFailureView {
  id: string;
  itemId: string;
  itemTitle: string;
  organisationName: string;
  /** What caused the row (the event, or SWEEP_UNSCHEDULABLE when the sweeper found the item). */
  reason: string;
  state: OutboxFailureState;
  attempts: number;
  /** Chinese, with the technical cause. */
  lastError: string;
  lastAttemptAt: string | null;
  /** When a retrying row is tried next (ISO instant); null once parked. */
  nextAttemptAt: string | null;
  failedAt: string | null;
  createdAt: string;
}

export interface OutboxFailureSearch {
  state?: OutboxFailureState;
  limit: number;
}

/**
 * Outbox rows that failed, in the viewer's scope, newest first: those waiting for a retry and
 * those parked after their last attempt. Rows that never failed are not listed.
 */
export async function searchOutboxFailures(
  db: DataSource,
  scope: ViewerScope,
  search: OutboxFailureSearch,
): Promise<OutboxFailureView[]> {
  const scoped = scopeCondition(scope, 3);
  const rows: Record<string, unknown>[] = await db.query(
    `SELECT x.id::text AS id, x.item_id, i.title AS item_title, o.name AS organisation_name, x.reason,
            CASE WHEN x.failed_at IS NULL THEN 'retrying' ELSE 'parked' END AS state,
            x.attempts, x.last_error, x.last_attempt_at, x.next_attempt_at, x.failed_at, x.created_at
       FROM outbox x
       JOIN rectification_item i ON i.id = x.item_id
       JOIN organisation o ON o.id = i.organisation_id
      WHERE x.last_error IS NOT NULL
        AND ($1::text IS NULL OR ($1 = 'parked') = (x.failed_at IS NOT NULL))
        AND ${scoped.sql}
      ORDER BY x.id DESC
      LIMIT $2`,
    [search.state ?? null, search.limit, ...scoped.params],
  );
  const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
  return rows.map((r) => ({
    id: r.id as string,
    itemId: r.item_id as string,
    itemTitle: r.item_title as string,
    organisationName: r.organisation_name as string,
    reason: r.reason as string,
    state: r.state as OutboxFailureState,
    attempts: Number(r.attempts),
    lastError: r.last_error as string,
    lastAttemptAt: iso(r.last_attempt_at),
    nextAttemptAt: r.failed_at ? null : iso(r.next_attempt_at),
    failedAt: iso(r.failed_at),
    createdAt: iso(r.created_at)!,
  }));
}
