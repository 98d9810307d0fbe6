import { type DatabaseLimits } from '@rectify/config';
import { type Pool } from 'pg';
import { type DataSource } from 'typeorm';

/** Connections of the embedded database's pool: PGlite runs one statement at a time anyway. */
export const EMBEDDED_POOL_SIZE = 8;

/**
 * The `pg` pool settings (TypeORM `extra`) for a PostgreSQL server: the server-side timeouts go
 * into each connection's startup packet, so they hold for every session of the pool and
 * `RESET` returns to them. 0 leaves a timeout to the server's own setting.
 *
 * JIT compilation is off for the product's sessions: our statements are short, and the planner's
 * cost guesses (past `jit_above_cost`) made it compile some first. The 市 summary took 163 ms
 * with it and 126–134 ms without (bench/summary-timing.ts, 1,000,000 items); one import's
 * recurrence links spent 10 ms compiling a 2 ms insert.
 */
export function serverPoolSettings(limits: DatabaseLimits) {
  return {
    options: '-c jit=off',
    max: limits.poolSize,
    connectionTimeoutMillis: limits.acquireTimeoutMs,
    statement_timeout: limits.statementTimeoutMs,
    lock_timeout: limits.lockTimeoutMs,
    idle_in_transaction_session_timeout: limits.idleInTransactionTimeoutMs,
  };
}

/**
 * The `pg` pool settings for the embedded database (PGlite behind our socket): only the acquire
 * timeout. Measured with PGlite 0.5: it ignores timeouts in the startup packet (`SHOW` says 0);
 * a `SET statement_timeout` is taken but never fires (`pg_sleep(2)` ran to the end); a `SET
 * idle_in_transaction_session_timeout` that fires ends the whole Node process without a word.
 * And with one session there is no lock to wait for: connections queue in our session queue.
 */
export function embeddedPoolSettings(limits: DatabaseLimits) {
  return { max: EMBEDDED_POOL_SIZE, connectionTimeoutMillis: limits.acquireTimeoutMs };
}

/** How a process's connection pool is doing: `size` its limit, the rest pg-pool's counters. */
export interface PoolFigures {
  size: number;
  /** Connections open, idle or lent out. */
  total: number;
  idle: number;
  /** Requests waiting for a connection. */
  waiting: number;
}

/** The `pg` pool behind a TypeORM data source, or null before it is initialised. */
export function connectionPoolOf(dataSource: DataSource): Pool | null {
  if (!dataSource.isInitialized) return null;
  return ((dataSource.driver as unknown as { master?: Pool }).master ?? null) as Pool | null;
}

/** The pool's figures (see PoolFigures), or null before the data source is initialised. */
export function poolFigures(dataSource: DataSource): PoolFigures | null {
  const pool = connectionPoolOf(dataSource);
  if (!pool) return null;
  return {
    size: pool.options.max ?? 10,
    total: pool.totalCount,
    idle: pool.idleCount,
    waiting: pool.waitingCount,
  };
}
