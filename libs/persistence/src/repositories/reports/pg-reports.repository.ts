import { type DataSource, type EntityManager } from 'typeorm';
import { MeasureEntity } from '../../entities/measure.entity';
import { RectificationItemEntity } from '../../entities/rectification-item.entity';
import { ReportEntity } from '../../entities/report.entity';
import { insertRecurrenceKeys } from '../tracked-items/recurrence-key-rows';
import { insertRecurrenceLinks } from '../tracked-items/recurrence-links';
import { removeImport } from './pg-remove-import';
import {
  type ImportedReportRecord,
  type NewImport,
  type RemoveImport,
  type RemoveImportOutcome,
  type ReportsRepository,
  type StoreImportOutcome,
} from './reports.repository';

// The IMPORT line carries the deadline in force after it (read by the overdue trend), which the
// history entity does not map; an item that starts with a plan or as long-term gets an outbox row
// so its reminders are scheduled now rather than at the next sweep. One statement for all items.
const INSERT_IMPORT_LINES = `
  WITH line AS (
    SELECT * FROM unnest($1::uuid[], $2::text[], $3::jsonb[], $4::date[]) AS l(item_id, status, payload, deadline)),
  history AS (
    INSERT INTO item_history (item_id, seq, actor_id, actor_role, event, from_status, to_status, payload, deadline)
    SELECT item_id, 1, $5, $6, 'IMPORT', NULL, status, payload, deadline FROM line)
  INSERT INTO outbox (item_id, reason) SELECT item_id, 'IMPORT' FROM line WHERE status = ANY($7::text[])`;

/**
 * Rows per multi-row INSERT: TypeORM builds a statement of 1,000 items in about 200 ms of the
 * event loop, of 250 in about 50 (measured); PostgreSQL takes at most 65,535 parameters.
 */
const ROWS_PER_INSERT = 250;

/** ReportsRepository on PostgreSQL (or PGlite) through a TypeORM DataSource. */
export class PgReportsRepository implements ReportsRepository {
  constructor(private readonly db: DataSource) {}

  findImported(organisationId: string, sourceHash: string): Promise<ImportedReportRecord | null> {
    return findImported(this.db.manager, organisationId, sourceHash);
  }

  storeImport(input: NewImport): Promise<StoreImportOutcome> {
    return this.db.transaction(async (m) => {
      const again = await findImported(m, input.organisationId, input.sourceHash);
      if (again) return { kind: 'already_imported', report: again };
      const report = m.getRepository(ReportEntity).create({
        organisationId: input.organisationId,
        year: input.year,
        title: input.title,
        sourceFileName: input.sourceFileName,
        sourceHash: input.sourceHash,
        text: input.text,
        extraction: input.extraction,
        importedBy: input.importedBy,
      });
      await m.getRepository(ReportEntity).insert(report);
      await insertItems(m, report.id, input);
      await insertRecurrenceLinks(m, input.recurrenceLinks);
      return { kind: 'created', reportId: report.id };
    });
  }

  removeImport(input: RemoveImport): Promise<RemoveImportOutcome> {
    return this.db.transaction((m) => removeImport(m, input));
  }
}

async function findImported(
  m: EntityManager,
  organisationId: string,
  sourceHash: string,
): Promise<ImportedReportRecord | null> {
  const existing = await m.getRepository(ReportEntity).findOneBy({ organisationId, sourceHash });
  if (!existing) return null;
  const items = await m
    .getRepository(RectificationItemEntity)
    .find({ where: { reportId: existing.id }, order: { seq: 'ASC' } });
  return {
    reportId: existing.id,
    year: existing.year,
    importedAt: existing.importedAt,
    extraction: existing.extraction,
    itemIds: items.map((i) => i.id),
    items: items.map((i) => ({ id: i.id, seq: i.seq, title: i.title })),
  };
}

// The items, their measures and their IMPORT lines, in a few multi-row statements.
async function insertItems(m: EntityManager, reportId: string, input: NewImport): Promise<void> {
  const items = input.items.map((item) =>
    m.getRepository(RectificationItemEntity).create({
      id: item.id,
      reportId,
      organisationId: input.organisationId,
      year: input.year,
      createdBy: null,
      seq: item.seq,
      title: item.title,
      detail: item.detail,
      source: item.source,
      category: null,
      status: item.status,
      deadline: item.deadline,
      ownerId: null,
      responsibleLeader: item.responsibleLeader,
      reviewIntervalDays: item.reviewIntervalDays,
      pendingExtension: null,
    }),
  );
  for (const chunk of chunks(items)) await m.getRepository(RectificationItemEntity).insert(chunk);
  await insertRecurrenceKeys(m, items);
  const measures = input.items.flatMap((item) =>
    item.measures.map((measure) => ({ itemId: item.id, ...measure })),
  );
  for (const chunk of chunks(measures)) await m.getRepository(MeasureEntity).insert(chunk);
  await m.query(INSERT_IMPORT_LINES, [
    input.items.map((i) => i.id),
    input.items.map((i) => i.status),
    input.items.map((i) => JSON.stringify({ reportId, ...i.historyPayload })),
    input.items.map((i) => i.deadline),
    input.actor.userId,
    input.actor.role,
    input.remindedStatuses,
  ]);
}

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) out.push(rows.slice(i, i + ROWS_PER_INSERT));
  return out;
}
