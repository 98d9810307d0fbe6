import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * What a summary (整改情况汇总) of a 市 reads, its 50,000 items of one year, from one index range
 * (plans in bench/README.md, "EXPLAIN plans"):
 * - `rectification_item.measure_count`: how many measures the item has, kept by the database
 *   (statement triggers on `measure` add and subtract the rows each statement inserts or deletes,
 *   so concurrent writers add up and no writer can forget it), so the summary no longer counts
 *   each item's measures (50,000 index probes, ~120 ms);
 * - `rectification_item_year_path_idx`: (year, organisation_path text_pattern_ops) INCLUDE
 *   (status, source, deadline, organisation_id, id, measure_count) of the items not withdrawn:
 *   the year's items of a subtree read from the index alone, instead of its organisations walked
 *   one by one and the items of each;
 * - `organisation_parent_idx` (parent_id): the direct children that head the summary's rows.
 */
export class SummaryPathIndex1732870000000 implements MigrationInterface {
  name = 'SummaryPathIndex1732870000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rectification_item ADD COLUMN measure_count integer NOT NULL DEFAULT 0`);
    await q.query(
      `UPDATE rectification_item i SET measure_count = m.n
         FROM (SELECT item_id, count(*) AS n FROM measure GROUP BY item_id) m WHERE m.item_id = i.id`,
    );
    for (const [event, table, sign] of [
      ['INSERT', 'NEW', '+'],
      ['DELETE', 'OLD', '-'],
    ] as const) {
      const name = `measure_count_after_${event.toLowerCase()}`;
      await q.query(`
        CREATE FUNCTION ${name}() RETURNS trigger AS $$
        BEGIN
          UPDATE rectification_item i SET measure_count = i.measure_count ${sign} changed.n
            FROM (SELECT item_id, count(*) AS n FROM changed_measure GROUP BY item_id) changed
           WHERE i.id = changed.item_id;
          RETURN NULL;
        END $$ LANGUAGE plpgsql`);
      await q.query(`
        CREATE TRIGGER ${name} AFTER ${event} ON measure
          REFERENCING ${table} TABLE AS changed_measure
          FOR EACH STATEMENT EXECUTE FUNCTION ${name}()`);
    }
    // A measure never moves to another item; should one, the counts would drift: refuse it.
    await q.query(`
      CREATE FUNCTION measure_item_fixed() RETURNS trigger AS $$
      BEGIN
        RAISE EXCEPTION 'a measure cannot move to another item (measure %)', OLD.id;
      END $$ LANGUAGE plpgsql`);
    await q.query(`
      CREATE TRIGGER measure_item_fixed BEFORE UPDATE OF item_id ON measure
        FOR EACH ROW WHEN (OLD.item_id IS DISTINCT FROM NEW.item_id)
        EXECUTE FUNCTION measure_item_fixed()`);
    await q.query(
      `CREATE INDEX rectification_item_year_path_idx
         ON rectification_item (year, organisation_path text_pattern_ops)
         INCLUDE (status, source, deadline, organisation_id, id, measure_count) WHERE withdrawn_at IS NULL`,
    );
    await q.query(`CREATE INDEX organisation_parent_idx ON organisation (parent_id)`);
    // Fresh statistics after every row was rewritten, and in place of those an earlier version of
    // 1732860000030 left on a database migrated while empty ("no rows": foreign-key checks against
    // the items planned as whole-table scans). Never on an empty table (see fresh-statistics test).
    const [{ any }] = await q.query(`SELECT EXISTS (SELECT 1 FROM rectification_item) AS any`);
    if (any) await q.query(`ANALYZE rectification_item`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS organisation_parent_idx`);
    await q.query(`DROP INDEX IF EXISTS rectification_item_year_path_idx`);
    await q.query(`DROP TRIGGER IF EXISTS measure_item_fixed ON measure`);
    await q.query(`DROP FUNCTION IF EXISTS measure_item_fixed()`);
    for (const event of ['insert', 'delete']) {
      await q.query(`DROP TRIGGER IF EXISTS measure_count_after_${event} ON measure`);
      await q.query(`DROP FUNCTION IF EXISTS measure_count_after_${event}()`);
    }
    await q.query(`ALTER TABLE rectification_item DROP COLUMN measure_count`);
  }
}
