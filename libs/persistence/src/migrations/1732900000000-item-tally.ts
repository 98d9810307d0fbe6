import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * What the items page reads at province scale without visiting a subtree's items one by one:
 *
 * - 事项计数 (`item_tally`): how many items not withdrawn each organisation's subtree holds, by
 *   status and year (0: no year), as deltas `n` to be summed. Statement-level triggers on
 *   `rectification_item` append them (+1 / −1 for every organisation on the item's path) when
 *   an item is inserted, deleted, withdrawn or restored, or changes status, year or
 *   organisation (a move of a subtree rewrites its items' paths, so its counts move too). Only
 *   rows are appended, never updated: two writers never wait for each other on a shared
 *   ancestor's count (the 省's would otherwise serialise every write of the province).
 *   CompactItemTalliesUseCase folds each key's deltas into one row now and then; until then a
 *   count sums a few more rows. A 县's count of one status reads one row where it read 15,000
 *   index entries (and a 市's unfiltered list 250,000).
 * - `rectification_item_listing_idx` (created_at, seq DESC) INCLUDE (status, organisation_path,
 *   id), items not withdrawn: the page, newest first (the index read backwards), filtered on the
 *   path and status until it is full, instead of sorting a subtree's every item for its first 50.
 *   Ascending, so that new items land on the rightmost page, which splits full (a descending
 *   index would take them at its left edge and leave every page half empty).
 */
export class ItemTally1732900000000 implements MigrationInterface {
  name = 'ItemTally1732900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE item_tally (
        id bigserial PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisation (id) ON DELETE CASCADE,
        status text NOT NULL,
        year int NOT NULL,
        n int NOT NULL
      )`);
    await q.query(
      `CREATE INDEX item_tally_key_idx ON item_tally (organisation_id, status, year) INCLUDE (n)`,
    );
    // Each (path, status, year, ±1) given, summed per organisation on the path: one row a key.
    const append = (deltas: string) => `
      INSERT INTO item_tally (organisation_id, status, year, n)
      SELECT a.id::uuid, d.status, d.year, sum(d.n)
        FROM (${deltas}) d
        CROSS JOIN LATERAL unnest(string_to_array(btrim(d.organisation_path, '/'), '/')) AS a(id)
       GROUP BY 1, 2, 3
      HAVING sum(d.n) <> 0`;
    const counted = (table: string, sign: string) =>
      `SELECT organisation_path, status, coalesce(year, 0) AS year, ${sign} AS n FROM ${table} WHERE withdrawn_at IS NULL`;
    // A function per event, each its statement's rows counted once.
    const fn = (name: string, body: string) =>
      q.query(`
        CREATE FUNCTION ${name}() RETURNS trigger AS $$
        BEGIN
          ${body};
          RETURN NULL;
        END $$ LANGUAGE plpgsql`);
    await fn('item_tally_inserted', append(counted('new_items', '1')));
    await fn('item_tally_deleted', append(counted('old_items', '-1')));
    // Most updates (a version, measures, a deadline) change nothing counted: only the rows that
    // do are unnested.
    await fn(
      'item_tally_updated',
      append(`
          SELECT o.organisation_path, o.status, coalesce(o.year, 0) AS year, -1 AS n
            FROM old_items o JOIN new_items c ON c.id = o.id
           WHERE o.withdrawn_at IS NULL
             AND (c.withdrawn_at IS NOT NULL OR c.status <> o.status OR c.organisation_path <> o.organisation_path
                  OR c.year IS DISTINCT FROM o.year)
          UNION ALL
          SELECT c.organisation_path, c.status, coalesce(c.year, 0) AS year, 1 AS n
            FROM old_items o JOIN new_items c ON c.id = o.id
           WHERE c.withdrawn_at IS NULL
             AND (o.withdrawn_at IS NOT NULL OR c.status <> o.status OR c.organisation_path <> o.organisation_path
                  OR c.year IS DISTINCT FROM o.year)`),
    );
    await q.query(`
      CREATE TRIGGER item_tally_inserted AFTER INSERT ON rectification_item
        REFERENCING NEW TABLE AS new_items FOR EACH STATEMENT EXECUTE FUNCTION item_tally_inserted()`);
    await q.query(`
      CREATE TRIGGER item_tally_deleted AFTER DELETE ON rectification_item
        REFERENCING OLD TABLE AS old_items FOR EACH STATEMENT EXECUTE FUNCTION item_tally_deleted()`);
    await q.query(`
      CREATE TRIGGER item_tally_updated AFTER UPDATE ON rectification_item
        REFERENCING OLD TABLE AS old_items NEW TABLE AS new_items
        FOR EACH STATEMENT EXECUTE FUNCTION item_tally_updated()`);
    // The items already there, counted once.
    await q.query(append(counted('rectification_item', '1')));
    await q.query(
      `CREATE INDEX rectification_item_listing_idx ON rectification_item (created_at, seq DESC)
         INCLUDE (status, organisation_path, id) WHERE withdrawn_at IS NULL`,
    );
    // Statistics for the new table now only when it has rows (see 1732860000030: an empty
    // table analysed is planned as empty until the embedded database analyses it again).
    const [{ any }] = await q.query(`SELECT EXISTS (SELECT 1 FROM item_tally) AS any`);
    if (any) await q.query(`ANALYZE item_tally`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS rectification_item_listing_idx`);
    await q.query(`DROP TRIGGER IF EXISTS item_tally_updated ON rectification_item`);
    await q.query(`DROP TRIGGER IF EXISTS item_tally_deleted ON rectification_item`);
    await q.query(`DROP TRIGGER IF EXISTS item_tally_inserted ON rectification_item`);
    await q.query(`DROP FUNCTION IF EXISTS item_tally_updated()`);
    await q.query(`DROP FUNCTION IF EXISTS item_tally_deleted()`);
    await q.query(`DROP FUNCTION IF EXISTS item_tally_inserted()`);
    await q.query(`DROP TABLE IF EXISTS item_tally`);
  }
}
