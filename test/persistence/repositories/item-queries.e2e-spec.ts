import { randomUUID } from 'node:crypto';
import { type Database, PgItemQueriesRepository } from '@rectify/persistence';
import { actorFor, mayReadItem, type ReadScope } from '@rectify/workflow';
import {
  REPOSITORY_BACKENDS,
  type ScopeTreeOrganisation,
  scopesOver,
  seedScopeTree,
} from '../../support/scope-tree-fixture';

const TODAY = '2025-03-01';

describe.each(REPOSITORY_BACKENDS)('item queries on %s', (_name, open) => {
  const tag = randomUUID().slice(0, 8);
  let db: Database;
  let repo: PgItemQueriesRepository;
  let orgs: ScopeTreeOrganisation[];
  let scopes: [string, ReadScope][];

  beforeAll(async () => {
    db = await open();
    repo = new PgItemQueriesRepository(db.dataSource);
    orgs = await seedScopeTree(db, tag);
    scopes = scopesOver(orgs);
  });
  afterAll(() => db?.close());

  // The pure rule the SQL must agree with: the operator reads everything.
  const readable = (scope: ReadScope) =>
    orgs
      .filter((o) => scope === 'operator' || mayReadItem(actorFor(scope, o.path)))
      .map((o) => o.itemId)
      .sort();
  const page = { page: 1, pageSize: 200, today: TODAY };

  it('finds exactly the items the access rules let each role and organisation read', async () => {
    for (const [who, scope] of scopes) {
      const outcome = await repo.search(scope, { text: tag, ...page });
      if (outcome.kind !== 'page') throw new Error(`${who}: ${outcome.kind}`);
      const found = outcome.rows.map((r) => r.id).sort();
      expect({ who, found, total: outcome.total }).toEqual({
        who,
        found: readable(scope),
        total: found.length,
      });
    }
  });

  it('loads an item, its detail and its access state only within the scope', async () => {
    for (const [who, scope] of scopes) {
      const allowed = new Set(readable(scope));
      for (const org of orgs) {
        const expected = allowed.has(org.itemId);
        const detail = await repo.findDetail(scope, org.itemId);
        const state = await repo.findAccessState(scope, org.itemId);
        expect({
          who,
          org: org.name,
          visible: await repo.isVisible(scope, org.itemId),
          detail: detail?.organisationPath ?? null,
          state: state?.organisationPath ?? null,
        }).toEqual({
          who,
          org: org.name,
          visible: expected,
          detail: expected ? org.path : null,
          state: expected ? org.path : null,
        });
      }
    }
  });

  it('returns what the access rules need with each row, and flags the overdue open items', async () => {
    const outcome = await repo.search('operator', { text: tag, ...page });
    if (outcome.kind !== 'page') throw new Error(outcome.kind);
    const byId = new Map(outcome.rows.map((r) => [r.id, r]));
    for (const org of orgs) {
      expect(byId.get(org.itemId)).toMatchObject({
        organisationPath: org.path,
        status: 'measures_set',
        deadline: '2025-01-31',
        overdue: true,
        reviewIntervalDays: null,
        pendingExtension: null,
      });
    }
    const notYet = await repo.search('operator', { text: tag, ...page, today: '2025-01-31', overdue: true });
    expect(notYet).toEqual({ kind: 'page', rows: [], total: 0 });
  });

  it('loads the detail with the year of the report the item came from, as the search does', async () => {
    const outcome = await repo.search('operator', { text: tag, ...page });
    const row = outcome.kind === 'page' ? outcome.rows.find((r) => r.id === orgs[0].itemId) : undefined;
    const detail = await repo.findDetail('operator', orgs[0].itemId);
    expect({ detail: detail?.reportYear, row: row?.reportYear }).toEqual({ detail: 2024, row: 2024 });
  });

  it('narrows to an organisation and those below it, and says when that organisation does not exist', async () => {
    const general = orgs[1];
    const below = await repo.search('operator', { text: tag, organisationId: general.id, ...page });
    expect(below.kind === 'page' && below.rows.map((r) => r.id).sort()).toEqual(
      orgs
        .filter((o) => o.path.startsWith(general.path))
        .map((o) => o.itemId)
        .sort(),
    );
    expect(await repo.search('operator', { organisationId: randomUUID(), ...page })).toEqual({
      kind: 'organisation_not_found',
    });
  });

  it('narrows to the organisation alone when asked, and treats an organisation out of scope as absent', async () => {
    const general = orgs[1];
    const alone = await repo.search('operator', {
      text: tag,
      organisationId: general.id,
      subtree: false,
      ...page,
    });
    expect(alone.kind === 'page' && alone.rows.map((r) => r.id)).toEqual([general.itemId]);
    for (const [who, scope] of scopes) {
      if (scope === 'operator') continue;
      const outcome = await repo.search(scope, { text: tag, organisationId: general.id, ...page });
      const reads = scope.positions.length > 0 && mayReadItem(actorFor(scope, general.path));
      expect({ who, kind: outcome.kind }).toEqual({ who, kind: reads ? 'page' : 'organisation_not_found' });
    }
  });

  it('filters by stage: every status of it', async () => {
    const open = await repo.search('operator', { text: tag, stage: 'open', ...page });
    expect(open.kind === 'page' && open.total).toBe(orgs.length);
    expect(await repo.search('operator', { text: tag, stage: 'completed', ...page })).toEqual({
      kind: 'page',
      rows: [],
      total: 0,
    });
  });

  it('lists the items under an organisation in a status, within the scope', async () => {
    const general = orgs[1];
    const secretaryOfOne = scopes.find(([who]) => who === 'secretary of 一支部')?.[1] as ReadScope;
    const all = await repo.listUnder('operator', general.path, 'measures_set');
    expect(all.map((i) => i.id).sort()).toEqual(
      orgs
        .slice(1)
        .map((o) => o.itemId)
        .sort(),
    );
    expect((await repo.listUnder(secretaryOfOne, general.path)).map((i) => i.id)).toEqual([orgs[2].itemId]);
    expect(await repo.listUnder('operator', general.path, 'completed')).toEqual([]);
  });
});
