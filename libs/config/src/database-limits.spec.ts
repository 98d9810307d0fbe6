import { DATABASE_LIMITS_ENV, databaseLimitsOf, DEFAULT_DATABASE_LIMITS } from './database-limits';
import { ConfigError, readEnv } from './env-schema';

const read = (env: NodeJS.ProcessEnv) => databaseLimitsOf(readEnv(DATABASE_LIMITS_ENV, env));

describe('database limits from the environment', () => {
  it('bounds every wait by default: 30 s a statement, 2 s a lock, 60 s idle in a transaction, 5 s for a connection, 20 connections', () => {
    expect(read({})).toEqual({
      statementTimeoutMs: 30_000,
      lockTimeoutMs: 2_000,
      idleInTransactionTimeoutMs: 60_000,
      acquireTimeoutMs: 5_000,
      poolSize: 20,
    });
    expect(read({})).toEqual(DEFAULT_DATABASE_LIMITS);
  });

  it('reads each variable, 0 leaving a server-side timeout to the server', () => {
    expect(
      read({
        DB_STATEMENT_TIMEOUT_MS: '0',
        DB_LOCK_TIMEOUT_MS: '300',
        DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '0',
        DB_ACQUIRE_TIMEOUT_MS: '800',
        DB_POOL_SIZE: '4',
      }),
    ).toEqual({
      statementTimeoutMs: 0,
      lockTimeoutMs: 300,
      idleInTransactionTimeoutMs: 0,
      acquireTimeoutMs: 800,
      poolSize: 4,
    });
  });

  it('refuses a pool of no connections, no acquire wait, or a timeout that is not a whole number, naming each variable', () => {
    let error: unknown;
    try {
      read({ DB_POOL_SIZE: '0', DB_ACQUIRE_TIMEOUT_MS: '0', DB_LOCK_TIMEOUT_MS: '2s' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'DB_LOCK_TIMEOUT_MS="2s" must be a whole number, 0 or more.',
      'DB_ACQUIRE_TIMEOUT_MS="0" must be a positive integer.',
      'DB_POOL_SIZE="0" must be a positive integer.',
    ]);
  });
});
