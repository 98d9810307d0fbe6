import { randomUUID } from 'node:crypto';
import { countSummary } from '@rectify/application';
import {
  ChineseWorkingDayCalendar,
  ITEM_SOURCES,
  RECTIFICATION_STATUSES,
  summariseRectification,
} from '@rectify/domain';
import { type Database, PgTrackedItemsRepository } from '@rectify/persistence';
import {
  REPOSITORY_BACKENDS,
  type ScopeTreeOrganisation,
  scopesOver,
  seedScopeTree,
} from '../support/scope-tree-fixture';

// Around the 2024 National Day holiday (1–7 Oct, make-up working days 29 Sep and 12 Oct), so
// the yellow light's working days cross it; null, past, on the day, far off and the window's end.
const DEADLINES = [
  null,
  '2024-03-01',
  '2024-09-26',
  '2024-09-27',
  '2024-09-28',
  '2024-09-30',
  '2024-10-08',
  '2024-10-09',
  '2024-10-11',
  '2024-10-14',
  '2024-10-15',
  '2025-06-30',
  '2100-12-31',
];

/**
 * Per organisation (the 二支部 left without items of 2024), 26 items of 2024 created by hand
 * across statuses, sources, deadlines and 0–3 measures, some withdrawn (撤销), and 2023 items
 * that some of them repeat, one of those withdrawn.
 */
async function seedVariedItems(db: Database, orgs: ScopeTreeOrganisation[], tag: string): Promise<void> {
  const q = (sql: string, params: unknown[]) => db.dataSource.query(sql, params);
  const insert = async (
    org: ScopeTreeOrganisation,
    year: number,
    seq: number,
    row: Record<string, unknown>,
  ) => {
    const [item]: { id: string }[] = await q(
      `INSERT INTO rectification_item
              (organisation_id, year, seq, title, detail, source, status, deadline, version, created_at,
               withdrawn_at, withdraw_reason)
       VALUES ($1, $2, $3, $4, '', $5, $6, $7, 1, $8, $9, $10) RETURNING id`,
      [
        org.id,
        year,
        seq,
        `${org.name}${year}年问题${seq} ${tag}`,
        row.source,
        row.status,
        row.deadline,
        `2024-0${1 + (seq % 9)}-01T08:00:00Z`,
        row.withdrawn ? '2024-11-01T00:00:00Z' : null,
        row.withdrawn ? '误录' : null,
      ],
    );
    return item.id;
  };
  await q(`UPDATE rectification_item SET withdrawn_at = now(), withdraw_reason = '误录' WHERE id = $1`, [
    orgs[3].itemId,
  ]);
  for (const [o, org] of orgs.slice(0, 3).entries()) {
    const earlier = await insert(org, 2023, 100, {
      source: 'self_inspection',
      status: 'completed',
      deadline: null,
    });
    const withdrawnEarlier = await insert(org, 2023, 101, {
      source: 'self_inspection',
      status: 'completed',
      deadline: null,
      withdrawn: true,
    });
    for (let k = 0; k < 26; k++) {
      const id = await insert(org, 2024, 200 + k, {
        status: RECTIFICATION_STATUSES[(k + o) % RECTIFICATION_STATUSES.length],
        source: ITEM_SOURCES[(k * 3 + o) % ITEM_SOURCES.length],
        deadline: DEADLINES[(k * 7 + o) % DEADLINES.length],
        withdrawn: k % 11 === 5,
      });
      for (let m = 0; m < k % 4; m++) {
        await q(`INSERT INTO measure (item_id, seq, title, detail) VALUES ($1, $2, $3, '')`, [
          id,
          m + 1,
          `措施${m}`,
        ]);
      }
      if (k % 6 === 1 || k % 6 === 3) {
        await q(`INSERT INTO item_recurrence (item_id, earlier_item_id, score) VALUES ($1, $2, 0.8)`, [
          id,
          k % 6 === 1 ? earlier : withdrawnEarlier,
        ]);
      }
    }
  }
}

