import { randomUUID } from 'node:crypto';
import { RECURRENCE_MAX_LINKS } from '@rectify/domain';
import { type Database, PgReportsRepository } from '@rectify/persistence';
import { addOrganisation } from '../support/admin-fixtures';
import { importReport } from '../support/item-commands';
import { REPOSITORY_BACKENDS } from '../support/scope-tree-fixture';

// The same two weaknesses, worded a little differently every year, as branches write them.
const WORDINGS = [
  ['理论学习不够深入系统，学用结合不紧', '“三会一课”制度落实不够规范，会议记录不完整'],
  ['理论学习不够深入，学用结合不够紧密', '“三会一课”落实不够规范，个别会议记录不完整'],
  ['政治理论学习不够深入系统', '“三会一课”制度执行不够规范，党课质量不高'],
  ['理论学习深度不够，学用结合不紧', '“三会一课”制度落实不到位，会议记录不规范'],
  ['理论学习不够系统深入，运用理论指导实践不够', '“三会一课”制度落实不够规范严格'],
  ['理论学习不够深入系统，学习形式单一', '落实“三会一课”制度不够规范，记录不完整'],
];
const YEARS = WORDINGS.map((_, i) => 2019 + i);

function reportOf(branch: string, year: number): Buffer {
  const [study, meetings] = WORDINGS[year - 2019];
  return Buffer.from(
    `${branch}${year}年度党建工作总结\n\n一、存在的问题\n一是${study}。\n二是${meetings}。\n\n` +
      `二、下步措施\n一是制定学习计划，每月集中学习。\n二是严格落实“三会一课”制度。\n`,
  );
}

/**
 * The recurrence links (反复出现) stored for a branch, as years and problem numbers, so two
 * branches given the same reports can be compared whatever their item ids.
 */
async function linksOf(db: Database, organisationId: string): Promise<string[]> {
  const rows: { from: string; to: string }[] = await db.dataSource.query(
    `SELECT i.year || '-' || i.seq AS "from", e.year || '-' || e.seq AS "to"
       FROM item_recurrence ir
       JOIN rectification_item i ON i.id = ir.item_id
       JOIN rectification_item e ON e.id = ir.earlier_item_id
      WHERE i.organisation_id = $1`,
    [organisationId],
  );
  return rows.map((r) => `${r.from}→${r.to}`).sort();
}

/** A branch's items by year and problem number ("2024-1"), for naming them in expectations. */
async function itemsOf(db: Database, organisationId: string): Promise<Map<string, string>> {
  const rows: { id: string; name: string }[] = await db.dataSource.query(
    `SELECT id, year || '-' || seq AS name FROM rectification_item WHERE organisation_id = $1`,
    [organisationId],
  );
  return new Map(rows.map((r) => [r.name, r.id]));
}

/**
 * Each kept row of shown_recurrence_links beside its item's links counted afresh: [stored, fresh]
 * per item, so a row that claims more (or other) links than the item shows stands out.
 */
async function shownLinksBesideFresh(db: Database, organisationId: string): Promise<[string, string][]> {
  const rows: { stored: string; fresh: string }[] = await db.dataSource.query(
    `SELECT s.links || ' ' || s.weakest_score || ' ' || s.weakest_year || ' ' || s.weakest_earlier_item_id AS stored,
            coalesce(f.links, 0) || ' ' || f.score || ' ' || f.year || ' ' || f.earlier_item_id AS fresh
       FROM shown_recurrence_links s
       JOIN rectification_item i ON i.id = s.item_id AND i.organisation_id = $1
       LEFT JOIN LATERAL (
         SELECT count(*) OVER () AS links, ir.score, e.year, ir.earlier_item_id
           FROM item_recurrence ir JOIN rectification_item e ON e.id = ir.earlier_item_id AND e.withdrawn_at IS NULL
          WHERE ir.item_id = s.item_id
          ORDER BY ir.score, e.year NULLS FIRST, ir.earlier_item_id DESC LIMIT 1) f ON TRUE`,
    [organisationId],
  );
  return rows.map((r) => [r.stored ?? '0', r.fresh ?? '0']);
}

