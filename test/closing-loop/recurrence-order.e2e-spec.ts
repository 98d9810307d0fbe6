import { randomUUID } from 'node:crypto';
import { RECURRENCE_MAX_LINKS } from '@rectify/domain';
import { type Database } from '@rectify/persistence';
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
  },
);
