import { randomUUID } from 'node:crypto';
import { type ReadScope } from '@rectify/workflow';
import { type DataSource } from 'typeorm';
import { scopeCondition } from '../scope/scope-condition';
import {
  type OutboxClaim,
  type OutboxFailureSearch,
  type OutboxFailureState,
  type OutboxFailureView,
  type OutboxFigures,
  type OutboxPolicy,
  type OutboxRepository,
} from './outbox.repository';

const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);

/** OutboxRepository on PostgreSQL (or PGlite): each method one or two single statements. */
export class PgOutboxRepository implements OutboxRepository {
  constructor(private readonly db: DataSource) {}

  async claim(policy: OutboxPolicy): Promise<OutboxClaim> {
    await this.db.query(
      `UPDATE outbox
          SET failed_at = now(), claimed_until = NULL, claim_token = NULL,
              last_error = coalesce(last_error, '处理中断次数过多（进程在处理该记录时退出）。')
        WHERE failed_at IS NULL AND attempts >= $1 AND (claimed_until IS NULL OR claimed_until < now())`,
      [policy.maxAttempts],
    );
    const token = randomUUID();
    // UPDATE … RETURNING inside a SELECT: TypeORM answers a bare UPDATE with [rows, count].
    const rows: { id: string; item_id: string; history_id: string | null }[] = await this.db.query(
      `WITH claimed AS (
         UPDATE outbox
            SET claimed_until = now() + $2::int * interval '1 millisecond', claim_token = $3,
                attempts = attempts + 1, last_attempt_at = now()
          WHERE id IN (SELECT id FROM outbox
                        WHERE failed_at IS NULL
                          AND (claimed_until IS NULL OR claimed_until < now())
                          AND (next_attempt_at IS NULL OR next_attempt_at <= now())
                        ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
          RETURNING id, item_id, history_id)
       SELECT id::text AS id, item_id, history_id::text AS history_id FROM claimed ORDER BY claimed.id`,
      [policy.batchSize, policy.leaseMs, token],
    );
    return { token, rows: rows.map((r) => ({ id: r.id, itemId: r.item_id, historyId: r.history_id })) };
  }

  async deleteRelayed(token: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.query(`DELETE FROM outbox WHERE id = ANY($1::bigint[]) AND claim_token = $2`, [ids, token]);
  }

  async release(token: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.query(
      `UPDATE outbox SET claimed_until = NULL, claim_token = NULL, attempts = greatest(attempts - 1, 0)
        WHERE id = ANY($1::bigint[]) AND claim_token = $2`,
      [ids, token],
    );
  }

  async recordFailures(
    policy: OutboxPolicy,
    token: string,
    failures: { id: string; error: string }[],
  ): Promise<number> {
    if (failures.length === 0) return 0;
    const parked: { parked: boolean }[] = await this.db.query(
      `WITH failed AS (
         UPDATE outbox o
            SET claimed_until = NULL, claim_token = NULL, last_error = f.error,
                next_attempt_at = now() + least($3::float8 * power(2, o.attempts - 1), $4::float8)
                                          * interval '1 millisecond',
                failed_at = CASE WHEN o.attempts >= $5 THEN now() END
           FROM unnest($1::bigint[], $2::text[]) AS f(id, error)
          WHERE o.id = f.id AND o.claim_token = $6
          RETURNING o.failed_at IS NOT NULL AS parked)
       SELECT parked FROM failed`,
      [
        failures.map((f) => f.id),
        failures.map((f) => f.error),
        policy.retryBaseMs,
        policy.retryMaxMs,
        policy.maxAttempts,
        token,
      ],
    );
    return parked.filter((p) => p.parked).length;
  }

  async unrelayedItemIds(): Promise<string[]> {
    const rows: { item_id: string }[] = await this.db.query(
      `SELECT DISTINCT item_id FROM outbox WHERE failed_at IS NULL`,
    );
    return rows.map((r) => r.item_id);
  }

  async addUnschedulable(itemIds: string[]): Promise<void> {
    if (itemIds.length === 0) return;
    await this.db.query(
      `INSERT INTO outbox (item_id, reason)
       SELECT i, 'SWEEP_UNSCHEDULABLE' FROM unnest($1::uuid[]) AS i
        WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.item_id = i)`,
      [itemIds],
    );
  }

  async searchFailures(scope: ReadScope, search: OutboxFailureSearch): Promise<OutboxFailureView[]> {
    const scoped = scopeCondition(scope, 3);
    const rows: Record<string, unknown>[] = await this.db.query(
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

  async figures(): Promise<OutboxFigures> {
    const [outbox]: { waiting: string; retrying: string; failed: string }[] = await this.db.query(
      `SELECT count(*) FILTER (WHERE failed_at IS NULL) AS waiting,
              count(*) FILTER (WHERE failed_at IS NULL AND last_error IS NOT NULL) AS retrying,
              count(*) FILTER (WHERE failed_at IS NOT NULL) AS failed
         FROM outbox`,
    );
    return {
      waiting: Number(outbox.waiting),
      retrying: Number(outbox.retrying),
      failed: Number(outbox.failed),
    };
  }
}
