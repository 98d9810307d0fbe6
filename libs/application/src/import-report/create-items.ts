import {
  type ExtractedMeasure,
  type ExtractionResult,
  type ItemSource,
  REMINDED_STATUSES,
} from '@rectify/domain';
import { MeasureEntity, RectificationItemEntity, type ReportEntity } from '@rectify/persistence';
import { type EntityManager } from 'typeorm';
import { planImportedItem } from './imported-item-plan';

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

/**
 * One rectification item per extracted problem, with the measures linked to it and an IMPORT
 * history line, inside the caller's transaction, in a few multi-row statements. Problems from a
 * 问题清单 row come with their deadline, 责任领导, measure owners and a status read from the row
 * (see planImportedItem); problems of a report's text start 'identified'. `itemIds` are the
 * items' ids, one per problem in problem order (chosen before the transaction, so that
 * recurrence can be scored before it). Returns the item ids in problem order.
 */
export async function createItems(
  m: EntityManager,
  report: ReportEntity,
  extraction: ExtractionResult,
  itemIds: readonly string[],
  importedBy: string | undefined,
  source: ItemSource = 'self_inspection',
): Promise<string[]> {
  if (itemIds.length !== extraction.problems.length) throw new Error('one item id per problem expected');
  const measuresOf = new Map<number, ExtractedMeasure[]>();
  for (const measure of extraction.measures) {
    for (const seq of new Set(measure.problemSeqs)) {
      const linked = measuresOf.get(seq) ?? [];
      linked.push(measure);
      measuresOf.set(seq, linked);
    }
  }
  const planned = extraction.problems.map((problem, index) => {
    const linked = measuresOf.get(problem.seq) ?? [];
    return { problem, linked, id: itemIds[index], plan: planImportedItem(problem, linked.length) };
  });
  const items = planned.map(({ problem, id, plan }) =>
    m.getRepository(RectificationItemEntity).create({
      id,
      reportId: report.id,
      organisationId: report.organisationId,
      seq: problem.seq,
      title: problem.title,
      detail: plan.detail,
      source,
      category: null,
      status: plan.status,
      deadline: plan.deadline,
      ownerId: null,
      responsibleLeader: plan.responsibleLeader,
      reviewIntervalDays: plan.reviewIntervalDays,
      pendingExtension: null,
    }),
  );
  for (const chunk of chunks(items)) await m.getRepository(RectificationItemEntity).insert(chunk);
  const measures = planned.flatMap(({ linked, id, plan }) =>
    linked.map((measure, i) => ({
      itemId: id,
      seq: i + 1,
      title: measure.title,
      detail: measure.detail,
      ...plan.measure,
    })),
  );
  for (const chunk of chunks(measures)) await m.getRepository(MeasureEntity).insert(chunk);
  await m.query(INSERT_IMPORT_LINES, [
    planned.map((p) => p.id),
    planned.map((p) => p.plan.status),
    planned.map(({ problem, linked, plan }) =>
      JSON.stringify({
        reportId: report.id,
        problemSeq: problem.seq,
        linkedMeasures: linked.length,
        ...plan.historyPayload,
      }),
    ),
    planned.map((p) => p.plan.deadline),
    importedBy ?? 'system',
    importedBy ? 'admin' : 'system',
    REMINDED_STATUSES,
  ]);
  return planned.map((p) => p.id);
}

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) out.push(rows.slice(i, i + ROWS_PER_INSERT));
  return out;
}
