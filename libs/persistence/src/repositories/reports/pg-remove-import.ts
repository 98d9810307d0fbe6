import { type EntityManager } from 'typeorm';
import { scopeCondition } from '../scope/scope-condition';
import { type RemoveImport, type RemoveImportOutcome } from './reports.repository';

// The lines an untouched item has: its import (or creation). Any other line is work.
const UNTOUCHED_EVENTS = ['IMPORT', 'CREATE'];

// How many items the report has and how many of them were worked on (a line beyond the
// import, or evidence), read after the items are locked.
const COUNT_WORKED = `
  SELECT count(*)::int AS items,
         (count(*) FILTER (
            WHERE EXISTS (SELECT 1 FROM item_history h WHERE h.item_id = i.id AND NOT h.event = ANY($2::text[]))
               OR EXISTS (SELECT 1 FROM evidence e WHERE e.item_id = i.id)))::int AS worked
    FROM rectification_item i WHERE i.report_id = $1`;

// The report's items' recurrence links, answering the other items that repeated them: their
// shown links are counted again (shown_recurrence_links) once these are gone.
const REMOVE_LINKS = `
  WITH removed AS (
    DELETE FROM item_recurrence WHERE item_id IN (SELECT id FROM rectification_item WHERE report_id = $1)
        OR earlier_item_id IN (SELECT id FROM rectification_item WHERE report_id = $1)
    RETURNING item_id)
  SELECT DISTINCT r.item_id AS "itemId" FROM removed r
   WHERE r.item_id NOT IN (SELECT id FROM rectification_item WHERE report_id = $1)`;

// Everything else that refers to the report's items, then the items and the report. The history's
// append-only trigger lets IMPORT / CREATE lines go in a transaction that says so (see the
// migration WithdrawnItems1732780000000).
const REMOVALS = [
  `DELETE FROM outbox WHERE item_id IN (SELECT id FROM rectification_item WHERE report_id = $1)`,
  `DELETE FROM reminder_delivery WHERE item_id IN (SELECT id FROM rectification_item WHERE report_id = $1)`,
  `DELETE FROM notification WHERE item_id IN (SELECT id FROM rectification_item WHERE report_id = $1)`,
  `DELETE FROM measure WHERE item_id IN (SELECT id FROM rectification_item WHERE report_id = $1)`,
  `DELETE FROM evidence WHERE item_id IN (SELECT id FROM rectification_item WHERE report_id = $1)`,
  `DELETE FROM item_history WHERE item_id IN (SELECT id FROM rectification_item WHERE report_id = $1)`,
  `DELETE FROM rectification_item WHERE report_id = $1`,
  `DELETE FROM report WHERE id = $1`,
];

/**
 * ReportsRepository.removeImport inside the transaction `m`: locks the report (seen through the
 * scope) and its items, asks the access rule, counts the worked items, and removes everything
 * only when none was worked on.
 */
export async function removeImport(m: EntityManager, input: RemoveImport): Promise<RemoveImportOutcome> {
  const cond = scopeCondition(input.scope, 2);
  const [report]: { path: string }[] = await m.query(
    `SELECT o.path FROM report r JOIN organisation o ON o.id = r.organisation_id
      WHERE r.id = $1 AND ${cond.sql} FOR UPDATE OF r`,
    [input.reportId, ...cond.params],
  );
  if (!report) return { kind: 'not_found' };
  if (!input.mayRemove(report.path)) return { kind: 'forbidden' };
  await m.query(`SELECT id FROM rectification_item WHERE report_id = $1 FOR UPDATE`, [input.reportId]);
  const [{ items, worked }]: { items: number; worked: number }[] = await m.query(COUNT_WORKED, [
    input.reportId,
    UNTOUCHED_EVENTS,
  ]);
  if (worked > 0) return { kind: 'in_use', items: Number(items), worked: Number(worked) };
  await m.query(`SELECT set_config('rectify.removing_import', 'on', true)`);
  const repeating: { itemId: string }[] = await m.query(REMOVE_LINKS, [input.reportId]);
  if (repeating.length > 0) {
    await m.query(`SELECT count_shown_recurrence_links($1::uuid[])`, [repeating.map((r) => r.itemId)]);
  }
  for (const statement of REMOVALS) await m.query(statement, [input.reportId]);
  return { kind: 'removed', items: Number(items) };
}
