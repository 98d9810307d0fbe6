import { randomUUID } from 'node:crypto';
import { type ExtractionResult } from '@rectify/domain';
import {
  type Database,
  type NewImport,
  type NewImportedItem,
  PgReportsRepository,
} from '@rectify/persistence';
import { RecurrenceLinksCapped1732880000000 } from '../../../libs/persistence/src/migrations/1732880000000-recurrence-links-capped';
import { REPOSITORY_BACKENDS } from '../../support/scope-tree-fixture';

const EXTRACTION = {
  title: null,
  year: 2024,
  problems: [],
  measures: [],
  warnings: [],
} as unknown as ExtractionResult;

const item = (seq: number, status: NewImportedItem['status'], measures = 0): NewImportedItem => ({
  id: randomUUID(),
  seq,
  title: `问题${seq}`,
  detail: '',
  source: 'self_inspection',
  status,
  deadline: status === 'identified' ? null : '2025-06-30',
  responsibleLeader: null,
  reviewIntervalDays: status === 'long_term' ? 90 : null,
  measures: Array.from({ length: measures }, (_, i) => ({
    seq: i + 1,
    title: `措施${i + 1}`,
    detail: '',
    responsible: '张三',
    deadline: '2025-06-30',
  })),
  historyPayload: { problemSeq: seq, linkedMeasures: measures },
});

async function newOrganisation(db: Database): Promise<string> {
  const [row] = await db.dataSource.query(
    `INSERT INTO organisation (name, kind, parent_id, path) VALUES ($1, 'branch', NULL, '') RETURNING id`,
    [`支部-${randomUUID().slice(0, 8)}`],
  );
  await db.dataSource.query(`UPDATE organisation SET path = $1 WHERE id = $2`, [`/${row.id}/`, row.id]);
  return row.id;
}

