import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Covering indexes for the subtree reads at province scale (200,000 organisations, 1,000,000
 * items; plans in bench/README.md, "EXPLAIN plans"):
 * - `organisation_path_idx` becomes (path text_pattern_ops) INCLUDE (id): a subtree ('/…/%')
 *   is read from the index alone, without visiting 10,000 organisation rows of a 县;
 * - `rectification_item_org_status_idx` (organisation_id, status) INCLUDE (created_at, seq) for
 *   the items that are not withdrawn: the items page counts and orders a subtree's items of one
 *   status from the index, and reads the rows of the 50 it shows only.
 */
export class SubtreePageIndexes1732840000000 implements MigrationInterface {
  name = 'SubtreePageIndexes1732840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS organisation_path_idx`);
    await q.query(`CREATE INDEX organisation_path_idx ON organisation (path text_pattern_ops) INCLUDE (id)`);
    await q.query(
      `CREATE INDEX rectification_item_org_status_idx ON rectification_item (organisation_id, status)
         INCLUDE (created_at, seq) WHERE withdrawn_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS rectification_item_org_status_idx`);
    await q.query(`DROP INDEX IF EXISTS organisation_path_idx`);
    await q.query(`CREATE INDEX organisation_path_idx ON organisation (path text_pattern_ops)`);
  }
}
