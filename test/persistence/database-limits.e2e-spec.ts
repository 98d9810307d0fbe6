import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { classifyDatabaseError, connectionPoolOf, openDatabase } from '@rectify/persistence';
import { openMemoryDatabase } from '../support/memory-database';
import { createTestDatabase } from '../support/test-database';

// The database limits (DB_STATEMENT_TIMEOUT_MS, DB_LOCK_TIMEOUT_MS, DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
// DB_ACQUIRE_TIMEOUT_MS, DB_POOL_SIZE) as every process that opens the database gets them.
type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

/** The session's timeouts, asked one after the other on one connection. */
async function settings(query: (sql: string) => Promise<Record<string, string>[]>) {
  const values: Record<string, string> = {};
  for (const name of ['statement_timeout', 'lock_timeout', 'idle_in_transaction_session_timeout', 'jit'])
    values[name] = (await query(`SHOW ${name}`))[0][name];
  return values;
}

describe('database limits', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('gives every session of a server pool the default timeouts when none are configured', async () => {
    const db = await openDatabase({ databaseUrl: database.url });
    try {
      expect(await settings((sql) => db.dataSource.query(sql))).toEqual({
        statement_timeout: '30s',
        lock_timeout: '2s',
        idle_in_transaction_session_timeout: '1min',
        // Off for the product's short statements (see serverPoolSettings).
        jit: 'off',
      });
      expect(connectionPoolOf(db.dataSource)?.options).toEqual(
        expect.objectContaining({ max: 20, connectionTimeoutMillis: 5000 }),
      );
    } finally {
      await db.close();
    }
  });

  it('applies configured limits to every session, and a statement past its timeout fails as unavailable instead of running on', async () => {
    const db = await openDatabase({
      databaseUrl: database.url,
      limits: {
        statementTimeoutMs: 300,
        lockTimeoutMs: 200,
        idleInTransactionTimeoutMs: 5000,
        acquireTimeoutMs: 1500,
        poolSize: 3,
      },
    });
    try {
      // Two sessions at once: each started with the limits, not only the first.
      const runners = [db.dataSource.createQueryRunner(), db.dataSource.createQueryRunner()];
      for (const runner of runners) {
        await runner.connect();
        expect(await settings((sql) => runner.query(sql))).toEqual({
          statement_timeout: '300ms',
          lock_timeout: '200ms',
          jit: 'off',
          idle_in_transaction_session_timeout: '5s',
        });
      }
      await Promise.all(runners.map((r) => r.release()));
      const slow = await db.dataSource.query('SELECT pg_sleep(5)').catch((err: unknown) => err);
      expect(classifyDatabaseError(slow)).toEqual({ kind: 'unavailable', reason: 'statement_timeout' });
    } finally {
      await db.close();
    }
  });

  it('gives the embedded database only the acquire timeout: PGlite cannot keep the server-side ones', async () => {
    const db = await openMemoryDatabase();
    try {
      const options = connectionPoolOf(db.dataSource)?.options;
      expect(options).toEqual(expect.objectContaining({ max: 8, connectionTimeoutMillis: 5000 }));
      // An idle_in_transaction_session_timeout that fires ends PGlite's process (measured): never sent.
      expect(options).not.toHaveProperty('idle_in_transaction_session_timeout');
      expect(options).not.toHaveProperty('statement_timeout');
      expect(await db.dataSource.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
    }
  });

  it('has the command line say in Chinese that the database cannot be reached now, exiting 75 without a stack trace', () => {
    const run = spawnSync(
      process.execPath,
      [join(resolve(__dirname, '../..'), 'bin/rectify.js'), 'orgs', 'add', '某党支部'],
      { encoding: 'utf8', env: { ...process.env, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/rectify' } },
    );
    expect(run.status).toBe(75);
    expect(run.stderr).toBe(
      'rectify: 数据库暂时不可用（unreachable：数据库繁忙、无法连接或正在维护），请稍后重试。\n',
    );
  });
});