describe.each(REPOSITORY_BACKENDS)('reports repository on %s', (_name, open) => {
  let db: Database;
  let repo: PgReportsRepository;
  beforeAll(async () => {
    db = await open();
    repo = new PgReportsRepository(db.dataSource);
  });
  afterAll(() => db.close());

  const importOf = (
    organisationId: string,
    items: NewImportedItem[],
    sourceHash = randomUUID(),
  ): NewImport => ({
    organisationId,
    year: 2024,
    title: '2024年度报告',
    sourceFileName: 'r.txt',
    sourceHash,
    text: '正文',
    extraction: EXTRACTION,
    importedBy: null,
    items,
    actor: { userId: 'system', role: 'system' },
    remindedStatuses: ['measures_set', 'long_term'],
    recurrenceLinks: [],
    recurrenceMaxLinks: 3,
  });

  it('stores the report, its items, measures, IMPORT lines, and outbox rows for reminded statuses only', async () => {
    const organisationId = await newOrganisation(db);
    const items = [item(1, 'identified'), item(2, 'measures_set', 2), item(3, 'long_term')];
    const outcome = await repo.storeImport(importOf(organisationId, items));
    if (outcome.kind !== 'created') throw new Error(`expected created, got ${outcome.kind}`);
    const stored = await db.dataSource.query(
      `SELECT id, seq, status, report_id FROM rectification_item WHERE organisation_id = $1 ORDER BY seq`,
      [organisationId],
    );
    expect(stored).toEqual(
      items.map((i) => ({ id: i.id, seq: i.seq, status: i.status, report_id: outcome.reportId })),
    );
    const measures = await db.dataSource.query(
      `SELECT seq, title FROM measure WHERE item_id = $1 ORDER BY seq`,
      [items[1].id],
    );
    expect(measures).toEqual([
      { seq: 1, title: '措施1' },
      { seq: 2, title: '措施2' },
    ]);
    const lines = await db.dataSource.query(
      `SELECT item_id, seq, event, actor_id, to_status, payload FROM item_history WHERE item_id = ANY($1::uuid[]) ORDER BY item_id`,
      [items.map((i) => i.id)],
    );
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line).toMatchObject({ seq: 1, event: 'IMPORT', actor_id: 'system' });
      expect(line.payload).toMatchObject({ reportId: outcome.reportId });
    }
    const outbox = await db.dataSource.query(
      `SELECT item_id FROM outbox WHERE item_id = ANY($1::uuid[]) ORDER BY item_id`,
      [items.map((i) => i.id)],
    );
    expect(outbox.map((o: { item_id: string }) => o.item_id).sort()).toEqual(
      [items[1].id, items[2].id].sort(),
    );
  });

  it('imports a file once per organisation: the second store returns the first import, writing nothing', async () => {
    const organisationId = await newOrganisation(db);
    const hash = randomUUID();
    const first = [item(2, 'identified'), item(1, 'identified')];
    const created = await repo.storeImport(importOf(organisationId, first, hash));
    const again = await repo.storeImport(importOf(organisationId, [item(1, 'identified')], hash));
    expect(again).toEqual({
      kind: 'already_imported',
      report: {
        reportId: created.kind === 'created' ? created.reportId : 'none',
        year: 2024,
        importedAt: expect.any(Date),
        extraction: EXTRACTION,
        itemIds: [first[1].id, first[0].id],
        // As saved, in problem order: what an import of the same file again lists.
        items: [
          { id: first[1].id, seq: 1, title: '问题1' },
          { id: first[0].id, seq: 2, title: '问题2' },
        ],
      },
    });
    expect(await repo.findImported(organisationId, hash)).toEqual(
      again.kind === 'already_imported' ? again.report : null,
    );
    expect(await repo.findImported(organisationId, randomUUID())).toBeNull();
    const [{ n }] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM rectification_item WHERE organisation_id = $1`,
      [organisationId],
    );
    expect(n).toBe(2);
  });

  it('stores recurrence links with the import, and nothing at all when a step fails', async () => {
    const organisationId = await newOrganisation(db);
    const earlier = item(1, 'identified');
    await repo.storeImport(importOf(organisationId, [earlier]));
    const later = item(1, 'identified');
    await repo.storeImport({
      ...importOf(organisationId, [later]),
      recurrenceLinks: [[later.id, earlier.id, 0.8, 2024]],
    });
    const links = await db.dataSource.query(
      `SELECT item_id, earlier_item_id FROM item_recurrence WHERE item_id = $1`,
      [later.id],
    );
    expect(links).toEqual([{ item_id: later.id, earlier_item_id: earlier.id }]);
    const broken = item(1, 'identified');
    const hash = randomUUID();
    await expect(
      repo.storeImport({
        ...importOf(organisationId, [broken], hash),
        recurrenceLinks: [[broken.id, randomUUID(), 0.5, 2024]],
      }),
    ).rejects.toThrow();
    expect(await repo.findImported(organisationId, hash)).toBeNull();
  });

  it('stores a file sent twice at once a single time: the second store answers with the first', async () => {
    const organisationId = await newOrganisation(db);
    const hash = randomUUID();
    const outcomes = await Promise.all(
      [item(1, 'identified'), item(1, 'identified')].map((one) =>
        repo.storeImport(importOf(organisationId, [one], hash)),
      ),
    );
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['already_imported', 'created']);
    const created = outcomes.find((o) => o.kind === 'created') as { reportId: string };
    const again = outcomes.find((o) => o.kind === 'already_imported') as {
      report: { reportId: string; itemIds: string[] };
    };
    expect(again.report.reportId).toBe(created.reportId);
    const [{ n }] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM rectification_item i JOIN report r ON r.id = i.report_id
        WHERE r.organisation_id = $1`,
      [organisationId],
    );
    expect(n).toBe(1);
    expect(again.report.itemIds).toHaveLength(1);
  });

  it('keeps a later item to its best links when older reports come after it: a weaker link is not stored, a better one displaces the weakest', async () => {
    const organisationId = await newOrganisation(db);
    const later = item(1, 'identified');
    await repo.storeImport({ ...importOf(organisationId, [later]), year: 2025 });
    const linkTo = async (year: number, score: number) => {
      const older = item(1, 'identified');
      await repo.storeImport({
        ...importOf(organisationId, [older]),
        year,
        recurrenceLinks: [[later.id, older.id, score, year]],
        recurrenceMaxLinks: 3,
      });
      return older.id;
    };
    const linksOfLater = async () =>
      (
        (await db.dataSource.query(
          `SELECT earlier_item_id AS id FROM item_recurrence WHERE item_id = $1 ORDER BY score DESC`,
          [later.id],
        )) as { id: string }[]
      ).map((r) => r.id);
    const weakest = await linkTo(2024, 0.6);
    const middle = await linkTo(2024, 0.7);
    const best = await linkTo(2024, 0.8);
    expect(await linksOfLater()).toEqual([best, middle, weakest]);
    // Weaker than the three kept, and as alike as the weakest but a year further away: not stored.
    await linkTo(2023, 0.5);
    await linkTo(2021, 0.6);
    expect(await linksOfLater()).toEqual([best, middle, weakest]);
    const better = await linkTo(2022, 0.9);
    expect(await linksOfLater()).toEqual([better, best, middle]);
    // A withdrawn link is not shown, so it leaves room for the next one.
    await db.dataSource.query(
      `UPDATE rectification_item SET withdrawn_at = now(), withdraw_reason = '重复' WHERE id = $1`,
      [better],
    );
    const next = await linkTo(2023, 0.65);
    expect((await linksOfLater()).slice(1)).toEqual([best, middle, next]);
    const top = await linkTo(2020, 0.95);
    expect(await linksOfLater()).toEqual([top, better, best, middle]);
    // Links stored before the cap: the migration keeps the three best shown (and the withdrawn one).
    await db.dataSource.query(
      `INSERT INTO item_recurrence (item_id, earlier_item_id, score) VALUES ($1, $2, 0.6), ($1, $3, 0.65)`,
      [later.id, weakest, next],
    );
    const runner = db.dataSource.createQueryRunner();
    try {
      await new RecurrenceLinksCapped1732880000000().up(runner);
    } finally {
      await runner.release();
    }
    expect(await linksOfLater()).toEqual([top, better, best, middle]);
  });
});