describe.each(REPOSITORY_BACKENDS)('the summary counted by %s', (_name, open) => {
  const tag = randomUUID().slice(0, 8);
  const calendar = new ChineseWorkingDayCalendar();
  let db: Database;
  let tracked: PgTrackedItemsRepository;
  let orgs: ScopeTreeOrganisation[];

  beforeAll(async () => {
    db = await open();
    tracked = new PgTrackedItemsRepository(db.dataSource);
    orgs = await seedScopeTree(db, tag);
    await seedVariedItems(db, orgs, tag);
  });
  afterAll(() => db?.close());

  it('equals the summary computed in Node from every loaded item, for every scope, target and day', async () => {
    const everyName = await tracked.organisationsBelow('operator', orgs[0].path);
    const names = new Map(everyName.map((o) => [o.id, o.name]));
    for (const asOf of ['2024-09-27', '2024-10-09', '2025-01-15']) {
      for (const target of orgs.slice(0, 2)) {
        for (const [who, scope] of scopesOver(orgs)) {
          const request = { organisation: target, problemYear: 2024, asOf, calendar };
          const expected = summariseRectification(
            await tracked.load(scope, { organisation: target, subtree: true, problemYear: 2024 }),
            {
              problemYear: 2024,
              asOf,
              organisationName: target.name,
              organisations: await tracked.organisationsBelow(scope, target.path),
              rollUp: { rootPath: target.path, names },
              calendar,
            },
          );
          expect({
            who,
            asOf,
            target: target.name,
            summary: await countSummary(tracked, scope, request),
          }).toEqual({
            who,
            asOf,
            target: target.name,
            summary: expected,
          });
        }
      }
    }
  });

  it('lists the most overdue items first, cut at the limit, as the full list in Node begins', async () => {
    const asOf = '2025-01-15';
    const figures = await tracked.summaryFigures('operator', {
      organisationPath: orgs[0].path,
      problemYear: 2024,
      asOf,
      lastYellowDeadline: null,
      listLimit: 5,
    });
    const all = summariseRectification(
      await tracked.load('operator', { organisation: orgs[0], subtree: true, problemYear: 2024 }),
      { problemYear: 2024, asOf, organisationName: orgs[0].name, calendar },
    ).overdue;
    expect(all.length).toBeGreaterThan(5);
    expect(figures.overdue).toEqual(
      all.slice(0, 5).map(({ daysOverdue: _, workdaysOverdue: __, ...o }) => o),
    );
  });

  it('varies enough to mean something: every light, overdue and recurring items, an organisation without items', async () => {
    const summary = await countSummary(tracked, 'operator', {
      organisation: orgs[0],
      problemYear: 2024,
      asOf: '2024-09-27',
      calendar,
    });
    expect(Object.values(summary.byLight).every((n) => n > 0)).toBe(true);
    expect(summary.totals.overdue).toBeGreaterThan(5);
    expect(summary.totals.recurring).toBeGreaterThan(3);
    const general = await countSummary(tracked, 'operator', {
      organisation: orgs[1],
      problemYear: 2024,
      asOf: '2024-09-27',
      calendar,
    });
    expect(general.byOrganisation.find((o) => o.organisationId === orgs[3].id)).toMatchObject({
      items: 0,
      completionRate: null,
    });
  });

  it("rolls each direct child's subtree into one row after the organisation's own", async () => {
    const [committee, general, one, two] = orgs;
    const summaryOf = (target: ScopeTreeOrganisation) =>
      countSummary(tracked, 'operator', {
        organisation: target,
        problemYear: 2024,
        asOf: '2024-09-27',
        calendar,
      });
    const [top, middle] = [await summaryOf(committee), await summaryOf(general)];
    expect(top.byOrganisation.map((o) => [o.organisationId, o.includesBelow])).toEqual([
      [committee.id, false],
      [general.id, true],
    ]);
    expect(middle.byOrganisation.map((o) => [o.organisationId, o.includesBelow])).toEqual([
      [general.id, false],
      ...[one, two].sort((a, b) => a.name.localeCompare(b.name, 'zh')).map((o) => [o.id, true]),
    ]);
    // The 党总支's row in the 党委's summary is the whole 党总支 summary.
    const rolled = top.byOrganisation[1];
    for (const key of ['items', 'completed', 'longTerm', 'open', 'overdue'] as const)
      expect(rolled[key]).toBe(middle.totals[key]);
    expect(rolled.items).toBeGreaterThan(middle.byOrganisation[0].items);
  });
});
