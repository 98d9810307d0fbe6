import { type ExtractionResult, type ItemSource } from '@rectify/domain';
import { MeasureEntity, RectificationItemEntity, type ReportEntity } from '@rectify/persistence';
import { type EntityManager } from 'typeorm';
import { planImportedItem } from './imported-item-plan';

// The IMPORT line carries the deadline in force after it (read by the overdue trend), which the
// history entity does not map; an item that starts with a plan or as long-term gets an outbox row
// so its reminders are scheduled now rather than at the next sweep.
const INSERT_IMPORT_LINE = `
  WITH history AS (
    INSERT INTO item_history (item_id, seq, actor_id, actor_role, event, from_status, to_status, payload, deadline)
    VALUES ($1, 1, $2, $3, 'IMPORT', NULL, $4, $5::jsonb, $6::date))
  INSERT INTO outbox (item_id, reason) SELECT $1, 'IMPORT' WHERE $4 IN ('measures_set', 'long_term')`;

/**
 * One rectification item per extracted problem, with the measures linked to it and an IMPORT
 * history line, inside the caller's transaction. Problems from a 问题清单 row come with their
 * deadline, 责任领导, measure owners and a status read from the row (see planImportedItem);
 * problems of a report's text start 'identified'. Returns the item ids in problem order.
 */
export async function createItems(
  m: EntityManager,
  report: ReportEntity,
  extraction: ExtractionResult,
  importedBy: string | undefined,
  source: ItemSource = 'self_inspection',
): Promise<string[]> {
  const ids: string[] = [];
  for (const problem of extraction.problems) {
    const linked = extraction.measures.filter((measure) => measure.problemSeqs.includes(problem.seq));
    const plan = planImportedItem(problem, linked.length);
    const item = m.getRepository(RectificationItemEntity).create({
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
    });
    await m.getRepository(RectificationItemEntity).insert(item);
    for (const [i, measure] of linked.entries()) {
      await m.getRepository(MeasureEntity).insert({
        itemId: item.id,
        seq: i + 1,
        title: measure.title,
        detail: measure.detail,
        ...plan.measure,
      });
    }
    const payload = {
      reportId: report.id,
      problemSeq: problem.seq,
      linkedMeasures: linked.length,
      ...plan.historyPayload,
    };
    await m.query(INSERT_IMPORT_LINE, [
      item.id,
      importedBy ?? 'system',
      importedBy ? 'admin' : 'system',
      plan.status,
      JSON.stringify(payload),
      plan.deadline,
    ]);
    ids.push(item.id);
  }
  return ids;
}
