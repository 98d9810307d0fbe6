import { nonNegativeInt, positiveInt } from './env-schema';

/**
 * How long any database work may wait, for every process that opens the database (API, worker,
 * standalone, CLI). Milliseconds; 0 switches a server-side timeout off.
 */
export interface DatabaseLimits {
  /** PostgreSQL `statement_timeout`: a statement running longer is cancelled (SQLSTATE 57014). */
  statementTimeoutMs: number;
  /** PostgreSQL `lock_timeout`: waiting longer for a row or table lock fails (SQLSTATE 55P03). */
  lockTimeoutMs: number;
  /** PostgreSQL `idle_in_transaction_session_timeout`: a session idle inside a transaction this long is ended. */
  idleInTransactionTimeoutMs: number;
  /** The pool's wait for a free connection, or to open a new one (pg-pool `connectionTimeoutMillis`). */
  acquireTimeoutMs: number;
  /** Connections each process keeps at most to a PostgreSQL server. */
  poolSize: number;
}

/**
 * The defaults. A transition or an evidence upload holds a row lock for milliseconds, so a wait
 * of 2 s means something is stuck (a held `FOR UPDATE`): the request is told the item is busy
 * instead of holding a pooled connection, and a burst at one locked item drains the pool in
 * waves of 2 s. The acquire timeout is longer than the lock timeout, so requests queued behind
 * lock-blocked ones are delayed rather than failed. 30 s per statement stays under the 60 s a
 * reverse proxy usually waits, so the API answers before the proxy gives up.
 */
export const DEFAULT_DATABASE_LIMITS: DatabaseLimits = {
  statementTimeoutMs: 30_000,
  lockTimeoutMs: 2_000,
  idleInTransactionTimeoutMs: 60_000,
  acquireTimeoutMs: 5_000,
  poolSize: 20,
};

/** The environment variables of `DatabaseLimits`, to spread into an app's `readEnv` schema. */
export const DATABASE_LIMITS_ENV = {
  DB_STATEMENT_TIMEOUT_MS: nonNegativeInt(DEFAULT_DATABASE_LIMITS.statementTimeoutMs),
  DB_LOCK_TIMEOUT_MS: nonNegativeInt(DEFAULT_DATABASE_LIMITS.lockTimeoutMs),
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: nonNegativeInt(DEFAULT_DATABASE_LIMITS.idleInTransactionTimeoutMs),
  DB_ACQUIRE_TIMEOUT_MS: positiveInt(DEFAULT_DATABASE_LIMITS.acquireTimeoutMs),
  DB_POOL_SIZE: positiveInt(DEFAULT_DATABASE_LIMITS.poolSize),
};

type DatabaseLimitsEnv = { [K in keyof typeof DATABASE_LIMITS_ENV]: number };

/** The limits out of a configuration read with `DATABASE_LIMITS_ENV`. */
export function databaseLimitsOf(config: DatabaseLimitsEnv): DatabaseLimits {
  return {
    statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
    lockTimeoutMs: config.DB_LOCK_TIMEOUT_MS,
    idleInTransactionTimeoutMs: config.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    acquireTimeoutMs: config.DB_ACQUIRE_TIMEOUT_MS,
    poolSize: config.DB_POOL_SIZE,
  };
}
