import { randomUUID } from 'node:crypto';
import { type DataSource } from 'typeorm';

/**
 * How the relay treats outbox rows: how many it claims at once, how long a claim holds, and how
 * often a failing row is tried (with exponential backoff) before it is parked.
 */
export interface OutboxPolicy {
  /** Rows claimed per round. */
  batchSize: number;
  /** How long a claim holds (ms); a relay that dies lets it run out and another takes the rows. */
  leaseMs: number;
  /** Attempts before a failing row is parked (`failed_at` set) and tried no more. */
  maxAttempts: number;
  /** Wait before the second attempt (ms); doubled for each further one … */
  retryBaseMs: number;
  /** … up to this (ms). */
  retryMaxMs: number;
}

/** Outbox rows held by one claim: `token` names the claim in every later statement. */
export interface OutboxClaim {
  token: string;
  rows: { id: string; itemId: string }[];
}

/**
 * Claims up to `batchSize` rows that are due (not parked, not held by a live claim, past their
 * backoff) in one short statement: no transaction stays open while the caller talks to Redis.
 * Rows whose lease ran out after their last allowed attempt (the relay died on them each time)
 * are parked first. Several relays claim side by side: SKIP LOCKED keeps them off each other's
 * rows. Each claim counts as an attempt.
 */
export async function claimOutboxRows(db: DataSource, policy: OutboxPolicy): Promise<OutboxClaim> {
  await db.query(
    `UPDATE outbox
        SET failed_at = now(), claimed_until = NULL, claim_token = NULL,
            last_error = coalesce(last_error, '处理中断次数过多（进程在处理该记录时退出）。')
      WHERE failed_at IS NULL AND attempts >= $1 AND (claimed_until IS NULL OR claimed_until < now())`,
    [policy.maxAttempts],
  );
  const token = randomUUID();
  // UPDATE … RETURNING inside a SELECT: TypeORM answers a bare UPDATE with [rows, count].
  const rows: { id: string; item_id: string }[] = await db.query(
    `WITH claimed AS (
       UPDATE outbox
          SET claimed_until = now() + $2::int * interval '1 millisecond', claim_token = $3,
              attempts = attempts + 1, last_attempt_at = now()
        WHERE id IN (SELECT id FROM outbox
                      WHERE failed_at IS NULL
                        AND (claimed_until IS NULL OR claimed_until < now())
                        AND (next_attempt_at IS NULL OR next_attempt_at <= now())
                      ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING id, item_id)
     SELECT id::text AS id, item_id FROM claimed ORDER BY id`,
    [policy.batchSize, policy.leaseMs, token],
  );
  return { token, rows: rows.map((r) => ({ id: r.id, itemId: r.item_id })) };
}

/** Relayed: the rows are done and leave the outbox. */
export async function deleteRelayedRows(db: DataSource, token: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.query(`DELETE FROM outbox WHERE id = ANY($1::bigint[]) AND claim_token = $2`, [ids, token]);
}

/**
 * Gives rows back without counting the attempt: the failure was not theirs (Redis or the
 * database was away), so they are claimed again on the next round.
 */
export async function releaseRows(db: DataSource, token: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.query(
    `UPDATE outbox SET claimed_until = NULL, claim_token = NULL, attempts = greatest(attempts - 1, 0)
      WHERE id = ANY($1::bigint[]) AND claim_token = $2`,
    [ids, token],
  );
}

/**
 * Records why these rows failed (`errors[i]` for `ids[i]`): each waits `retryBaseMs · 2^(n-1)`
 * (at most `retryMaxMs`) before its next attempt, or is parked after its `maxAttempts`-th.
 * Returns how many were parked.
 */
export async function recordRowFailures(
  db: DataSource,
  policy: OutboxPolicy,
  token: string,
  ids: string[],
  errors: string[],
): Promise<number> {
  if (ids.length === 0) return 0;
  const parked: { parked: boolean }[] = await db.query(
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
    [ids, errors, policy.retryBaseMs, policy.retryMaxMs, policy.maxAttempts, token],
  );
  return parked.filter((p) => p.parked).length;
}
