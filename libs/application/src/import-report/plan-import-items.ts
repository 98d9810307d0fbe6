import { type ExtractedMeasure, type ExtractionResult, type ItemSource } from '@rectify/domain';
import { type NewImportedItem } from '@rectify/persistence';
import { planImportedItem } from './imported-item-plan';

/**
 * The rectification items an import creates: one per extracted problem, with the measures the
 * text links to it and its IMPORT line's payload. Problems from a 问题清单 row come with their
 * deadline, 责任领导, measure owners and a status read from the row (see planImportedItem);
 * problems of a report's text start 'identified'. `itemIds` are the items' ids, one per problem
 * in problem order (chosen before the transaction, so that recurrence can be scored before it).
 */
export function planImportItems(
  extraction: ExtractionResult,
  itemIds: readonly string[],
  source: ItemSource = 'self_inspection',
): NewImportedItem[] {
  if (itemIds.length !== extraction.problems.length) throw new Error('one item id per problem expected');
  const measuresOf = new Map<number, ExtractedMeasure[]>();
  for (const measure of extraction.measures) {
    for (const seq of new Set(measure.problemSeqs)) {
      const linked = measuresOf.get(seq) ?? [];
      linked.push(measure);
      measuresOf.set(seq, linked);
    }
  }
  return extraction.problems.map((problem, index) => {
    const linked = measuresOf.get(problem.seq) ?? [];
    const plan = planImportedItem(problem, linked.length);
    return {
      id: itemIds[index],
      seq: problem.seq,
      title: problem.title,
      detail: plan.detail,
      source,
      status: plan.status,
      deadline: plan.deadline,
      responsibleLeader: plan.responsibleLeader,
      reviewIntervalDays: plan.reviewIntervalDays,
      measures: linked.map((measure, i) => ({
        seq: i + 1,
        title: measure.title,
        detail: measure.detail,
        ...plan.measure,
      })),
      historyPayload: { problemSeq: problem.seq, linkedMeasures: linked.length, ...plan.historyPayload },
    };
  });
}
