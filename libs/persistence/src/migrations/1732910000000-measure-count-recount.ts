import { type MigrationInterface, type QueryRunner } from 'typeorm';

// The triggers of 1732870000000 as they were: each statement's measures added or subtracted.
const DELTA = (sign: '+' | '-') => `
  UPDATE rectification_item i SET measure_count = i.measure_count ${sign} changed.n
    FROM (SELECT item_id, count(*) AS n FROM changed_measure GROUP BY item_id) changed
   WHERE i.id = changed.item_id;`;

// The items a statement changed measures of whose count is wrong are locked (in id order, so
// two writers cannot deadlock), then counted afresh and written: plpgsql reads with a new
// snapshot per statement, so a writer that waited for another's lock counts what the other
// committed. A count a writer set right is neither locked nor written (an import's items, a
// SET_MEASURES). The items are looked up by key (= ANY of an array): a join with the transition
// table, which has no statistics, was planned as a scan of every item.
const CHANGED = `i.id = ANY (ARRAY(SELECT DISTINCT item_id FROM changed_measure))`;
const COUNTED = `(SELECT count(*) FROM measure m WHERE m.item_id = i.id)`;
const RECOUNT = `
  PERFORM 1 FROM rectification_item i
    WHERE ${CHANGED} AND i.measure_count <> ${COUNTED} ORDER BY i.id FOR NO KEY UPDATE;
  UPDATE rectification_item i SET measure_count = ${COUNTED}
   WHERE ${CHANGED} AND i.measure_count <> ${COUNTED};`;

/**
 * `rectification_item.measure_count` (how many measures an item has) is written by the writers
 * that know it: an import inserts its items with their counts, SET_MEASURES sets the count with
 * the measures it replaces. The statement triggers on `measure` then only check it, counting the
 * changed items' measures and correcting a count that is wrong (a writer that does not set it).
 * Before, they added each statement's measures to the count: an UPDATE of every item just
 * inserted (1.1–1.7 ms of each import, a second version of each row in every item index), and
 * two more for a SET_MEASURES (its delete, then its insert).
 */
export class MeasureCountRecount1732910000000 implements MigrationInterface {
  name = 'MeasureCountRecount1732910000000';

  async up(q: QueryRunner): Promise<void> {
    for (const event of ['insert', 'delete']) await replaceTrigger(q, event, RECOUNT);
  }

  async down(q: QueryRunner): Promise<void> {
    await replaceTrigger(q, 'insert', DELTA('+'));
    await replaceTrigger(q, 'delete', DELTA('-'));
  }
}

async function replaceTrigger(q: QueryRunner, event: string, body: string): Promise<void> {
  await q.query(`
    CREATE OR REPLACE FUNCTION measure_count_after_${event}() RETURNS trigger AS $$
    BEGIN
      ${body}
      RETURN NULL;
    END $$ LANGUAGE plpgsql`);
}
