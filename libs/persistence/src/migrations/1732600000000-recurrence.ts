import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Recurring problems (反复出现): a link from a newly found problem to an earlier problem of the
 * same organisation that it resembles, with how alike they are.
 */
export class Recurrence1732600000000 implements MigrationInterface {
  name = 'Recurrence1732600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE item_recurrence (
        item_id uuid NOT NULL REFERENCES rectification_item(id),
        earlier_item_id uuid NOT NULL REFERENCES rectification_item(id),
        score numeric(4, 3) NOT NULL,
        detected_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (item_id, earlier_item_id),
        CHECK (item_id <> earlier_item_id)
      )`);
    await q.query(`CREATE INDEX item_recurrence_earlier_idx ON item_recurrence (earlier_item_id)`);
    // The closing-the-loop queries select one organisation's items of one report year.
    await q.query(`CREATE INDEX report_org_year_idx ON report (organisation_id, year)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS report_org_year_idx`);
    await q.query(`DROP TABLE IF EXISTS item_recurrence`);
  }
}
