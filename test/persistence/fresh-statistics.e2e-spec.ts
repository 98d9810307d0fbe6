import { type Database, openDatabase } from '@rectify/persistence';
import { openMemoryDatabase } from '../support/memory-database';
import { createTestDatabase } from '../support/test-database';

/**
 * No migration may leave a table's statistics saying "empty" (an ANALYZE of an empty table):
 * the foreign-key checks a process plans while the tables are small would stay cached as scans
 * of the whole table, and every import would check its links against every item (at one branch,
 * 18 reports/s instead of 50 after 1,000 imports; the embedded database has no autovacuum to
 * plan them again). A table never analysed is planned from its real size instead.
 */
describe.each([
  ['PostgreSQL', 'server'],
  ['PGlite', 'embedded'],
] as const)('a database migrated from nothing on %s', (_name, kind) => {
  let db: Database;
  let drop = async () => {};

  beforeAll(async () => {
    if (kind === 'embedded') {
      db = await openMemoryDatabase();
      return;
    }
    const database = await createTestDatabase({ empty: true });
    drop = database.drop;
    db = await openDatabase({ databaseUrl: database.url });
  });
  afterAll(async () => {
    await db?.close();
    await drop();
  });

  it('has no table whose statistics say it is empty', async () => {
    const analysedEmpty = await db.dataSource.query(
      `SELECT relname FROM pg_class
        WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND reltuples = 0
        ORDER BY relname`,
    );
    expect(analysedEmpty).toEqual([]);
  });
});
