import { type Database, tablesDueForUpkeep, upkeepEmbeddedTables } from '@rectify/persistence';
import { openMemoryDatabase } from '../support/memory-database';

/**
 * PGlite runs no autovacuum: without the product's own upkeep a table's statistics stay as its
 * first analysis left them however large it grows, and the plans follow them
 * (embedded-upkeep.ts).
 */
describe('the embedded database keeps its statistics up with its tables', () => {
  let db: Database;

  const statistics = async (table: string) => {
    const [row] = await db.dataSource.query(
      `SELECT c.reltuples::int AS tuples,
              (SELECT count(*)::int FROM pg_stats s WHERE s.tablename = c.relname) AS columns
         FROM pg_class c WHERE c.relname = $1`,
      [table],
    );
    return row as { tuples: number; columns: number };
  };
  const grow = (table: string, rows: number) =>
    db.dataSource.query(
      `INSERT INTO ${table} (n, label) SELECT g, 'row ' || g FROM generate_series(1, $1) g`,
      [rows],
    );

  describe('one round', () => {
    beforeAll(async () => {
      db = await openMemoryDatabase({ embeddedUpkeep: false });
      await db.dataSource.query(`CREATE TABLE upkeep_probe (n int, label text)`);
    });
    afterAll(() => db?.close());

    it('analyses a table never analysed, then again once it has grown, and not before', async () => {
      await grow('upkeep_probe', 10_000);
      expect(await statistics('upkeep_probe')).toEqual({ tuples: -1, columns: 0 });
      expect((await tablesDueForUpkeep(db.dataSource)).map((t) => t.table)).toContain('upkeep_probe');

      const done = await upkeepEmbeddedTables(db.dataSource);
      expect(done.map((t) => t.table)).toContain('upkeep_probe');
      expect(await statistics('upkeep_probe')).toEqual({ tuples: 10_000, columns: 2 });
      // Nothing grew since: nothing is due.
      expect(await tablesDueForUpkeep(db.dataSource)).toEqual([]);

      await grow('upkeep_probe', 500);
      expect((await tablesDueForUpkeep(db.dataSource)).map((t) => t.table)).not.toContain('upkeep_probe');
      await grow('upkeep_probe', 10_000);
      expect((await upkeepEmbeddedTables(db.dataSource)).map((t) => t.table)).toEqual(['upkeep_probe']);
      expect(await statistics('upkeep_probe')).toMatchObject({ tuples: 20_500 });
    });

    it('waits for another connection to end its transaction (VACUUM cannot run inside one)', async () => {
      await grow('upkeep_probe', 30_000);
      const runner = db.dataSource.createQueryRunner();
      await runner.startTransaction();
      try {
        await runner.query(`INSERT INTO upkeep_probe (n, label) VALUES (0, 'open')`);
        let finished = false;
        const upkeep = upkeepEmbeddedTables(db.dataSource).then((done) => {
          finished = true;
          return done;
        });
        await new Promise((r) => setTimeout(r, 300));
        expect(finished).toBe(false);
        await runner.commitTransaction();
        expect((await upkeep).map((t) => t.table)).toEqual(['upkeep_probe']);
      } finally {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        await runner.release();
      }
      expect(await statistics('upkeep_probe')).toMatchObject({ tuples: 50_501 });
    });
  });

  describe('on its schedule', () => {
    beforeAll(async () => {
      db = await openMemoryDatabase({ embeddedUpkeep: { firstAfterMs: 100, everyMs: 200 } });
      await db.dataSource.query(`CREATE TABLE upkeep_probe (n int, label text)`);
    });
    afterAll(() => db?.close());

    it('the process that opened the database analyses a table that grows, by itself', async () => {
      await grow('upkeep_probe', 5_000);
      const deadline = Date.now() + 20_000;
      while ((await statistics('upkeep_probe')).tuples !== 5_000 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await statistics('upkeep_probe')).toEqual({ tuples: 5_000, columns: 2 });
    });
  });
});
