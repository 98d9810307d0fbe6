import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * `rectification_item.organisation_path`: a copy of its organisation's materialised path, so that
 * the items page of a subtree in one status is one index range
 * (`rectification_item_status_path_idx`: (status, organisation_path) INCLUDE (created_at, seq,
 * organisation_id, id), items not withdrawn: the count and the page's ids from the index alone) instead of one probe per organisation of the subtree
 * (10,000 for a 县 at province scale; plans in bench/README.md).
 *
 * Kept in step by the database itself, so no writer can forget it: a BEFORE INSERT / UPDATE OF
 * organisation_id trigger on the item copies the organisation's path, and an AFTER UPDATE
 * statement trigger on organisation (a move rewrites the paths of a whole subtree in one
 * statement) copies the new paths onto the items of the organisations whose path changed.
 */
export class ItemOrganisationPath1732860000030 implements MigrationInterface {
  name = 'ItemOrganisationPath1732860000030';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rectification_item ADD COLUMN organisation_path text`);
    await q.query(
      `UPDATE rectification_item i SET organisation_path = o.path FROM organisation o WHERE o.id = i.organisation_id`,
    );
    await q.query(`ALTER TABLE rectification_item ALTER COLUMN organisation_path SET NOT NULL`);
    await q.query(`
      CREATE FUNCTION rectification_item_copy_organisation_path() RETURNS trigger AS $$
      BEGIN
        SELECT o.path INTO NEW.organisation_path FROM organisation o WHERE o.id = NEW.organisation_id;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await q.query(`
      CREATE TRIGGER rectification_item_organisation_path
        BEFORE INSERT OR UPDATE OF organisation_id, organisation_path ON rectification_item
        FOR EACH ROW EXECUTE FUNCTION rectification_item_copy_organisation_path()`);
    await q.query(`
      CREATE FUNCTION organisation_path_to_items() RETURNS trigger AS $$
      BEGIN
        UPDATE rectification_item i SET organisation_path = moved.path
          FROM moved_organisation moved
         WHERE i.organisation_id = moved.id AND i.organisation_path <> moved.path;
        RETURN NULL;
      END $$ LANGUAGE plpgsql`);
    await q.query(`
      CREATE TRIGGER organisation_path_to_items
        AFTER UPDATE ON organisation REFERENCING NEW TABLE AS moved_organisation
        FOR EACH STATEMENT EXECUTE FUNCTION organisation_path_to_items()`);
    await q.query(
      `CREATE INDEX rectification_item_status_path_idx
         ON rectification_item (status, organisation_path text_pattern_ops)
         INCLUDE (created_at, seq, organisation_id, id) WHERE withdrawn_at IS NULL`,
    );
    // Statistics for the new column now, so the first pages are planned on the new index. Never
    // on an empty table: its statistics would say "empty" until the next ANALYZE (never, on the
    // embedded database, which has no autovacuum), and every foreign-key check against the items
    // would be planned, and cached, as a scan of the whole table (imports slowed with each item).
    const [{ any }] = await q.query(`SELECT EXISTS (SELECT 1 FROM rectification_item) AS any`);
    if (any) await q.query(`ANALYZE rectification_item`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS rectification_item_status_path_idx`);
    await q.query(`DROP TRIGGER IF EXISTS organisation_path_to_items ON organisation`);
    await q.query(`DROP FUNCTION IF EXISTS organisation_path_to_items()`);
    await q.query(`DROP TRIGGER IF EXISTS rectification_item_organisation_path ON rectification_item`);
    await q.query(`DROP FUNCTION IF EXISTS rectification_item_copy_organisation_path()`);
    await q.query(`ALTER TABLE rectification_item DROP COLUMN IF EXISTS organisation_path`);
  }
}
