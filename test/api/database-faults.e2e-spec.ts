import { Client } from 'pg';
import { CuttableProxy } from '../support/cuttable-proxy';
import { type Answer, type FaultTestApi, startFaultTestApi, waitFor } from '../support/fault-test-api';
import { createTestDatabase } from '../support/test-database';

// Issue 20, points 2 and 4, against the real PostgreSQL server with shortened limits: nothing
// waits for ever (a held row lock, an exhausted pool, an unreachable server, a slow statement),
// and each fault gets an honest answer: 409 RESOURCE_BUSY or 503 DATABASE_UNAVAILABLE with
// Retry-After, never a hang or a 500. Every request below is aborted after 2 s (a failure).
const ITEM_BUSY = '该事项正被其他操作处理，请稍后重试。';
const UNAVAILABLE = '服务暂时不可用（数据库繁忙或正在维护），请稍后重试。';

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

describe('database faults through the API', () => {
  let database: TestDatabase;
  let api: FaultTestApi | undefined;
  let holder: Client | undefined;
  let proxy: CuttableProxy | undefined;

  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    await holder?.end().catch(() => undefined);
    await api?.close();
    await proxy?.close();
    await database.drop();
    [holder, api, proxy] = [undefined, undefined, undefined];
  });

  /** A client of its own that locks the item's row (SELECT … FOR UPDATE) until it ends its transaction. */
  const lockItem = async (itemId: string) => {
    holder = new Client({ connectionString: database.url });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT id FROM rectification_item WHERE id = $1 FOR UPDATE', [itemId]);
    return holder;
  };
  const sessionsWaitingForLock = async () => {
    // A new statistics snapshot: inside the holder's transaction pg_stat_activity would not change.
    await holder!.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await holder!.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    return rows[0].n as number;
  };
  const expectUnavailable = (res: Answer) => {
    expect(res.status).toBe(503);
    expect(res.body).toEqual(expect.objectContaining({ code: 'DATABASE_UNAVAILABLE', message: UNAVAILABLE }));
    expect(res.headers.get('retry-after')).toBe('5');
  };

  it('with a row lock held and twice the pool in transitions sent at the item, health and login answer within 2 s and every transition ends with 409 RESOURCE_BUSY, changing nothing', async () => {
    api = await startFaultTestApi(database.url, {
      DB_POOL_SIZE: '4',
      DB_LOCK_TIMEOUT_MS: '400',
      DB_ACQUIRE_TIMEOUT_MS: '5000',
    });
    const token = (await api.login()).body.accessToken as string;
    const itemId = await api.freshItem();
    await lockItem(itemId);

    const transitions = Array.from({ length: 8 }, () => api!.setMeasures(itemId, token, 10_000));
    // The pool is full: four transitions wait for the lock, four for a connection.
    await waitFor('the pool to be exhausted', () => api!.pool().waiting >= 4);
    const [health, login] = await Promise.all([api.call('GET', '/health'), api.login()]);

    expect(login.status).toBe(200);
    expect(login.body.accessToken).toEqual(expect.any(String));
    expect([200, 503]).toContain(health.status);
    const reported = health.body.info?.database ?? health.body.details.error.database;
    expect(reported.pool).toEqual(expect.objectContaining({ size: 4 }));
    for (const res of await Promise.all(transitions)) {
      expect(res.status).toBe(409);
      expect(res.body).toEqual({
        code: 'RESOURCE_BUSY',
        message: ITEM_BUSY,
        details: { reason: 'lock_timeout' },
      });
    }
    expect(await api.itemVersion(itemId)).toBe(1);

    await holder!.query('ROLLBACK');
    expect((await api.setMeasures(itemId, token)).status).toBe(200);
    expect(await api.itemVersion(itemId)).toBe(2);
  });

  it('with every pooled connection held by a blocked transaction, a list answers 503 with Retry-After once DB_ACQUIRE_TIMEOUT_MS is up, and health says the database is down within 2 s, with the pool figures', async () => {
    api = await startFaultTestApi(database.url, {
      DB_POOL_SIZE: '3',
      DB_LOCK_TIMEOUT_MS: '0', // no lock timeout: the transitions hold their connections
      // Longer than health's own bound: health must not wait for the pool's timeout.
      DB_ACQUIRE_TIMEOUT_MS: '2500',
    });
    const token = (await api.login()).body.accessToken as string;
    const itemId = await api.freshItem();
    await lockItem(itemId);
    const transitions = Array.from({ length: 3 }, () => api!.setMeasures(itemId, token, 15_000));
    await waitFor(
      'three transitions waiting for the lock',
      async () => (await sessionsWaitingForLock()) === 3,
    );

    const [list, health] = await Promise.all([
      api.call('GET', '/items', undefined, token, 4000),
      api.call('GET', '/health'),
    ]);
    expectUnavailable(list);
    expect(list.body.details).toEqual({ reason: 'pool_timeout' });
    expect(health.status).toBe(503);
    expect(health.headers.get('retry-after')).toBe('5');
    expect(health.body.details.error.database).toEqual(
      expect.objectContaining({
        status: 'down',
        reason: 'pool_exhausted',
        pool: expect.objectContaining({ size: 3, total: 3, idle: 0 }),
      }),
    );

    await holder!.query('ROLLBACK');
    const statuses = (await Promise.all(transitions)).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409]); // one wins, the others are told the item changed
    expect((await api.call('GET', '/items', undefined, token)).status).toBe(200);
    expect((await api.call('GET', '/health')).status).toBe(200);
  });

  it('while the database cannot be reached, a list answers 503 with Retry-After and health says down within 2 s; once it is back, both succeed without a restart', async () => {
    const server = new URL(database.url);
    proxy = await CuttableProxy.start({ host: server.hostname, port: Number(server.port) });
    api = await startFaultTestApi(proxy.routeUrl(database.url), { DB_ACQUIRE_TIMEOUT_MS: '1000' });
    const token = (await api.login()).body.accessToken as string;
    expect((await api.call('GET', '/items', undefined, token)).status).toBe(200);

    proxy.cut();
    const [list, health] = await Promise.all([
      api.call('GET', '/items', undefined, token),
      api.call('GET', '/health'),
    ]);
    expectUnavailable(list);
    expect(health.status).toBe(503);
    expect(health.headers.get('retry-after')).toBe('5');
    expect(health.body.details.error.database).toEqual(
      expect.objectContaining({ status: 'down', reason: 'unreachable' }),
    );

    proxy.restore();
    expect((await api.call('GET', '/items', undefined, token)).status).toBe(200);
    const back = await api.call('GET', '/health');
    expect(back.status).toBe(200);
    expect(back.body.info.database.status).toBe('up');
  });

  it('ends a statement that runs past DB_STATEMENT_TIMEOUT_MS with 503, changing nothing, instead of hanging', async () => {
    api = await startFaultTestApi(database.url, { DB_STATEMENT_TIMEOUT_MS: '500' });
    const token = (await api.login()).body.accessToken as string;
    const itemId = await api.freshItem();
    // Every update of an item now takes 5 s: a slow disk, a runaway trigger.
    await api.db.query(`
      CREATE FUNCTION slow_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(5); RETURN NEW; END $$;
      CREATE TRIGGER slow_update BEFORE UPDATE ON rectification_item FOR EACH ROW EXECUTE FUNCTION slow_update();`);

    const res = await api.setMeasures(itemId, token);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(res.body).toEqual(
      expect.objectContaining({ code: 'DATABASE_UNAVAILABLE', details: { reason: 'statement_timeout' } }),
    );
    expect(res.body.message).toContain('数据库处理超时');
    expect(await api.itemVersion(itemId)).toBe(1);

    await api.db.query(`DROP TRIGGER slow_update ON rectification_item`);
    expect((await api.setMeasures(itemId, token)).status).toBe(200);
  });
});
