import { type DataSource, type Migration, MigrationExecutor } from 'typeorm';

/**
 * The PostgreSQL advisory lock every process of this product takes before migrating: two
 * bigint-sized halves of "rectify-migrations", fixed so every version of the product agrees.
 */
export const MIGRATION_LOCK_KEY = [0x72656374, 0x6d696772] as const;

export interface MigrationLockOptions {
  /** Longest wait for another process's migrations, ms; then `MigrationLockTimeoutError`. */
  maxWaitMs?: number;
  /** How often a waiting process asks for the lock again, ms. */
  pollMs?: number;
  /** Told once when this process has to wait for another one. */
  onWait?: () => void;
}

/** Another process held the migration lock longer than `maxWaitMs`. Code `MIGRATION_LOCK_TIMEOUT`. */
export class MigrationLockTimeoutError extends Error {
  readonly code = 'MIGRATION_LOCK_TIMEOUT';
  constructor(waitedMs: number) {
    super(
      `Another process has been migrating the database for over ${Math.round(waitedMs / 1000)} s ` +
        '(PostgreSQL advisory lock held). Check for a stuck process (pg_locks, locktype = advisory) and start again.',
    );
    this.name = 'MigrationLockTimeoutError';
  }
}

/**
 * Applies pending migrations (each in its own transaction) while holding a session-level
 * PostgreSQL advisory lock, so processes started together on one database migrate one at a
 * time: the first applies them, the others wait and then find nothing pending. Without it,
 * two processes creating the same table race and one dies on a duplicate key in the catalog.
 *
 * The lock and the migrations share one connection, with `statement_timeout` and
 * `lock_timeout` switched off for it (a long migration is not a stuck request); the lock is
 * asked for with `pg_try_advisory_lock` in a loop rather than waited on, so the wait is bounded
 * by `maxWaitMs` (default 10 minutes) and no server timeout cuts it short. The lock ends with
 * the session if the process dies.
 *
 * @returns the migrations applied by this process (empty when another one applied them).
 * @throws MigrationLockTimeoutError when the lock stays taken for `maxWaitMs`; any migration error.
 */
export async function runMigrationsUnderLock(
  dataSource: DataSource,
  options: MigrationLockOptions = {},
): Promise<Migration[]> {
  const maxWaitMs = options.maxWaitMs ?? 10 * 60_000;
  const pollMs = options.pollMs ?? 200;
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(`SET statement_timeout = 0; SET lock_timeout = 0`);
    const started = Date.now();
    let told = false;
    for (;;) {
      const [{ locked }]: { locked: boolean }[] = await runner.query(
        `SELECT pg_try_advisory_lock($1, $2) AS locked`,
        [...MIGRATION_LOCK_KEY],
      );
      if (locked) break;
      if (Date.now() - started >= maxWaitMs) throw new MigrationLockTimeoutError(Date.now() - started);
      if (!told) options.onWait?.();
      told = true;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
    try {
      const executor = new MigrationExecutor(dataSource, runner);
      executor.transaction = 'each';
      return await executor.executePendingMigrations();
    } finally {
      await runner.query(`SELECT pg_advisory_unlock($1, $2)`, [...MIGRATION_LOCK_KEY]);
    }
  } finally {
    // The pool reuses this connection: give it back with the server's usual timeouts.
    await runner.query(`RESET statement_timeout; RESET lock_timeout`).catch(() => undefined);
    await runner.release();
  }
}