describe.each(REPOSITORY_BACKENDS)(
  'recurrence links whatever order the years come in, on %s',
  (_name, open) => {
    let db: Database;
    beforeAll(async () => {
      db = await open();
    });
    afterAll(() => db.close());

    it('gives each problem the same best links when the reports come newest first or shuffled as in order', async () => {
      const tag = randomUUID().slice(0, 6);
      const orders = {
        按年: YEARS,
        倒序: [...YEARS].reverse(),
        打乱: [2022, 2024, 2019, 2021, 2023, 2020],
      };
      const found: Record<string, string[]> = {};
      for (const [name, years] of Object.entries(orders)) {
        const branch = await addOrganisation(db.dataSource, { name: `第${name}党支部${tag}` });
        for (const year of years) {
          const imported = await importReport(db.dataSource, {
            bytes: reportOf(`第${name}党支部`, year),
            fileName: `${year}.txt`,
            organisationName: branch.name,
          });
          expect(imported.year).toBe(year);
        }
        found[name] = await linksOf(db, branch.id);
      }
      // Each of the later years' problems repeats one of the earlier ones, and keeps at most three.
      expect(found['按年'].length).toBeGreaterThanOrEqual(2 * (YEARS.length - 1));
      const perItem = new Map<string, number>();
      for (const link of found['倒序']) {
        const from = link.split('→')[0];
        perItem.set(from, (perItem.get(from) ?? 0) + 1);
      }
      expect(Math.max(...perItem.values())).toBe(RECURRENCE_MAX_LINKS);
      expect(found['倒序']).toEqual(found['按年']);
      expect(found['打乱']).toEqual(found['按年']);
    });

    it('keeps each item’s shown links as they stand through imports, a withdrawal and a removed import', async () => {
      const tag = randomUUID().slice(0, 6);
      const branch = await addOrganisation(db.dataSource, { name: `第四党支部${tag}` });
      // The same weakness four years running, then older years worded less and less alike
      // (similarity with it: 0.92 for 2020, 0.852 for 2019).
      const problems: Record<number, string> = {
        2019: '理论学习不够深入',
        2020: '理论学习不够深入系统',
        2021: '理论学习不够深入系统，学用结合不紧',
        2022: '理论学习不够深入系统，学用结合不紧',
        2023: '理论学习不够深入系统，学用结合不紧',
        2024: '理论学习不够深入系统，学用结合不紧',
      };
      const reports = new Map<number, string>();
      const load = async (year: number) => {
        const imported = await importReport(db.dataSource, {
          bytes: Buffer.from(
            `第四党支部${year}年度党建工作总结\n\n一、存在的问题\n一是${problems[year]}。\n\n二、下步措施\n一是制定学习计划。\n`,
          ),
          fileName: `${year}.txt`,
          organisationName: branch.name,
        });
        reports.set(year, imported.reportId);
      };
      const linksOfLatest = async () =>
        (await linksOf(db, branch.id)).filter((l) => l.startsWith('2024-1→')).sort();
      const expectRowsAsTheyStand = async () => {
        for (const [stored, fresh] of await shownLinksBesideFresh(db, branch.id)) expect(stored).toBe(fresh);
      };
      for (const year of [2021, 2022, 2023, 2024]) await load(year);
      const items = await itemsOf(db, branch.id);
      // Three years before it, all alike (score 1): the item is full.
      expect(await linksOfLatest()).toEqual(['2024-1→2021-1', '2024-1→2022-1', '2024-1→2023-1']);
      await expectRowsAsTheyStand();

      // Withdrawing one (by hand here: the trigger sees every writer) leaves room for one more.
      const [by] = await db.dataSource.query(
        `INSERT INTO app_user (username, display_name, organisation_id) VALUES ($1, '王强', $2) RETURNING id`,
        [`sup-${tag}`, branch.id],
      );
      await db.dataSource.query(
        `UPDATE rectification_item SET withdrawn_at = now(), withdrawn_by = $2, withdraw_reason = '重复'
          WHERE id = $1`,
        [items.get('2023-1'), by.id],
      );
      await expectRowsAsTheyStand();
      // 2020's link (0.92) ranks below the three of score 1: the row from before the withdrawal
      // would have held it back; it takes the room.
      await load(2020);
      expect(await linksOfLatest()).toEqual([
        '2024-1→2020-1',
        '2024-1→2021-1',
        '2024-1→2022-1',
        '2024-1→2023-1',
      ]);
      await expectRowsAsTheyStand();

      // Removing the 2021 import takes its links with it: the rows they were counted in are
      // counted again, and 2019's link (0.852, below all the rest) finds the room.
      const removed = await new PgReportsRepository(db.dataSource).removeImport({
        reportId: reports.get(2021) as string,
        scope: 'operator',
        mayRemove: () => true,
      });
      expect(removed.kind).toBe('removed');
      await expectRowsAsTheyStand();
      await load(2019);
      expect(await linksOfLatest()).toEqual([
        '2024-1→2019-1',
        '2024-1→2020-1',
        '2024-1→2022-1',
        '2024-1→2023-1',
      ]);
      await expectRowsAsTheyStand();
      const [row] = await db.dataSource.query(`SELECT links FROM shown_recurrence_links WHERE item_id = $1`, [
        items.get('2024-1'),
      ]);
      expect(row).toEqual({ links: RECURRENCE_MAX_LINKS });
    });
  },
);
