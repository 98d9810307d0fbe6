import { type DataSource } from 'typeorm';
import { insertRecurrenceKeys } from '../tracked-items/recurrence-key-rows';
import { type CreateItemsOutcome, type NewCreatedItems } from './item-records';

// Numbers continue after the organisation's earlier hand-made items of the year (the caller holds
// the organisation's row lock); each item gets its CREATE line, with the suggested deadline in
// force after it (read by the overdue trend), in the same statement.
const INSERT_CREATED_ITEMS = `
  WITH base AS (
    SELECT COALESCE(max(seq), 0) AS n FROM rectification_item
     WHERE organisation_id = $1 AND year = $2 AND report_id IS NULL),
  line AS (
    SELECT * FROM unnest($3::uuid[], $4::text[], $5::text[]) WITH ORDINALITY AS l(id, title, detail, ord)),
  inserted AS (
    INSERT INTO rectification_item
           (id, report_id, organisation_id, year, seq, title, detail, source, status, deadline, version, created_by)
    SELECT l.id, NULL, $1, $2, base.n + l.ord, l.title, l.detail, $6, $7, $8::date, 1, $9::uuid
      FROM line l CROSS JOIN base
    RETURNING id, seq),
  history AS (
    INSERT INTO item_history (item_id, seq, actor_id, actor_role, event, from_status, to_status, payload, deadline)
    SELECT id, 1, $10, $11, 'CREATE', NULL, $7, $12::jsonb, $8::date FROM inserted
    RETURNING id, item_id),
  -- The worker tells the organisation's people of an item created from above (上级点评 …).
  outbox_added AS (
    INSERT INTO outbox (item_id, reason, history_id) SELECT item_id, 'CREATE', id FROM history)
  SELECT id, seq FROM inserted`;

/** ItemsRepository.createItems on PostgreSQL (or PGlite): one transaction, three statements. */
export function createItems(db: DataSource, input: NewCreatedItems): Promise<CreateItemsOutcome> {
  return db.transaction(async (m) => {
    // Its deactivation takes the same row lock: items never reach an organisation once disabled.
    const locked: { disabled: boolean }[] = await m.query(
      `SELECT disabled FROM organisation WHERE id = $1 FOR UPDATE`,
      [input.organisationId],
    );
    if (locked.length === 0) return { kind: 'organisation_not_found' };
    if (locked[0].disabled) return { kind: 'organisation_disabled' };
    const rows: { id: string; seq: number }[] = await m.query(INSERT_CREATED_ITEMS, [
      input.organisationId,
      input.year,
      input.items.map((i) => i.id),
      input.items.map((i) => i.title),
      input.items.map((i) => i.detail),
      input.source,
      input.status,
      input.deadline,
      input.createdBy,
      input.actor.userId,
      input.actor.role,
      JSON.stringify(input.historyPayload),
    ]);
    await insertRecurrenceKeys(
      m,
      input.items.map((i) => ({
        id: i.id,
        organisationId: input.organisationId,
        year: input.year,
        title: i.title,
      })),
    );
    const seqOf = new Map(rows.map((r) => [r.id, Number(r.seq)]));
    return { kind: 'created', seqs: input.items.map((i) => seqOf.get(i.id) as number) };
  });
}
