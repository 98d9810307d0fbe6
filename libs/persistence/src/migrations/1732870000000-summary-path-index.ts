import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Indexes of the summary (整改情况汇总, plans in bench/README.md, "EXPLAIN plans"):
 * - `rectification_item_year_path_idx`: (year, organisation_path text_pattern_ops) INCLUDE
 *   (status, source, deadline, organisation_id, id) of the items not withdrawn: a 市's 50,000
 *   items of one year are one range of one index, read without their rows, instead of its
 *   organisations walked one by one and the items of each;
 * - `organisation_parent_idx` (parent_id): the direct children that head the summary's rows.
 */
export class SummaryPathIndex1732870000000 implements MigrationInterface {
  name = 'SummaryPathIndex1732870000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX rectification_item_year_path_idx
         ON rectification_item (year, organisation_path text_pattern_ops)
         INCLUDE (status, source, deadline, organisation_id, id) WHERE withdrawn_at IS NULL`,
    );
    await q.query(`CREATE INDEX organisation_parent_idx ON organisation (parent_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS organisation_parent_idx`);
    await q.query(`DROP INDEX IF EXISTS rectification_item_year_path_idx`);
  }
}
