import { randomUUID } from 'node:crypto';
import { type Database, PgReportQueriesRepository, PgTrackedItemsRepository } from '@rectify/persistence';
import { mayOnOrganisation, type ReadScope } from '@rectify/workflow';
import {
  REPOSITORY_BACKENDS,
  type ScopeTreeOrganisation,
  scopesOver,
  seedScopeTree,
} from '../../support/scope-tree-fixture';

describe.each(REPOSITORY_BACKENDS)('closing-loop and report reads on %s', (_name, open) => {
  const tag = randomUUID().slice(0, 8);
  let db: Database;
  let tracked: PgTrackedItemsRepository;
  let reports: PgReportQueriesRepository;
  let orgs: ScopeTreeOrganisation[];
  let scopes: [string, ReadScope][];

  beforeAll(async () => {
    db = await open();
    tracked = new PgTrackedItemsRepository(db.dataSource);
    reports = new PgReportQueriesRepository(db.dataSource);
    orgs = await seedScopeTree(db, tag);
    scopes = scopesOver(orgs);
  });
  afterAll(() => db?.close());

  const readable = (scope: ReadScope) =>
    orgs.filter((o) => mayOnOrganisation(scope === 'operator' ? null : scope, 'READ', o.path));

  it('loads the tracked items, organisations and reports each role and organisation may read', async () => {
    const root = orgs[0];
    for (const [who, scope] of scopes) {
      const expected = readable(scope);
      const items = await tracked.load(scope, { organisation: root, subtree: true, problemYear: 2024 });
      const below = await tracked.organisationsBelow(scope, root.path);
      const listed = (await reports.list(scope)).filter((r) => orgs.some((o) => o.reportId === r.id));
      expect({
        who,
        items: items.map((i) => i.id).sort(),
        organisations: below.map((o) => o.id).sort(),
        reports: listed.map((r) => r.id).sort(),
      }).toEqual({
        who,
        items: expected.map((o) => o.itemId).sort(),
        organisations: expected.map((o) => o.id).sort(),
        reports: expected.map((o) => o.reportId).sort(),
      });
      for (const org of orgs) {
        const visible = expected.includes(org);
        expect({
          who,
          org: org.name,
          report: (await reports.findReport(scope, org.reportId))?.id ?? null,
        }).toEqual({
          who,
          org: org.name,
          report: visible ? org.reportId : null,
        });
        expect((await reports.findText(scope, org.reportId))?.text ?? null).toBe(
          visible ? `${org.name}的报告` : null,
        );
        expect((await tracked.problemsOfYear(scope, org.id, 2024)).map((p) => p.id)).toEqual(
          visible ? [org.itemId] : [],
        );
      }
    }
  });

  it('counts the overdue items at each month end within the scope', async () => {
    const root = orgs[0];
    const query = { organisationPath: root.path, asOf: '2025-02-10', months: 2 };
    // Items entered by hand have no history: they count as identified with their current deadline.
    expect(await tracked.overdueCounts('operator', query)).toEqual([
      { month: '2025-01', overdue: 0 },
      { month: '2025-02', overdue: 4 },
    ]);
    const secretary = scopes.find(([who]) => who === 'secretary of 一支部')?.[1] as ReadScope;
    expect(await tracked.overdueCounts(secretary, query)).toEqual([
      { month: '2025-01', overdue: 0 },
      { month: '2025-02', overdue: 1 },
    ]);
  });
});
