import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * `rectification_item_org_year_shown_idx` (organisation_id, year) over the items not withdrawn:
 * an organisation's items of one year (TrackedItemsRepository.problemsOfYear, read by every
 * import's check of its 上年度整改情况). Without statistics (a table that grew since its last
 * ANALYZE, or the embedded database, which never runs one) the planner otherwise took the
 * organisation's status index, which also skips withdrawn items, and filtered by year: 4,500
 * rows read for 650 at one branch of bench:transitions.
 */
export class ItemsOfYearIndex1732930000000 implements MigrationInterface {
  name = 'ItemsOfYearIndex1732930000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX rectification_item_org_year_shown_idx ON rectification_item (organisation_id, year)
         WHERE withdrawn_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS rectification_item_org_year_shown_idx`);
  }
}
