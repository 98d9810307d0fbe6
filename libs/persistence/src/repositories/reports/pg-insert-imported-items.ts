import { type EntityManager } from 'typeorm';
import { insertRecurrenceKeys } from '../tracked-items/recurrence-key-rows';
import { type NewImport } from './reports.repository';

// The items, their measures, their IMPORT lines and outbox rows in one statement: one round
// trip, and no ORM statement building (which cost the main thread more than the inserts). The IMPORT line
// carries the deadline in force after it (read by the overdue trend); an item that starts with
// a plan or as long-term gets an outbox row so its reminders are scheduled now rather than at
// the next sweep. The foreign keys are checked at the end of the statement, when every row of
// it is in. Dates default to now() and a new item's version is 1, as the entities insert them.
const INSERT_IMPORTED_ITEMS = `
  WITH item AS (
    INSERT INTO rectification_item (id, report_id, organisation_id, year, seq, title, detail, source,
                                    status, deadline, responsible_leader, review_interval_days, version)
    SELECT i.id, $1::uuid, $2::uuid, $3::int, i.seq, i.title, i.detail, i.source, i.status, i.deadline, i.leader, i.review, 1
      FROM unnest($4::uuid[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[], $10::date[],
                  $11::text[], $12::int[]) AS i(id, seq, title, detail, source, status, deadline, leader, review)),
  measure AS (
    INSERT INTO measure (item_id, seq, title, detail, responsible, deadline)
    SELECT * FROM unnest($13::uuid[], $14::int[], $15::text[], $16::text[], $17::text[], $18::date[])),
  line AS (
    SELECT * FROM unnest($4::uuid[], $9::text[], $19::jsonb[], $10::date[]) AS l(item_id, status, payload, deadline)),
  history AS (
    INSERT INTO item_history (item_id, seq, actor_id, actor_role, event, from_status, to_status, payload, deadline)
    SELECT item_id, 1, $20, $21, 'IMPORT', NULL, status, payload, deadline FROM line)
  INSERT INTO outbox (item_id, reason) SELECT item_id, 'IMPORT' FROM line WHERE status = ANY($22::text[])`;

/**
 * Stores an import's items (ids chosen by the caller) with their measures, IMPORT history lines,
 * outbox rows and recurrence keys, in the caller's transaction: two statements, however many
 * items.
 */
export async function insertImportedItems(
  m: EntityManager,
  reportId: string,
  input: NewImport,
): Promise<void> {
  const items = input.items;
  const measures = items.flatMap((item) => item.measures.map((measure) => ({ itemId: item.id, ...measure })));
  await m.query(INSERT_IMPORTED_ITEMS, [
    reportId,
    input.organisationId,
    input.year,
    items.map((i) => i.id),
    items.map((i) => i.seq),
    items.map((i) => i.title),
    items.map((i) => i.detail),
    items.map((i) => i.source),
    items.map((i) => i.status),
    items.map((i) => i.deadline),
    items.map((i) => i.responsibleLeader),
    items.map((i) => i.reviewIntervalDays),
    measures.map((x) => x.itemId),
    measures.map((x) => x.seq),
    measures.map((x) => x.title),
    measures.map((x) => x.detail),
    measures.map((x) => x.responsible),
    measures.map((x) => x.deadline),
    items.map((i) => JSON.stringify({ reportId, ...i.historyPayload })),
    input.actor.userId,
    input.actor.role,
    input.remindedStatuses,
  ]);
  await insertRecurrenceKeys(
    m,
    items.map((i) => ({ id: i.id, organisationId: input.organisationId, year: input.year, title: i.title })),
  );
}
