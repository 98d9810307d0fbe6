import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * `rectification_item_year_path_idx`: (year, organisation_path text_pattern_ops) INCLUDE (status,
 * source, deadline, organisation_id) of the items not withdrawn, so a summary (整改情况汇总) reads
 * a 市's 50,000 items of one year from one range of one index (plan in bench/README.md, "EXPLAIN
 * plans"), instead of walking its organisations and the items of each.
 */
export class SummaryPathIndex1732870000000 implements MigrationInterface {
  name = 'SummaryPathIndex1732870000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX rectification_item_year_path_idx
         ON rectification_item (year, organisation_path text_pattern_ops)
         INCLUDE (status, source, deadline, organisation_id) WHERE withdrawn_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS rectification_item_year_path_idx`);
  }
}
