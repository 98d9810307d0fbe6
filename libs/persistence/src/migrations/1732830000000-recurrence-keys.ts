import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { insertRecurrenceKeys } from '../repositories/tracked-items/recurrence-key-rows';

/** Items indexed per statement while filling the index for the items stored before it. */
const BATCH = 2_000;

/**
 * The recurrence index (反复出现): each item's keys (its subjects and its rarest characters and
 * pairs, recurrenceKeys in libs/domain) under its organisation and year, so that an import
 * compares a new problem only with the items sharing a key instead of with every item of the
 * organisation's five years around (bench/README.md, bench:transitions). Fills it for the
 * existing items; run again (down, up) when the keys' definition changes.
 */
export class RecurrenceKeys1732830000000 implements MigrationInterface {
  name = 'RecurrenceKeys1732830000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE recurrence_key (
        organisation_id uuid NOT NULL,
        year int NOT NULL,
        key text NOT NULL,
        item_id uuid NOT NULL REFERENCES rectification_item(id) ON DELETE CASCADE,
        PRIMARY KEY (organisation_id, key, year, item_id)
      )`);
    // Removing an import deletes its items: the cascade finds their keys by item.
    await q.query(`CREATE INDEX recurrence_key_item_idx ON recurrence_key (item_id)`);
    for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
      const items: { id: string; organisationId: string; year: number; title: string }[] = await q.query(
        `SELECT id, organisation_id AS "organisationId", year, title FROM rectification_item
          WHERE year IS NOT NULL AND id > $1 ORDER BY id LIMIT ${BATCH}`,
        [after],
      );
      if (items.length === 0) break;
      await insertRecurrenceKeys(q, items);
      after = items[items.length - 1].id;
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS recurrence_key`);
  }
}
