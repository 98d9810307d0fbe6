import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Items that do not come from a report (上级点评、巡视巡察反馈、群众评议、其他, created by a
 * supervisor or an administrator):
 * - `report_id` may be null; the unique (report_id, seq) key stays for imported items (NULLs
 *   never collide).
 * - each item has its own `year` (the year it belongs to: summaries, ledgers and the 上年度整改情况
 *   section count it there), backfilled from its report. It stays null only for an item imported
 *   from a report whose year is unknown, as before; an item without a report must have a year.
 * - `created_by`: who created an item by hand (null for imported items).
 * - the source 其他 (`other`).
 */
export class CreatedItems1732760000000 implements MigrationInterface {
  name = 'CreatedItems1732760000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rectification_item ALTER COLUMN report_id DROP NOT NULL`);
    await q.query(`ALTER TABLE rectification_item ADD COLUMN year int`);
    await q.query(
      `UPDATE rectification_item i SET year = r.year FROM report r WHERE r.id = i.report_id AND i.year IS NULL`,
    );
    await q.query(`
      ALTER TABLE rectification_item ADD CONSTRAINT rectification_item_year_without_report
        CHECK (report_id IS NOT NULL OR year IS NOT NULL)`);
    await q.query(`ALTER TABLE rectification_item ADD COLUMN created_by uuid REFERENCES app_user(id)`);
    await q.query(
      `CREATE INDEX rectification_item_org_year_idx ON rectification_item (organisation_id, year)`,
    );
    await setSources(q, [
      'self_inspection',
      'superior_review',
      'public_appraisal',
      'inspection_tour',
      'other',
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await setSources(q, ['self_inspection', 'superior_review', 'public_appraisal', 'inspection_tour']);
    await q.query(`DROP INDEX IF EXISTS rectification_item_org_year_idx`);
    await q.query(`ALTER TABLE rectification_item DROP COLUMN IF EXISTS created_by`);
    await q.query(
      `ALTER TABLE rectification_item DROP CONSTRAINT IF EXISTS rectification_item_year_without_report`,
    );
    await q.query(`ALTER TABLE rectification_item DROP COLUMN IF EXISTS year`);
    await q.query(`ALTER TABLE rectification_item ALTER COLUMN report_id SET NOT NULL`);
  }
}

// Literal values: a migration records the vocabulary of its time, not today's.
async function setSources(q: QueryRunner, sources: string[]): Promise<void> {
  await q.query(`ALTER TABLE rectification_item DROP CONSTRAINT IF EXISTS rectification_item_source_check`);
  await q.query(
    `ALTER TABLE rectification_item ADD CONSTRAINT rectification_item_source_check
       CHECK (source IN (${sources.map((s) => `'${s}'`).join(', ')}))`,
  );
}
