import { randomUUID } from 'node:crypto';
import { type Database, PgItemQueriesRepository, PgOrganisationsRepository } from '@rectify/persistence';
import {
  REPOSITORY_BACKENDS,
  type ScopeTreeOrganisation,
  seedScopeTree,
} from '../../support/scope-tree-fixture';

/**
 * rectification_item.organisation_path, the copy of its organisation's path that the items page
 * of a subtree reads through its index, stays equal to the organisation's path whatever writes it.
 */
describe.each(REPOSITORY_BACKENDS)("an item's copy of its organisation's path on %s", (_name, open) => {
  const tag = randomUUID().slice(0, 8);
  let db: Database;
  let items: PgItemQueriesRepository;
  let organisations: PgOrganisationsRepository;
  let orgs: ScopeTreeOrganisation[];

  beforeAll(async () => {
    db = await open();
    items = new PgItemQueriesRepository(db.dataSource);
    organisations = new PgOrganisationsRepository(db.dataSource);
    orgs = await seedScopeTree(db, tag);
  });
  afterAll(() => db?.close());

  const copiedPaths = async () => {
    const rows: { id: string; copied: string; actual: string }[] = await db.dataSource.query(
      `SELECT i.id, i.organisation_path AS copied, o.path AS actual
         FROM rectification_item i JOIN organisation o ON o.id = i.organisation_id
        WHERE i.id = ANY($1::uuid[])`,
      [orgs.map((o) => o.itemId)],
    );
    return rows;
  };
  const subtreeItems = async (organisationId: string) => {
    const outcome = await items.search('operator', {
      organisationId,
      subtree: true,
      status: 'measures_set',
      text: tag,
      page: 1,
      pageSize: 50,
      today: '2025-03-01',
    });
    if (outcome.kind !== 'page') throw new Error(outcome.kind);
    return outcome.rows.map((r) => r.id).sort();
  };

  it('is filled in when an item is inserted without it', async () => {
    for (const row of await copiedPaths()) expect(row.copied).toBe(row.actual);
    expect(orgs.map((o) => o.path)).toEqual(
      expect.arrayContaining((await copiedPaths()).map((r) => r.copied)),
    );
  });

  it("follows an organisation's move, so a subtree's items page lists the items below it now", async () => {
    const [committee, general, one, two] = orgs;
    expect(await subtreeItems(general.id)).toEqual([general.itemId, one.itemId, two.itemId].sort());
    const moved = await organisations.move(one.id, committee.id);
    expect(moved).toMatchObject({ kind: 'moved', organisation: { path: `${committee.path}${one.id}/` } });
    const byId = new Map((await copiedPaths()).map((r) => [r.id, r]));
    expect(byId.get(one.itemId)).toEqual({
      id: one.itemId,
      copied: `${committee.path}${one.id}/`,
      actual: `${committee.path}${one.id}/`,
    });
    for (const row of byId.values()) expect(row.copied).toBe(row.actual);
    expect(await subtreeItems(general.id)).toEqual([general.itemId, two.itemId].sort());
    expect(await subtreeItems(committee.id)).toEqual(orgs.map((o) => o.itemId).sort());
  });

  it('follows an item moved to another organisation, and cannot be written to anything else', async () => {
    const [, general, , two] = orgs;
    await db.dataSource.query(`UPDATE rectification_item SET organisation_id = $1 WHERE id = $2`, [
      general.id,
      two.itemId,
    ]);
    await db.dataSource.query(
      `UPDATE rectification_item SET organisation_path = '/elsewhere/' WHERE id = $1`,
      [general.itemId],
    );
    const byId = new Map((await copiedPaths()).map((r) => [r.id, r]));
    expect(byId.get(two.itemId)?.copied).toBe(general.path);
    expect(byId.get(general.itemId)?.copied).toBe(general.path);
  });
});
