import { randomUUID } from 'node:crypto';
import { countSummary } from '@rectify/application';
import {
  ChineseWorkingDayCalendar,
  ITEM_SOURCES,
  RECTIFICATION_STATUSES,
  summariseRectification,
} from '@rectify/domain';
import { type Database, PgTrackedItemsRepository } from '@rectify/persistence';
import { SummaryPathIndex1732870000000 } from '../../libs/persistence/src/migrations/1732870000000-summary-path-index';
import { MeasureCountRecount1732910000000 } from '../../libs/persistence/src/migrations/1732910000000-measure-count-recount';
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

describe.each(REPOSITORY_BACKENDS)('the summary counted by %s', (name, open) => {
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

  it("keeps each item's measure count equal to its measures: inserts, a replacement in one statement, deletes", async () => {
    const q = (sql: string, params: unknown[] = []) => db.dataSource.query(sql, params);
    const drifted = async () =>
      (
        await q(
          `SELECT count(*)::int AS n FROM rectification_item i
            WHERE i.measure_count <> (SELECT count(*) FROM measure m WHERE m.item_id = i.id)`,
        )
      )[0].n;
    const counted = async (id: string) =>
      (await q(`SELECT measure_count FROM rectification_item WHERE id = $1`, [id]))[0].measure_count;
    expect(Number((await q(`SELECT sum(measure_count) AS n FROM rectification_item`))[0].n)).toBeGreaterThan(
      0,
    );
    expect(await drifted()).toBe(0);
    const item = orgs[2].itemId;
    await q(`INSERT INTO measure (item_id, seq, title, detail) VALUES ($1, 1, 'a', ''), ($1, 2, 'b', '')`, [
      item,
    ]);
    expect(await counted(item)).toBe(2);
    // As SET_MEASURES does: the old measures out and three new in, in one statement.
    await q(
      `WITH gone AS (DELETE FROM measure WHERE item_id = $1)
       INSERT INTO measure (item_id, seq, title, detail) SELECT $1, n, 'm' || n, '' FROM generate_series(1, 3) n`,
      [item],
    );
    expect(await counted(item)).toBe(3);
    await q(`DELETE FROM measure WHERE item_id = $1 AND seq > 1`, [item]);
    expect(await counted(item)).toBe(1);
    await expect(
      q(`UPDATE measure SET item_id = $2 WHERE item_id = $1`, [item, orgs[1].itemId]),
    ).rejects.toThrow('a measure cannot move to another item');
    await q(`DELETE FROM measure WHERE item_id = $1`, [item]);
    expect(await drifted()).toBe(0);
  });

  it('keeps the count a writer set with its measures, and corrects one a writer left wrong', async () => {
    const q = (sql: string, params: unknown[] = []) => db.dataSource.query(sql, params);
    const counted = async (id: string) =>
      (await q(`SELECT measure_count FROM rectification_item WHERE id = $1`, [id]))[0].measure_count;
    // As an import does: the item with its count, its measures in the same statement.
    const id = randomUUID();
    await q(
      `WITH item AS (
         INSERT INTO rectification_item (id, organisation_id, year, seq, title, detail, source, status, version, measure_count)
         VALUES ($1, $2, 2024, 500, '随导入写入计数', '', 'self_inspection', 'measures_set', 1, 2))
       INSERT INTO measure (item_id, seq, title, detail) VALUES ($1, 1, 'a', ''), ($1, 2, 'b', '')`,
      [id, orgs[2].id],
    );
    expect(await counted(id)).toBe(2);
    // A writer that sets a wrong count, or none, is corrected at its next measure change.
    await q(`UPDATE rectification_item SET measure_count = 7 WHERE id = $1`, [id]);
    await q(`INSERT INTO measure (item_id, seq, title, detail) VALUES ($1, 3, 'c', '')`, [id]);
    expect(await counted(id)).toBe(3);
    await q(`DELETE FROM measure WHERE item_id = $1`, [id]);
    await q(`DELETE FROM rectification_item WHERE id = $1`, [id]);
  });

  it('counts the measures of two transactions that add to one item at once', async () => {
    // PGlite serves one connection: nothing there is concurrent.
    if (name !== 'PostgreSQL') return;
    const item = orgs[1].itemId;
    const count = async () =>
      Number(
        (await db.dataSource.query(`SELECT measure_count FROM rectification_item WHERE id = $1`, [item]))[0]
          .measure_count,
      );
    const before = await count();
    // The second waits for the first's lock on the item, then counts what the first committed.
    const concurrently = async (firstSql: string, secondSql: string) => {
      const [first, second] = [db.dataSource.createQueryRunner(), db.dataSource.createQueryRunner()];
      try {
        await first.startTransaction();
        await second.startTransaction();
        await first.query(firstSql, [item]);
        const waiting = second.query(secondSql, [item]);
        await new Promise((resolve) => setTimeout(resolve, 200));
        await first.commitTransaction();
        await waiting;
        await second.commitTransaction();
      } finally {
        await first.release();
        await second.release();
      }
    };
    const add = (seq: number) =>
      `INSERT INTO measure (item_id, seq, title, detail) VALUES ($1, ${seq}, 'x', '')`;
    await concurrently(add(201), add(202));
    expect(await count()).toBe(before + 2);
    await concurrently(add(203), `DELETE FROM measure WHERE item_id = $1 AND seq = 201`);
    expect(await count()).toBe(before + 2);
    await concurrently(
      `DELETE FROM measure WHERE item_id = $1 AND seq = 202`,
      `DELETE FROM measure WHERE item_id = $1 AND seq = 203`,
    );
    expect(await count()).toBe(before);
  });

  it('undoes its migration and redoes it, the measure counts recomputed from the measures', async () => {
    const q = (sql: string) => db.dataSource.query(sql);
    const total = async () => Number((await q(`SELECT count(*) AS n FROM measure`))[0].n);
    const counted = async () =>
      Number((await q(`SELECT sum(measure_count) AS n FROM rectification_item`))[0].n);
    const before = await counted();
    expect(before).toBe(await total());
    const runner = db.dataSource.createQueryRunner();
    const migration = new SummaryPathIndex1732870000000();
    // The later migration rewrites the triggers this one creates: undone first, redone last.
    const recount = new MeasureCountRecount1732910000000();
    try {
      await recount.down(runner);
      await migration.down(runner);
      const columns = await q(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'rectification_item' AND column_name = 'measure_count'`,
      );
      expect(columns).toEqual([]);
      // Measures written meanwhile are counted when the column comes back.
      await q(
        `INSERT INTO measure (item_id, seq, title, detail) SELECT id, 99, 'x', '' FROM rectification_item LIMIT 1`,
      );
      await migration.up(runner);
      await recount.up(runner);
    } finally {
      await runner.release();
    }
    expect(await counted()).toBe(before + 1);
    expect(await counted()).toBe(await total());
    await q(`DELETE FROM measure WHERE seq = 99`);
    expect(await counted()).toBe(before);
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
