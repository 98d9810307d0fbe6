import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Each history line carries the item's deadline in force after it (`item_history.deadline`), so
 * the overdue trend can replay deadline changes: what was overdue at a month's end stays so in
 * that month's figure even after an extension.
 *
 * Extension requests left pending on items that are no longer in measures_set (older versions
 * kept them through submission and sign-off) are dropped, each with a system history line.
 */
/** A QueryRunner or a DataSource. */
interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export class HistoryDeadline1732730000000 implements MigrationInterface {
  name = 'HistoryDeadline1732730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE item_history ADD COLUMN deadline date`);
    await q.query(
      `COMMENT ON COLUMN item_history.deadline IS 'The item''s deadline in force after this line'`,
    );
    await backfillHistoryDeadlines(q, null);
    await dropStaleExtensionRequests(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE item_history DROP COLUMN IF EXISTS deadline`);
  }
}

/**
 * Gives history lines written before `item_history.deadline` existed (deadline NULL) the
 * deadline their events set, as the code of the time did it: SET_MEASURES → the latest measure
 * deadline of its payload; APPROVE_EXTENSION → the new deadline of the latest REQUEST_EXTENSION
 * before it; every other line carries the previous line's deadline forward (none before the
 * first plan). Lines that already carry a deadline are left alone. `itemIds` null means all
 * items. The history stays append-only: its trigger is switched off for this one statement only.
 */
export async function backfillHistoryDeadlines(q: Queryable, itemIds: string[] | null): Promise<void> {
  await q.query(`ALTER TABLE item_history DISABLE TRIGGER item_history_append_only`);
  try {
    await q.query(BACKFILL_HISTORY_DEADLINES, [itemIds]);
  } finally {
    await q.query(`ALTER TABLE item_history ENABLE TRIGGER item_history_append_only`);
  }
}

const BACKFILL_HISTORY_DEADLINES = `
  WITH own AS (
    SELECT h.id, h.item_id, h.seq,
           CASE h.event
             WHEN 'SET_MEASURES' THEN (
               SELECT max((m->>'deadline')::date)
                 FROM jsonb_array_elements(
                        CASE WHEN jsonb_typeof(h.payload->'measures') = 'array'
                             THEN h.payload->'measures' ELSE '[]'::jsonb END) AS m
                WHERE m->>'deadline' ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')
             WHEN 'APPROVE_EXTENSION' THEN (
               SELECT (r.payload->>'newDeadline')::date
                 FROM item_history r
                WHERE r.item_id = h.item_id AND r.seq < h.seq AND r.event = 'REQUEST_EXTENSION'
                  AND r.payload->>'newDeadline' ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
                ORDER BY r.seq DESC
                LIMIT 1)
           END AS set_to
      FROM item_history h
     WHERE $1::uuid[] IS NULL OR h.item_id = ANY($1::uuid[])
  ), grouped AS (
    -- A line that sets a deadline starts a group; the lines after it, up to the next, join it.
    SELECT id, item_id, set_to, count(set_to) OVER (PARTITION BY item_id ORDER BY seq) AS grp FROM own
  ), carried AS (
    SELECT id, max(set_to) OVER (PARTITION BY item_id, grp) AS deadline FROM grouped
  )
  UPDATE item_history h
     SET deadline = c.deadline
    FROM carried c
   WHERE c.id = h.id AND c.deadline IS NOT NULL AND h.deadline IS NULL`;

/**
 * Drops every extension request still pending on an item outside measures_set (older versions
 * kept them through submission and sign-off), with a system history line per item that keeps
 * the dropped request (event DROP_EXTENSION_REQUEST); the item's version goes up by one.
 */
export async function dropStaleExtensionRequests(q: Queryable): Promise<void> {
  await q.query(DROP_STALE_EXTENSION_REQUESTS);
}

const DROP_STALE_EXTENSION_REQUESTS = `
  WITH stale AS (
    SELECT id, status, deadline, version, pending_extension
      FROM rectification_item
     WHERE pending_extension IS NOT NULL AND status <> 'measures_set'
       FOR UPDATE
  ), dropped AS (
    UPDATE rectification_item i
       SET pending_extension = NULL, version = s.version + 1
      FROM stale s
     WHERE i.id = s.id
    RETURNING i.id)
  INSERT INTO item_history (item_id, seq, actor_id, actor_role, event, from_status, to_status, payload, deadline)
  SELECT s.id, s.version + 1, 'system', 'system', 'DROP_EXTENSION_REQUEST', s.status, s.status,
         jsonb_build_object(
           'droppedExtensionRequest', s.pending_extension,
           'reason', '整改事项已不在"已制定整改措施"阶段，未审核的延期申请随之撤销。'),
         s.deadline
    FROM stale s JOIN dropped d ON d.id = s.id`;
