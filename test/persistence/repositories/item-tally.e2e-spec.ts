import { randomUUID } from 'node:crypto';
import { RECTIFICATION_STATUSES, STATUS_STAGES } from '@rectify/domain';
import {
  type Database,
  type ItemSearchCriteria,
  PgItemQueriesRepository,
  PgItemTallyRepository,
  PgOrganisationsRepository,
} from '@rectify/persistence';
import { readReach, type ReadScope } from '@rectify/workflow';
import {
  REPOSITORY_BACKENDS,
  type ScopeTreeOrganisation,
  scopesOver,
  seedScopeTree,
} from '../../support/scope-tree-fixture';

/**
 * The items page's total, summed from the subtree counts (事项计数, item_tally) the database keeps
 * in step on every item write, equals the items counted one by one, whatever was written and
 * however the counts were folded since.
 */
describe.each(REPOSITORY_BACKENDS)('the subtree counts on %s', (_name, open) => {
  const tag = randomUUID().slice(0, 8);
  let db: Database;
  let items: PgItemQueriesRepository;
  let tallies: PgItemTallyRepository;
  let organisations: PgOrganisationsRepository;
  let orgs: ScopeTreeOrganisation[];
  let scopes: [string, ReadScope][];

  beforeAll(async () => {
    db = await open();
    items = new PgItemQueriesRepository(db.dataSource);
    tallies = new PgItemTallyRepository(db.dataSource);
    organisations = new PgOrganisationsRepository(db.dataSource);
    orgs = await seedScopeTree(db, tag);
    scopes = scopesOver(orgs);
    // More items in one statement: every status, three years (one unknown), one withdrawn.
    await db.dataSource.query(
      `INSERT INTO rectification_item (organisation_id, report_id, year, seq, title, detail, source, status, version,
                                       withdrawn_at, withdraw_reason)
       SELECT (ARRAY[$2, $3, $4, $5]::uuid[])[1 + n % 4],
              -- An item without a year is an imported one (a report without a year).
              CASE WHEN n % 3 = 2 THEN ($8::uuid[])[1 + n % 4] END, (ARRAY[2023, 2024, NULL]::int[])[1 + n % 3], 100 + n,
              '问题 ' || n || ' ' || $1, '', 'superior_review', ($6::text[])[1 + n % $7], 1,
              CASE WHEN n = 7 THEN now() END, CASE WHEN n = 7 THEN '重复' END
         FROM generate_series(1, 40) AS n`,
      [
        tag,
        ...orgs.map((o) => o.id),
        RECTIFICATION_STATUSES,
        RECTIFICATION_STATUSES.length,
        orgs.map((o) => o.reportId),
      ],
    );
  });
  afterAll(() => db?.close());

  const total = async (scope: ReadScope, criteria: Partial<ItemSearchCriteria>) => {
    const outcome = await items.search(scope, { page: 1, pageSize: 1, today: '2025-03-01', ...criteria });
    if (outcome.kind !== 'page') throw new Error(outcome.kind);
    return outcome.total;
  };

  /**
   * Every filter the counts answer, for every organisation and scope: the total as summed and as
   * counted item by item (the tag's text filter makes the search count the rows; every item of
   * the tree carries the tag).
   */
  const expectCountsRight = async () => {
    const filters: Partial<ItemSearchCriteria>[] = [
      {},
      ...RECTIFICATION_STATUSES.map((status) => ({ status })),
      ...STATUS_STAGES.map((stage) => ({ stage })),
      { status: 'completed', stage: 'open' },
      { year: 2024 },
      { year: 2023, status: 'measures_set' },
    ];
    let checked = 0;
    for (const filter of filters) {
      for (const org of orgs) {
        const criteria = { ...filter, organisationId: org.id };
        expect([org.name, filter, await total('operator', criteria)]).toEqual([
          org.name,
          filter,
          await total('operator', { ...criteria, text: tag }),
        ]);
        checked++;
      }
      for (const [who, scope] of scopes) {
        // Everything includes other tests' items, which the tag leaves out.
        if (scope === 'operator' || readReach(scope).everything) continue;
        expect([who, filter, await total(scope, filter)]).toEqual([
          who,
          filter,
          await total(scope, { ...filter, text: tag }),
        ]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  };

  const treeRows = async () => {
    const [{ rows }]: { rows: number }[] = await db.dataSource.query(
      `SELECT count(*)::int AS rows FROM item_tally WHERE organisation_id = ANY($1::uuid[])`,
      [orgs.map((o) => o.id)],
    );
    return rows;
  };

  it('counts the items inserted, one by one or many in one statement', async () => {
    await expectCountsRight();
    // The 党委's subtree holds all 44 items but the withdrawn one.
    expect(await total('operator', { organisationId: orgs[0].id })).toBe(43);
  });

  it('follows status changes, withdrawals, restores, years and items moved or deleted', async () => {
    const [committee, general, one, two] = orgs;
    const q = (sql: string, params: unknown[]) => db.dataSource.query(sql, params);
    await q(`UPDATE rectification_item SET status = 'completed' WHERE id = $1`, [one.itemId]);
    await q(
      `UPDATE rectification_item SET status = 'pending_review', version = version + 1
              WHERE organisation_id = $1 AND status = 'measures_set'`,
      [two.id],
    );
    await q(`UPDATE rectification_item SET withdrawn_at = now(), withdraw_reason = '误报' WHERE id = $1`, [
      general.itemId,
    ]);
    await q(
      `UPDATE rectification_item SET withdrawn_at = NULL, withdraw_reason = NULL
              WHERE title LIKE $1 AND withdrawn_at IS NOT NULL AND id <> $2`,
      [`%${tag}%`, general.itemId],
    );
    await q(`UPDATE rectification_item SET year = 2025 WHERE organisation_id = $1 AND year IS NULL`, [
      one.id,
    ]);
    await q(`UPDATE rectification_item SET organisation_id = $1 WHERE id = $2`, [committee.id, two.itemId]);
    await q(`DELETE FROM rectification_item WHERE organisation_id = $1 AND seq = 104`, [committee.id]);
    // An update that changes nothing counted appends nothing.
    const before = await treeRows();
    await q(`UPDATE rectification_item SET version = version + 1 WHERE title LIKE $1`, [`%${tag}%`]);
    expect(await treeRows()).toBe(before);
    await expectCountsRight();
  });

  it("follows an organisation's move to another parent", async () => {
    const [committee, , one] = orgs;
    const moved = await organisations.move(one.id, committee.id);
    expect(moved).toMatchObject({ kind: 'moved' });
    // As the scopes were (one a position's old path, which now reads nothing) and as they are.
    await expectCountsRight();
    one.path = `${committee.path}${one.id}/`;
    scopes = scopesOver(orgs);
    await expectCountsRight();
  });

  it('folds each key into one row and keeps every count', async () => {
    expect(await treeRows()).toBeGreaterThan(0);
    const first = await tallies.compact('0');
    expect(first.folded).toBeGreaterThan(0);
    const [{ split }]: { split: number }[] = await db.dataSource.query(
      `SELECT count(*)::int AS split FROM (
         SELECT 1 FROM item_tally WHERE organisation_id = ANY($1::uuid[])
          GROUP BY organisation_id, status, year HAVING count(*) > 1) s`,
      [orgs.map((o) => o.id)],
    );
    expect(split).toBe(0);
    await expectCountsRight();
    // Nothing new: nothing folded. A new delta: only its key.
    expect((await tallies.compact(first.seenUpTo)).folded).toBe(0);
    await db.dataSource.query(`UPDATE rectification_item SET status = 'long_term' WHERE id = $1`, [
      orgs[3].itemId,
    ]);
    const next = await tallies.compact(first.seenUpTo);
    expect(next.folded).toBeGreaterThan(0);
    expect(BigInt(next.seenUpTo)).toBeGreaterThan(BigInt(first.seenUpTo));
    await expectCountsRight();
  });
});
