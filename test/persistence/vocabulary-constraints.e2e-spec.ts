import { ITEM_SOURCES, RECTIFICATION_STATUSES } from '@rectify/domain';
import { type Database } from '@rectify/persistence';
import { REPOSITORY_BACKENDS } from '../support/scope-tree-fixture';

/**
 * The database's CHECK constraints must accept exactly the vocabulary of libs/domain: a status or
 * source added there without a migration (or dropped from the code but left in the schema) fails
 * here, on PostgreSQL and on the embedded PGlite, rather than on the first write.
 */
async function allowedValues(db: Database, table: string, column: string): Promise<string[]> {
  const rows: { def: string }[] = await db.dataSource.query(
    `SELECT pg_get_constraintdef(c.oid) AS def
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
      WHERE t.relname = $1 AND c.contype = 'c' AND pg_get_constraintdef(c.oid) LIKE '%' || $2 || '%'`,
    [table, `(${column} = ANY`],
  );
  expect(rows).toHaveLength(1);
  return [...rows[0].def.matchAll(/'([^']+)'::text/g)].map((m) => m[1]).sort();
}

describe.each(REPOSITORY_BACKENDS)('the schema on %s', (_name, open) => {
  let db: Database;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db?.close());

  it('accepts exactly the statuses and item sources of the vocabulary', async () => {
    expect(await allowedValues(db, 'rectification_item', 'status')).toEqual(
      [...RECTIFICATION_STATUSES].sort(),
    );
    expect(await allowedValues(db, 'rectification_item', 'source')).toEqual([...ITEM_SOURCES].sort());
  });
});
