import { resolve } from 'node:path';
import { authenticate, DEMO_PASSWORD, listItems, seedDemoData } from '@rectify/application';
import { openDatabase, type Database } from '@rectify/persistence';

const SEEDS = resolve(__dirname, '../../../shared/seeds');

describe('demo data', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase({ dataDir: 'memory://' });
  });
  afterAll(() => db.close());

  it('seeds the tree, a user per role and the example reports, and is safe to run again', async () => {
    const first = await seedDemoData(db.dataSource, SEEDS);
    expect(first.reportsImported).toBe(5);
    expect(first.itemsCreated).toBe(14);
    const again = await seedDemoData(db.dataSource, SEEDS);
    expect(again.reportsImported).toBe(0);
    expect(again.skippedReports).toHaveLength(5);
    const all = await listItems(db.dataSource, { organisationName: '青石镇党委' });
    expect(all).toHaveLength(14);
    const branch = await listItems(db.dataSource, { organisationName: '青石村第一党支部' });
    expect(branch.map((i) => i.title)).toEqual([
      '落实党内政治生活制度有差距',
      '开展“主题教育”不平衡',
      '督查问责不够有力',
    ]);
    // Measures with deadlines around today, so the worker has reminders to send at once.
    expect(branch.map((i) => i.status)).toEqual(['measures_set', 'measures_set', 'measures_set']);
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM outbox`);
    expect(n).toBe(3);
    for (const username of first.users) {
      expect((await authenticate(db.dataSource, username, DEMO_PASSWORD)).username).toBe(username);
    }
  });
});
