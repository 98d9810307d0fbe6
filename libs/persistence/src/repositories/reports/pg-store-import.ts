import { recurrenceKeyColumns } from '../tracked-items/recurrence-key-rows';
import { recurrenceLinkCtes } from '../tracked-items/recurrence-links';
import { SqlParameters } from '../sql/sql-parameters';
import { type NewImport } from './reports.repository';

// Everything below is stored only if the report was: the same file for the same organisation is
// stored once (report_org_hash_key), and a file another import stored first stores nothing.
const STORED = 'EXISTS (SELECT 1 FROM stored_report)';

/**
 * One import as one SQL statement, so one implicit transaction and one round trip (on this
 * kind of machine each statement's socket write and wake-up cost more than the small inserts
 * themselves): the report (id chosen by the caller), its items, their measures, IMPORT history
 * lines (with the deadline in force after them, read by the overdue trend) and outbox rows (an
 * item that starts with a plan or as long-term has its reminders scheduled now rather than at
 * the next sweep), the items' recurrence keys, and the recurrence links (recurrenceLinkCtes).
 * Each item is inserted with its measure count (the triggers on measure only check it). Dates
 * default to now() and a new item's version is 1, as the entities insert them. Foreign keys are
 * checked at the end of the statement, when every row of it is in. The statement answers one
 * row, the report's id, or none when the file was stored before.
 */
export function storeImportStatement(
  input: NewImport,
  reportId: string,
): { text: string; values: unknown[] } {
  const p = new SqlParameters();
  const items = input.items;
  const measures = items.flatMap((item) => item.measures.map((measure) => ({ itemId: item.id, ...measure })));
  const column = <T>(rows: readonly T[], pick: (row: T) => unknown, type: string) =>
    p.add(rows.map(pick), type);
  const org = p.add(input.organisationId, 'uuid');
  const year = p.add(input.year, 'int');
  const report = [
    p.add(reportId, 'uuid'),
    org,
    year,
    p.add(input.title, 'text'),
    p.add(input.sourceFileName, 'text'),
    p.add(input.sourceHash, 'text'),
    p.add(input.text, 'text'),
    p.add(JSON.stringify(input.extraction), 'jsonb'),
    p.add(input.importedBy, 'uuid'),
  ];
  const itemIds = column(items, (i) => i.id, 'uuid[]');
  const statuses = column(items, (i) => i.status, 'text[]');
  const deadlines = column(items, (i) => i.deadline, 'date[]');
  const itemColumns = [
    itemIds,
    column(items, (i) => i.seq, 'int[]'),
    column(items, (i) => i.title, 'text[]'),
    column(items, (i) => i.detail, 'text[]'),
    column(items, (i) => i.source, 'text[]'),
    statuses,
    deadlines,
    column(items, (i) => i.responsibleLeader, 'text[]'),
    column(items, (i) => i.reviewIntervalDays, 'int[]'),
    column(items, (i) => i.measures.length, 'int[]'),
  ];
  const measureColumns = [
    column(measures, (m) => m.itemId, 'uuid[]'),
    column(measures, (m) => m.seq, 'int[]'),
    column(measures, (m) => m.title, 'text[]'),
    column(measures, (m) => m.detail, 'text[]'),
    column(measures, (m) => m.responsible, 'text[]'),
    column(measures, (m) => m.deadline, 'date[]'),
  ];
  const payloads = column(items, (i) => JSON.stringify({ reportId, ...i.historyPayload }), 'jsonb[]');
  const ctes = [
    `stored_report AS (
       INSERT INTO report (id, organisation_id, year, title, source_file_name, source_hash, text, extraction, imported_by)
       VALUES (${report.join(', ')})
       ON CONFLICT (organisation_id, source_hash) DO NOTHING RETURNING id)`,
    `item AS (
       INSERT INTO rectification_item (id, report_id, organisation_id, year, seq, title, detail, source,
                                       status, deadline, responsible_leader, review_interval_days, measure_count, version)
       SELECT i.id, r.id, ${org}, ${year}, i.seq, i.title, i.detail, i.source, i.status, i.deadline, i.leader, i.review,
              i.measures, 1
         FROM stored_report r
        CROSS JOIN unnest(${itemColumns.join(', ')}) AS i(id, seq, title, detail, source, status, deadline, leader, review, measures))`,
    `measure AS (
       INSERT INTO measure (item_id, seq, title, detail, responsible, deadline)
       SELECT * FROM unnest(${measureColumns.join(', ')}) WHERE ${STORED})`,
    `line AS (
       SELECT * FROM unnest(${itemIds}, ${statuses}, ${payloads}, ${deadlines}) AS l(item_id, status, payload, deadline)
        WHERE ${STORED})`,
    `history AS (
       INSERT INTO item_history (item_id, seq, actor_id, actor_role, event, from_status, to_status, payload, deadline)
       SELECT item_id, 1, ${p.add(input.actor.userId, 'text')}, ${p.add(input.actor.role, 'text')}, 'IMPORT', NULL,
              status, payload, deadline FROM line)`,
    `outbox_row AS (
       INSERT INTO outbox (item_id, reason)
       SELECT item_id, 'IMPORT' FROM line WHERE status = ANY(${p.add(input.remindedStatuses, 'text[]')}))`,
  ];
  const keys = recurrenceKeyColumns(
    items.map((i) => ({ id: i.id, organisationId: input.organisationId, year: input.year, title: i.title })),
  );
  if (keys !== null) {
    ctes.push(`recurrence_key_row AS (
       INSERT INTO recurrence_key (organisation_id, year, key, item_id)
       SELECT * FROM unnest(${p.add(keys[0], 'uuid[]')}, ${p.add(keys[1], 'int[]')}, ${p.add(keys[2], 'text[]')}, ${p.add(keys[3], 'uuid[]')})
        WHERE ${STORED}
       ON CONFLICT DO NOTHING)`);
  }
  const newItemIds = new Set(items.map((i) => i.id));
  ctes.push(
    ...recurrenceLinkCtes(
      p,
      input.recurrenceLinks,
      { maxLinksPerItem: input.recurrenceMaxLinks, newItemIds },
      STORED,
    ),
  );
  return { text: `WITH ${ctes.join(',\n')}\nSELECT id FROM stored_report`, values: p.values };
}
