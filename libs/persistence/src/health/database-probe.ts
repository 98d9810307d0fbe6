import { Pool } from 'pg';
import { type DataSource } from 'typeorm';
import { connectionPoolOf, poolFigures, type PoolFigures } from '../data-source/pool-settings';

/** The database as the health check sees it. */
export interface DatabaseReport {
  up: boolean;
  /** The app's own pool: its limit, connections open, idle, and requests waiting for one. */
  pool: PoolFigures | null;
  /** Why it is down: `unreachable` (the server does not answer) or `pool_exhausted`. */
  reason?: 'unreachable' | 'pool_exhausted';
  message?: string;
}

/**
 * Answers whether an app can use its database now, within `boundMs` (default 1 s) whatever
 * happens.
 *
 * Two questions at once: does the server answer `SELECT 1` on the probe's own connection (one
 * connection kept apart from the app's pool, short connect and statement timeouts), and does the
 * app's pool hand out a connection within the bound? The first keeps the health check answering
 * while the app's pool is exhausted; the second keeps it from saying "up" while requests cannot
 * get a connection. A connection obtained from the app's pool is given back at once, even when
 * it arrives after the bound. Call close() when the app shuts down (it ends the probe's connection).
 */
export class DatabaseProbe {
  private probePool: Pool | null = null;

  constructor(private readonly db: DataSource) {}

  /** The report (see DatabaseReport); never rejects, settles within about `boundMs`. */
  async check(boundMs = 1000): Promise<DatabaseReport> {
    const appPool = connectionPoolOf(this.db);
    const pool = poolFigures(this.db);
    if (!appPool) return { up: false, pool, reason: 'unreachable', message: 'the database is not open' };
    const [server, lend] = await Promise.allSettled([
      bounded(this.selectOne(appPool, boundMs), boundMs, `the server gave no answer within ${boundMs} ms`),
      bounded(this.borrow(appPool), boundMs, `the pool gave no connection within ${boundMs} ms`),
    ]);
    if (server.status === 'rejected')
      return { up: false, pool, reason: 'unreachable', message: messageOf(server.reason) };
    if (lend.status === 'rejected')
      return { up: false, pool, reason: 'pool_exhausted', message: messageOf(lend.reason) };
    return { up: true, pool };
  }

  /** Ends the probe's own connection, if it opened one; never rejects. */
  async close(): Promise<void> {
    await this.probePool?.end().catch(() => undefined);
  }

  private async selectOne(appPool: Pool, boundMs: number): Promise<void> {
    this.probePool ??= this.createProbePool(appPool, boundMs);
    await this.probePool.query('SELECT 1');
  }

  /** Takes a connection from the app's pool and gives it straight back. */
  private borrow(appPool: Pool): Promise<void> {
    const lent = appPool.connect();
    // A connection that comes after the bound still goes back to the pool.
    return lent.then((client) => client.release());
  }

  private createProbePool(appPool: Pool, boundMs: number): Pool {
    // The app's address and credentials; its own size and timeouts below.
    const pool = new Pool({
      ...appPool.options,
      max: 1,
      connectionTimeoutMillis: boundMs,
      statement_timeout: boundMs,
      // Kept open, so that the server's connection limit reached later does not lock it out.
      idleTimeoutMillis: 0,
      allowExitOnIdle: true,
    });
    // A lost connection is reported by the next check; it must not crash the app.
    pool.on('error', () => undefined);
    return pool;
  }
}

/** Rejects with `message` when `work` has not settled within `ms`. */
function bounded<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const messageOf = (err: unknown) => (err instanceof Error && err.message ? err.message : String(err));
