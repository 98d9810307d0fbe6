import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * `shown_recurrence_links`: for each item with recurrence links (反复出现), how many of them are
 * shown (their earlier item not withdrawn) and the weakest of them (its score, year and earlier
 * item). An import of an older report reads it with the later items its problems may be
 * repeated by, and sends only the links that can still make an item's best
 * RECURRENCE_MAX_LINKS: with that many shown links all ranked above a new link, the link would
 * be neither kept nor displace one (recurrenceLinkCtes). At
 * one branch of bench:transitions an import offered ~200 such links, kept ~10, and read every
 * one of those items' links to decide (a third of its time in PostgreSQL).
 *
 * Kept by its writers: an import's statement counts again every item it offers links to (it
 * reads all their links to rank them anyway) and its new items (recurrenceLinkCtes); removing an
 * import counts again the items whose links went with it (count_shown_recurrence_links); a
 * withdrawal or a restore drops the rows of the items repeating the item (a trigger, whoever
 * writes). A missing row only means every link is offered. An import decides from the rows as
 * they were when it looked its candidates up, as it decides which items to compare: a
 * withdrawal between the two gives what the withdrawal just after the import would have given.
 */
export class ShownRecurrenceLinks1732940000000 implements MigrationInterface {
  name = 'ShownRecurrenceLinks1732940000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE shown_recurrence_links (
        item_id uuid PRIMARY KEY REFERENCES rectification_item (id) ON DELETE CASCADE,
        links int NOT NULL,
        weakest_score numeric(4, 3),
        weakest_year int,
        weakest_earlier_item_id uuid
      )`);
    // Each given item (that still exists) with its shown links counted again, and the last of
    // them in the order links are ranked in (score, the nearer year, the id: recurrenceLinkCtes).
    // One upsert, so two writers of the same item wait for each other instead of colliding. The
    // links by item, then their earlier items by key (OFFSET 0): without statistics the planner
    // otherwise walks every shown item of the table and probes each for a link. A SQL function,
    // planned at each call for the tables as they are (a PL/pgSQL one keeps the plan it made
    // when they were small, which then scanned them whole for each item: 44 ms an import).
    await q.query(`
      CREATE FUNCTION count_shown_recurrence_links(items uuid[]) RETURNS void AS $$
        INSERT INTO shown_recurrence_links (item_id, links, weakest_score, weakest_year, weakest_earlier_item_id)
        SELECT i.id, coalesce(w.links, 0), w.score, w.year, w.earlier_item_id
          FROM unnest(items) AS x(id)
          JOIN rectification_item i ON i.id = x.id
          LEFT JOIN LATERAL (
            SELECT count(*) OVER () AS links, ir.score, e.year, ir.earlier_item_id
              FROM (SELECT * FROM item_recurrence ir WHERE ir.item_id = i.id OFFSET 0) ir
             CROSS JOIN LATERAL (
               SELECT e.year FROM rectification_item e
                WHERE e.id = ir.earlier_item_id AND e.withdrawn_at IS NULL OFFSET 0) e
             ORDER BY ir.score, e.year NULLS FIRST, ir.earlier_item_id DESC
             LIMIT 1) w ON TRUE
        ON CONFLICT (item_id) DO UPDATE
          SET links = EXCLUDED.links, weakest_score = EXCLUDED.weakest_score,
              weakest_year = EXCLUDED.weakest_year, weakest_earlier_item_id = EXCLUDED.weakest_earlier_item_id
      $$ LANGUAGE sql`);
    // A withdrawn item hides the links of the items that repeat it (a restored one shows them):
    // their rows are dropped, to be counted again by the next import that offers them a link.
    await q.query(`
      CREATE FUNCTION shown_recurrence_links_after_withdrawal() RETURNS trigger AS $$
      BEGIN
        DELETE FROM shown_recurrence_links
         WHERE item_id IN (SELECT item_id FROM item_recurrence WHERE earlier_item_id = NEW.id);
        RETURN NULL;
      END $$ LANGUAGE plpgsql`);
    await q.query(`
      CREATE TRIGGER shown_recurrence_links_withdrawal AFTER UPDATE OF withdrawn_at ON rectification_item
        FOR EACH ROW WHEN (OLD.withdrawn_at IS DISTINCT FROM NEW.withdrawn_at)
        EXECUTE FUNCTION shown_recurrence_links_after_withdrawal()`);
    await q.query(`SELECT count_shown_recurrence_links(ARRAY(SELECT DISTINCT item_id FROM item_recurrence))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS shown_recurrence_links_withdrawal ON rectification_item`);
    await q.query(`DROP FUNCTION IF EXISTS shown_recurrence_links_after_withdrawal()`);
    await q.query(`DROP FUNCTION IF EXISTS count_shown_recurrence_links(uuid[])`);
    await q.query(`DROP TABLE IF EXISTS shown_recurrence_links`);
  }
}
