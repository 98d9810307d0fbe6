import { resolve } from 'node:path';
import {
  AuthenticateUseCase,
  DEMO_PASSWORD,
  ListItemsUseCase,
  ReconcileStoredReportUseCase,
  SeedDemoDataUseCase,
} from '@rectify/application';
import { createRepositories, type Database } from '@rectify/persistence';
import { openMemoryDatabase } from '../support/memory-database';

const SEEDS = resolve(__dirname, '../../../shared/seeds');

describe('demo data', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openMemoryDatabase();
  });
  afterAll(() => db.close());
  const listItems = (query: { organisationName: string }) => {
    const { organisations, itemQueries } = createRepositories(db.dataSource);
    return new ListItemsUseCase(organisations, itemQueries).execute(query);
  };

  it('seeds the tree, a user per role and the example reports, and is safe to run again', async () => {
    const seed = () =>
      new SeedDemoDataUseCase(createRepositories(db.dataSource)).execute({ reportsDir: SEEDS });
    const first = await seed();
    expect(first.reportsImported).toBe(6);
    expect(first.itemsCreated).toBe(17);
    const again = await seed();
    expect(again.reportsImported).toBe(0);
    expect(again.skippedReports).toHaveLength(6);
    const all = await listItems({ organisationName: '青石镇党委' });
    expect(all).toHaveLength(17);
    const branch = await listItems({ organisationName: '青石村第一党支部' });
    expect(branch.map((i) => i.title)).toEqual([
      '落实党内政治生活制度有差距',
      '开展“主题教育”不平衡',
      '督查问责不够有力',
    ]);
    // Measures with deadlines around today, so the worker has reminders to send at once.
    expect(branch.map((i) => i.status)).toEqual(['measures_set', 'measures_set', 'measures_set']);
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM outbox`);
    // …and three more from the general branch's 2023 item that was worked and signed off.
    expect(n).toBe(6);
    // The general branch's 2024 report shows the loop closing: one overstated claim, one item
    // left out, one problem repeated from 2023.
    const [report] = await db.dataSource.query(`SELECT id FROM report WHERE year = 2024`);
    const check = await new ReconcileStoredReportUseCase(createRepositories(db.dataSource)).execute({
      reportId: report.id,
    });
    expect(check.reconciliation.findings.map((f) => f.kind)).toEqual([
      'claim_disagrees',
      'item_omitted',
      'problem_recurs',
    ]);
    for (const username of first.users) {
      const users = createRepositories(db.dataSource).users;
      expect(
        (await new AuthenticateUseCase(users).execute({ username, password: DEMO_PASSWORD })).username,
      ).toBe(username);
    }
  });
});
