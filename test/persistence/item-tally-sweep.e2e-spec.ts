import { type DataSource } from 'typeorm';
import { transitionItem } from '../support/item-commands';
import { importProblems, seedReminderTree } from '../support/reminder-fixture';
import { ReminderHarness } from '../support/reminder-worker';
import { waitFor } from '../support/smtp-test-server';

jest.setTimeout(120_000);

/** Rows of the subtree counts (事项计数) and the keys they hold. */
async function tallyShape(db: DataSource) {
  const [shape]: { rows: number; keys: number; items: number }[] = await db.query(
    `SELECT count(*)::int AS rows,
            count(DISTINCT (organisation_id, status, year))::int AS keys,
            coalesce(sum(n) FILTER (WHERE organisation_id IN (SELECT id FROM organisation WHERE parent_id IS NULL)), 0)::int AS items
       FROM item_tally`,
  );
  return shape;
}

// The worker's sweep folds the deltas the items' writes appended into one row a key, and the
// counts stay what they were.
describe("the worker's sweep and the subtree counts", () => {
  let h: ReminderHarness;

  beforeEach(async () => {
    h = new ReminderHarness();
    await h.start();
  });
  afterEach(() => h.stop());

  it('folds every key into one row', async () => {
    const db = h.db.dataSource;
    const tree = await seedReminderTree(db);
    const items = await importProblems(db, tree, 3);
    for (const itemId of items.slice(0, 2)) {
      await transitionItem(db, {
        itemId,
        event: 'SET_MEASURES',
        payload: { measures: [{ title: '建立制度', responsible: '王五', deadline: '2025-06-30' }] },
        actorUserId: tree.owner.id,
      });
    }
    const before = await tallyShape(db);
    expect(before.rows).toBeGreaterThan(before.keys);
    expect(before.items).toBe(3);

    await h.startWorker('2024-11-12T10:00:00+08:00', { SWEEP_EVERY_SECONDS: '1' });
    await waitFor('the counts folded', async () => {
      const now = await tallyShape(db);
      return now.rows === now.keys;
    });
    expect((await tallyShape(db)).items).toBe(3);
  });
});
