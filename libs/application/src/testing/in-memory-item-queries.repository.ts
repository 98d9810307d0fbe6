import {
  type ItemAccessRecord,
  type ItemDetailRecord,
  type ItemQueriesRepository,
  type ItemSearchCriteria,
  type ItemSearchOutcome,
  type ItemSearchRow,
  type ItemSummary,
} from '@rectify/persistence';
import { isOpen, stageOf } from '@rectify/domain';
import { actorFor, mayReadItem, type ReadScope, type RectificationStatus } from '@rectify/workflow';

/**
 * ItemQueriesRepository in memory, for unit tests. The scope follows the pure read rule
 * (mayReadItem); search honours the organisation (in scope, with or without its subtree), status, stage, year, withdrawal and text criteria and the paging, in
 * insertion order, and knows the organisations by the paths of the items it holds.
 */
export class InMemoryItemQueriesRepository implements ItemQueriesRepository {
  constructor(private readonly items: ItemDetailRecord[] = []) {}

  async search(scope: ReadScope, criteria: ItemSearchCriteria): Promise<ItemSearchOutcome> {
    let found = this.items.filter((i) => this.readable(scope, i));
    if (criteria.organisationId) {
      const org = this.items.find((i) => i.organisationId === criteria.organisationId);
      if (!org || !this.readable(scope, org)) return { kind: 'organisation_not_found' };
      found = found.filter((i) =>
        criteria.subtree === false
          ? i.organisationId === org.organisationId
          : i.organisationPath.startsWith(org.organisationPath),
      );
    }
    if (criteria.status) found = found.filter((i) => i.status === criteria.status);
    if (criteria.stage) found = found.filter((i) => stageOf(i.status) === criteria.stage);
    if (criteria.year !== undefined) found = found.filter((i) => i.reportYear === criteria.year);
    const withdrawn = criteria.withdrawn ?? 'exclude';
    if (withdrawn !== 'include')
      found = found.filter((i) => (i.withdrawn !== null) === (withdrawn === 'only'));
    if (criteria.text) found = found.filter((i) => `${i.title}${i.detail}`.includes(criteria.text as string));
    const start = (criteria.page - 1) * criteria.pageSize;
    return {
      kind: 'page',
      rows: found.slice(start, start + criteria.pageSize).map((i) => this.row(i, criteria.today)),
      total: found.length,
    };
  }

  async isVisible(scope: ReadScope, itemId: string): Promise<boolean> {
    return (await this.findDetail(scope, itemId)) !== null;
  }

  async findDetail(scope: ReadScope, itemId: string): Promise<ItemDetailRecord | null> {
    const item = this.items.find((i) => i.id === itemId);
    return item && this.readable(scope, item) ? structuredClone(item) : null;
  }

  async findAccessState(scope: ReadScope, itemId: string): Promise<ItemAccessRecord | null> {
    const item = await this.findDetail(scope, itemId);
    if (!item) return null;
    const { id, status, deadline, reviewIntervalDays, pendingExtension, organisationPath } = item;
    return {
      id,
      status,
      deadline,
      reviewIntervalDays,
      pendingExtension,
      organisationPath,
      withdrawn: item.withdrawn !== null,
    };
  }

  async listUnder(
    scope: ReadScope,
    organisationPath: string,
    status?: RectificationStatus,
  ): Promise<ItemSummary[]> {
    return this.items
      .filter((i) => this.readable(scope, i) && i.organisationPath.startsWith(organisationPath))
      .filter((i) => (!status || i.status === status) && i.withdrawn === null)
      .map((i) => ({
        id: i.id,
        organisation: i.organisationName,
        seq: i.seq,
        title: i.title,
        status: i.status,
        deadline: i.deadline,
        version: i.version,
      }));
  }

  private readable(scope: ReadScope, item: ItemDetailRecord): boolean {
    return scope === 'operator' || mayReadItem(actorFor(scope, item.organisationPath));
  }

  private row(i: ItemDetailRecord, today: string): ItemSearchRow {
    return {
      id: i.id,
      organisationId: i.organisationId,
      organisationName: i.organisationName,
      organisationPath: i.organisationPath,
      reportYear: i.reportYear,
      seq: i.seq,
      title: i.title,
      status: i.status,
      source: i.source,
      deadline: i.deadline,
      overdue: isOpen(i.status) && i.deadline !== null && i.deadline < today,
      recurring: i.recurrence.repeats.length > 0,
      version: i.version,
      reviewIntervalDays: i.reviewIntervalDays,
      pendingExtension: i.pendingExtension,
      createdBy: i.createdBy,
      withdrawn: i.withdrawn !== null,
      returned: returnOf(i),
    };
  }
}

/** The unanswered return for rework (被退回): the last status change was RETURN_FOR_REWORK. */
function returnOf(i: ItemDetailRecord): ItemSearchRow['returned'] {
  const last = [...i.history].reverse().find((h) => h.fromStatus !== h.toStatus);
  if (last?.event !== 'RETURN_FOR_REWORK') return null;
  const reason = (last.payload as { reason?: unknown } | null)?.reason;
  return { reason: typeof reason === 'string' ? reason : '', by: last.actorName, at: last.at };
}
