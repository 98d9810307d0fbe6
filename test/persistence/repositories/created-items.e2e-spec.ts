import { randomUUID } from 'node:crypto';
import { type Database, MIGRATIONS, openDatabase, PgItemsRepository } from '@rectify/persistence';
import { openMemoryDatabase } from '../../support/memory-database';
import { createTestDatabase } from '../../support/test-database';

/**
 * Items created by hand (report_id NULL, their own year) and the migration that made room for
 * them, on PostgreSQL and on PGlite. Each run gets a fresh database, since the migration is
 * taken back and applied again.
 */
const FRESH_BACKENDS: [string, () => Promise<{ db: Database; drop: () => Promise<void> }>][] = [
  [
    'PostgreSQL',
    async () => {
      const fresh = await createTestDatabase();
      const db = await openDatabase({ databaseUrl: fresh.url });
      return { db, drop: async () => (await db.close(), await fresh.drop()) };
    },
  ],
  [
    'PGlite',
    async () => {
      const db = await openMemoryDatabase();
      return { db, drop: () => db.close() };
    },
  ],
];

const CREATED_ITEMS_MIGRATION = MIGRATIONS.find((m) => m.name === 'CreatedItems1732760000000')!;
// Its triggers read the year column, which undoing CreatedItems drops: undone and done around it.
const ITEM_TALLY_MIGRATION = MIGRATIONS.find((m) => m.name === 'ItemTally1732900000000')!;

describe.each(FRESH_BACKENDS)('items created by hand on %s', (_name, open) => {
  let db: Database;
  let drop: () => Promise<void>;
  let org: { id: string; path: string };
  let userId: string;
  beforeAll(async () => {
    ({ db, drop } = await open());
    const [row] = await db.dataSource.query(
      `INSERT INTO organisation (name, kind, parent_id, path) VALUES ('一支部', 'branch', NULL, '') RETURNING id`,
    );
    org = { id: row.id, path: `/${row.id}/` };
    await db.dataSource.query(`UPDATE organisation SET path = $1 WHERE id = $2`, [org.path, org.id]);
    const [user] = await db.dataSource.query(
      `INSERT INTO app_user (username, display_name, organisation_id) VALUES ('sup', '王强', $1) RETURNING id`,
      [org.id],
    );
    userId = user.id;
  });
  afterAll(() => drop());

  const query = (sql: string, params: unknown[] = []) => db.dataSource.query(sql, params);

  it('backfills each imported item’s year from its report when the migration runs', async () => {
    const runner = db.dataSource.createQueryRunner();
    try {
      await new ITEM_TALLY_MIGRATION().down(runner);
      await new CREATED_ITEMS_MIGRATION().down(runner);
      const report = async (year: number | null) =>
        (
          await query(
            `INSERT INTO report (organisation_id, year, source_file_name, source_hash, text, extraction)
             VALUES ($1, $2, 'r.txt', $3, '', '{}') RETURNING id`,
            [org.id, year, randomUUID()],
          )
        )[0].id as string;
      const dated = await report(2023);
      const undated = await report(null);
      for (const reportId of [dated, undated]) {
        await query(
          `INSERT INTO rectification_item (report_id, organisation_id, seq, title, detail, source, status, version)
           VALUES ($1, $2, 1, '问题', '', 'self_inspection', 'identified', 1)`,
          [reportId, org.id],
        );
      }
      await new CREATED_ITEMS_MIGRATION().up(runner);
      await new ITEM_TALLY_MIGRATION().up(runner);
      const rows = await query(`SELECT report_id AS "reportId", year FROM rectification_item`);
      expect(rows).toEqual(
        expect.arrayContaining([
          { reportId: dated, year: 2023 },
          { reportId: undated, year: null },
        ]),
      );
      // An item without a report must have a year.
      await expect(
        query(
          `INSERT INTO rectification_item (report_id, organisation_id, year, seq, title, detail, source, status, version)
           VALUES (NULL, $1, NULL, 1, '问题', '', 'other', 'identified', 1)`,
          [org.id],
        ),
      ).rejects.toThrow(/rectification_item_year_without_report/);
    } finally {
      await runner.release();
    }
  });

  it('creates items numbered after the earlier ones of the year, each with a CREATE line and an outbox row naming it (the organisation’s people hear of it)', async () => {
    const repo = new PgItemsRepository(db.dataSource);
    const batch = (titles: string[], year = 2026) =>
      repo.createItems({
        organisationId: org.id,
        year,
        source: 'superior_review',
        deadline: '2026-12-31',
        items: titles.map((title) => ({ id: randomUUID(), title, detail: '' })),
        status: 'identified',
        createdBy: userId,
        actor: { userId, role: 'supervisor' },
        historyPayload: { source: 'superior_review', year, deadline: '2026-12-31' },
      });
    expect(await batch(['甲', '乙'])).toEqual({ kind: 'created', seqs: [1, 2] });
    expect(await batch(['丙'])).toEqual({ kind: 'created', seqs: [3] });
    expect(await batch(['丁'], 2027)).toEqual({ kind: 'created', seqs: [1] });
    const items = await query(
      `SELECT i.title, i.year, i.seq, i.report_id AS "reportId", i.created_by AS "createdBy", i.status,
              to_char(i.deadline, 'YYYY-MM-DD') AS deadline, h.event, h.seq AS "line", h.actor_id AS "actorId",
              to_char(h.deadline, 'YYYY-MM-DD') AS "lineDeadline"
         FROM rectification_item i JOIN item_history h ON h.item_id = i.id
        WHERE i.report_id IS NULL ORDER BY i.year, i.seq`,
    );
    expect(items.map((i: { title: string; year: number; seq: number }) => [i.title, i.year, i.seq])).toEqual([
      ['甲', 2026, 1],
      ['乙', 2026, 2],
      ['丙', 2026, 3],
      ['丁', 2027, 1],
    ]);
    expect(items[0]).toMatchObject({
      reportId: null,
      createdBy: userId,
      status: 'identified',
      deadline: '2026-12-31',
      event: 'CREATE',
      line: 1,
      actorId: userId,
      lineDeadline: '2026-12-31',
    });
    // One outbox row per item, naming its CREATE line: the worker tells the organisation's people.
    expect(
      await query(
        `SELECT count(*)::int AS n FROM outbox o JOIN item_history h ON h.id = o.history_id AND h.item_id = o.item_id
          WHERE o.reason = 'CREATE' AND h.event = 'CREATE'`,
      ),
    ).toEqual([{ n: 4 }]);
    expect(await query(`SELECT count(*)::int AS n FROM outbox`)).toEqual([{ n: 4 }]);
    const gone = await repo.createItems({
      organisationId: randomUUID(),
      year: 2026,
      source: 'other',
      deadline: null,
      items: [{ id: randomUUID(), title: '戊', detail: '' }],
      status: 'identified',
      createdBy: null,
      actor: { userId: 'system', role: 'system' },
      historyPayload: {},
    });
    expect(gone).toEqual({ kind: 'organisation_not_found' });
  });
});
