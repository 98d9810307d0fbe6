import { randomUUID } from 'node:crypto';
import { RECTIFICATION_STATUSES } from '@rectify/domain';
import {
  type Database,
  type ItemSearchCriteria,
  PAGE_WALK_ROWS,
  PgItemQueriesRepository,
} from '@rectify/persistence';
import { readReach, type ReadScope } from '@rectify/workflow';
import { type DataSource } from 'typeorm';
import {
  REPOSITORY_BACKENDS,
  type ScopeTreeOrganisation,
  scopesOver,
  seedScopeTree,
} from '../../support/scope-tree-fixture';

/**
 * A page is first looked for among the newest items, of its status when it has one
 * (walkedPageIds), read from a listing index alone or, for filters it does not carry, with each
 * item's row; when they do not hold the page, the matching items are sorted. Whatever the walk's
 * length, every page equals the page read without a walk: same rows, same order, same total.
 */
describe.each(REPOSITORY_BACKENDS)('pages walked among the newest items on %s', (_name, open) => {
  const tag = randomUUID().slice(0, 8);
  let db: Database;
  let orgs: ScopeTreeOrganisation[];
  let scopes: [string, ReadScope][];
  const statements: string[] = [];
  /** The repository over a DataSource whose statements are recorded. */
  const repository = (pageWalkRows: number) =>
    new PgItemQueriesRepository(
      new Proxy(db.dataSource, {
        get(target, key, receiver) {
          if (key !== 'query') return Reflect.get(target, key, receiver) as unknown;
          return (sql: string, params?: unknown[]) => {
            statements.push(sql);
            return target.query(sql, params);
          };
        },
      }) as DataSource,
      { pageWalkRows },
    );

  beforeAll(async () => {
    db = await open();
    orgs = await seedScopeTree(db, tag);
    // 一支部 (third) busy and recent; 二支部 (fourth) few items and old; the 党委 and 党总支 some
    // of each; every status. Ties in created_at (pairs) put seq in charge; one item withdrawn.
    await db.dataSource.query(
      `INSERT INTO rectification_item (organisation_id, year, seq, title, detail, source, status, version,
                                       created_at, withdrawn_at, withdraw_reason)
       SELECT CASE WHEN n % 10 < 6 THEN $3::uuid WHEN n % 10 < 8 THEN $1::uuid WHEN n % 10 < 9 THEN $2::uuid
                   ELSE $4::uuid END,
              CASE WHEN n % 3 = 0 THEN 2023 ELSE 2024 END, 100 + n, '问题 ' || n || ' ' || $5, '',
              'superior_review', ($6::text[])[1 + n % 5], 1,
              CASE WHEN n % 10 = 9 THEN timestamptz '2023-01-01' + n * interval '1 hour'
                   ELSE timestamptz '2024-06-01' + (n / 2) * interval '1 hour' END,
              CASE WHEN n = 11 THEN now() END, CASE WHEN n = 11 THEN '重复' END
         FROM generate_series(1, 80) AS n`,
      [...orgs.map((o) => o.id), tag, RECTIFICATION_STATUSES],
    );
    scopes = scopesOver(orgs).filter(([, scope]) => scope !== 'operator' && !readReach(scope).everything);
  });
  afterAll(() => db?.close());

  const read = async (
    repo: PgItemQueriesRepository,
    scope: ReadScope,
    criteria: Partial<ItemSearchCriteria>,
  ) => {
    const outcome = await repo.search(scope, { page: 1, pageSize: 2, today: '2025-03-01', ...criteria });
    if (outcome.kind !== 'page') throw new Error(outcome.kind);
    return { total: outcome.total, ids: outcome.rows.map((r) => r.id) };
  };

  it('gives every page as the sort without a walk does, however long the walk', async () => {
    const plain = repository(0);
    const walks = [3, 25, PAGE_WALK_ROWS].map(repository);
    const asked: [ReadScope, Partial<ItemSearchCriteria>][] = [];
    for (const status of [...RECTIFICATION_STATUSES, undefined]) {
      for (const page of [1, 2, 3]) {
        for (const org of orgs) {
          const at = { status, page, organisationId: org.id };
          asked.push(
            ['operator', at],
            ['operator', { ...at, subtree: false }],
            ['operator', { ...at, year: 2024 }],
          );
        }
        if (page < 3) for (const [, scope] of scopes) asked.push([scope, { status, page }]);
      }
      asked.push(['operator', { status, organisationId: orgs[0].id, pageSize: 5, page: 2 }]);
      // Filters the index does not carry: each walked item's row is read.
      for (const other of [
        { text: tag },
        { source: 'superior_review' },
        { overdue: true },
        { overdue: false },
        { recurring: false },
      ])
        for (const page of [1, 2])
          asked.push(['operator', { status, page, organisationId: orgs[0].id, ...other }]);
      for (const stage of ['open', 'long_term', 'completed'] as const)
        for (const page of [1, 2]) {
          asked.push(['operator', { status, stage, page, organisationId: orgs[0].id }]);
          asked.push(['operator', { status, stage, page, organisationId: orgs[3].id }]);
        }
    }
    let pagesWithRows = 0;
    for (const [scope, criteria] of asked) {
      const expected = await read(plain, scope, criteria);
      if (expected.ids.length > 0) pagesWithRows++;
      for (const repo of walks)
        expect([criteria, await read(repo, scope, criteria)]).toEqual([criteria, expected]);
    }
    // The data makes both outcomes of the walk happen: pages it holds and pages it does not.
    expect(pagesWithRows).toBeGreaterThan(100);
  });

  it('walks among the items not withdrawn, within its length', async () => {
    const walk = repository(8);
    const walked = async (criteria: Partial<ItemSearchCriteria>) => {
      statements.length = 0;
      await read(walk, 'operator', { organisationId: orgs[0].id, ...criteria });
      return statements.some((sql) => sql.includes('WITH hit AS'));
    };
    expect(await walked({ status: 'completed' })).toBe(true);
    expect(await walked({ status: 'completed', year: 2024, subtree: false })).toBe(true);
    expect(await walked({ status: 'completed', page: 4 })).toBe(true); // 4 × 2 rows ≤ 8
    expect(await walked({ status: 'completed', page: 5 })).toBe(false);
    expect(await walked({})).toBe(true);
    expect(await walked({ stage: 'open' })).toBe(true);
    expect(await walked({ page: 5 })).toBe(false);
    expect(await walked({ status: 'completed', text: tag })).toBe(true);
    expect(await walked({ status: 'completed', overdue: true })).toBe(true);
    expect(await walked({ status: 'completed', recurring: false })).toBe(true);
    expect(await walked({ status: 'completed', source: 'superior_review' })).toBe(true);
    expect(await walked({ status: 'completed', withdrawn: 'include' })).toBe(false);
    expect(await walked({ status: 'completed', withdrawn: 'only' })).toBe(false);
    expect(await walked({ withdrawn: 'include' })).toBe(false);
  });
});
