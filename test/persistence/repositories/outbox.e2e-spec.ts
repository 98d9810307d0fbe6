import { randomUUID } from 'node:crypto';
import { type Database, type OutboxPolicy, PgOutboxRepository } from '@rectify/persistence';
import {
  REMINDER_BACKENDS,
  type ReminderWorld,
  seedReminderWorld,
} from '../../support/reminder-repository-fixture';

const POLICY: OutboxPolicy = {
  batchSize: 2,
  leaseMs: 60_000,
  maxAttempts: 2,
  retryBaseMs: 60_000,
  retryMaxMs: 120_000,
};

describe.each(REMINDER_BACKENDS)('outbox on %s', (_name, open) => {
  let db: Database;
  let close: () => Promise<void>;
  let w: ReminderWorld;
  let repo: PgOutboxRepository;
  beforeAll(async () => {
    ({ db, close } = await open());
  });
  afterAll(() => close());
  // Each test sees its own rows only (the database is the describe's own).
  beforeEach(async () => {
    await db.dataSource.query(`DELETE FROM outbox`);
    w = await seedReminderWorld(db);
    repo = new PgOutboxRepository(db.dataSource);
  });

  /** Outbox rows as a transition writes them; their ids in order. */
  const add = async (...itemIds: string[]): Promise<string[]> => {
    const ids: string[] = [];
    for (const itemId of itemIds) {
      const [row] = await db.dataSource.query(
        `INSERT INTO outbox (item_id, reason) VALUES ($1, 'SET_MEASURES') RETURNING id::text AS id`,
        [itemId],
      );
      ids.push(row.id);
    }
    return ids;
  };
  const row = async (id: string) =>
    (
      await db.dataSource.query(
        `SELECT attempts, claim_token, last_error, failed_at, next_attempt_at > now() AS backing_off
           FROM outbox WHERE id = $1`,
        [id],
      )
    )[0];

  it('claims due rows by id, up to the batch size, each once while its lease holds, counting an attempt', async () => {
    const ids = await add(w.items.owned, w.items.unowned, w.items.other);
    const first = await repo.claim(POLICY);
    expect(first.rows).toEqual([
      { id: ids[0], itemId: w.items.owned, historyId: null },
      { id: ids[1], itemId: w.items.unowned, historyId: null },
    ]);
    const second = await repo.claim(POLICY);
    expect(second.rows).toEqual([{ id: ids[2], itemId: w.items.other, historyId: null }]);
    expect(second.token).not.toBe(first.token);
    expect((await repo.claim(POLICY)).rows).toEqual([]);
    expect(await row(ids[0])).toMatchObject({ attempts: 1, claim_token: first.token });
  });

  it('never gives one row to two claims made at the same time', async () => {
    await add(w.items.owned, w.items.unowned, w.items.other, w.items.longTerm);
    const claims = await Promise.all([1, 2, 3].map(() => repo.claim({ ...POLICY, batchSize: 4 })));
    const claimed = claims.flatMap((c) => c.rows.map((r) => r.id));
    expect(claimed).toHaveLength(4);
    expect(new Set(claimed).size).toBe(4);
  });

  it("deletes and releases only the claim's own rows; a released row is claimed again, its attempt not counted", async () => {
    const ids = await add(w.items.owned, w.items.unowned);
    const { token } = await repo.claim(POLICY);
    await repo.deleteRelayed(randomUUID(), ids);
    await repo.release(randomUUID(), ids);
    expect(await row(ids[0])).toMatchObject({ attempts: 1, claim_token: token });
    await repo.deleteRelayed(token, [ids[0]]);
    await repo.release(token, [ids[1]]);
    expect(await row(ids[0])).toBeUndefined();
    expect(await row(ids[1])).toMatchObject({ attempts: 0, claim_token: null });
    expect((await repo.claim(POLICY)).rows.map((r) => r.id)).toEqual([ids[1]]);
  });

  it('backs a failed row off before its next attempt, and parks it after its last', async () => {
    const [id] = await add(w.items.owned);
    const first = await repo.claim(POLICY);
    expect(await repo.recordFailures(POLICY, first.token, [{ id, error: '整改时限超出允许范围' }])).toBe(0);
    expect(await row(id)).toMatchObject({
      attempts: 1,
      claim_token: null,
      failed_at: null,
      backing_off: true,
    });
    expect((await repo.claim(POLICY)).rows).toEqual([]);
    expect(await repo.figures()).toEqual({ waiting: 1, retrying: 1, failed: 0 });

    await db.dataSource.query(`UPDATE outbox SET next_attempt_at = now() WHERE id = $1`, [id]);
    const second = await repo.claim(POLICY);
    expect(await repo.recordFailures(POLICY, second.token, [{ id, error: '仍然超出' }])).toBe(1);
    expect((await row(id)).failed_at).not.toBeNull();
    expect(await repo.figures()).toEqual({ waiting: 0, retrying: 0, failed: 1 });
    expect(await repo.unrelayedItemIds()).toEqual([]);
  });

  it('parks a row whose lease ran out after its last attempt (the relay died on it), with a reason', async () => {
    const [id] = await add(w.items.owned);
    await db.dataSource.query(
      `UPDATE outbox SET attempts = 2, claimed_until = now() - interval '1 second' WHERE id = $1`,
      [id],
    );
    expect((await repo.claim(POLICY)).rows).toEqual([]);
    expect(await row(id)).toMatchObject({ last_error: expect.stringContaining('处理中断次数过多') });
    expect((await row(id)).failed_at).not.toBeNull();
  });

  it('gives an unschedulable item one row, whether it has a waiting or a parked one already', async () => {
    await add(w.items.other);
    await repo.addUnschedulable([w.items.owned, w.items.other]);
    await repo.addUnschedulable([w.items.owned]);
    expect((await repo.unrelayedItemIds()).sort()).toEqual([w.items.owned, w.items.other].sort());
    const reasons = await db.dataSource.query(`SELECT item_id, reason FROM outbox ORDER BY id`);
    expect(reasons).toEqual([
      { item_id: w.items.other, reason: 'SET_MEASURES' },
      { item_id: w.items.owned, reason: 'SWEEP_UNSCHEDULABLE' },
    ]);
  });

  it("lists failed rows in the person's scope, newest first, by state; rows that never failed are not listed", async () => {
    const ids = await add(w.items.owned, w.items.other, w.items.unowned);
    const { token } = await repo.claim({ ...POLICY, batchSize: 3 });
    await repo.recordFailures({ ...POLICY, maxAttempts: 1 }, token, [{ id: ids[0], error: '甲' }]);
    await repo.recordFailures(POLICY, token, [{ id: ids[1], error: '乙' }]);
    const list = (scope: Parameters<typeof repo.searchFailures>[0], state?: 'parked' | 'retrying') =>
      repo.searchFailures(scope, { limit: 10, state });
    expect((await list(w.people.parentSup)).map((r) => [r.id, r.state])).toEqual([
      [ids[1], 'retrying'],
      [ids[0], 'parked'],
    ]);
    expect((await list(w.people.sec)).map((r) => r.id)).toEqual([ids[0]]);
    expect((await list('operator', 'retrying')).map((r) => r.id)).toEqual([ids[1]]);
    const [parked] = await list('operator', 'parked');
    expect(parked).toMatchObject({
      itemId: w.items.owned,
      itemTitle: `有责任人的问题-${w.tag}`,
      organisationName: w.orgs.branch.name,
      reason: 'SET_MEASURES',
      attempts: 1,
      lastError: '甲',
      nextAttemptAt: null,
    });
    expect(parked.failedAt).not.toBeNull();
    const [retrying] = await list('operator', 'retrying');
    expect(retrying.nextAttemptAt).not.toBeNull();
  });
});
