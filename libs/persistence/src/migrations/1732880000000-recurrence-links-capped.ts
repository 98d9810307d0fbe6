import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * An item keeps at most three recurrence links (反复出现, the domain's RECURRENCE_MAX_LINKS),
 * also when older reports are imported after it (see insertRecurrenceLinks). Before, each older
 * report added its links to the later items: this keeps each item's three best (score, then the
 * nearer year, then the id; links to withdrawn items are left, they are not shown). Deleted links
 * cannot be told apart from ones never made, so `down` leaves the table as it is.
 */
export class RecurrenceLinksCapped1732880000000 implements MigrationInterface {
  name = 'RecurrenceLinksCapped1732880000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM item_recurrence ir USING (
        SELECT ir.item_id, ir.earlier_item_id,
               row_number() OVER (PARTITION BY ir.item_id ORDER BY ir.score DESC, e.year DESC NULLS LAST, e.id) AS rank
          FROM item_recurrence ir JOIN rectification_item e ON e.id = ir.earlier_item_id AND e.withdrawn_at IS NULL
      ) ranked
      WHERE ranked.rank > 3 AND ir.item_id = ranked.item_id AND ir.earlier_item_id = ranked.earlier_item_id`);
  }

  async down(): Promise<void> {
    // Nothing to undo: see above.
  }
}
