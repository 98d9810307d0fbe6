import {
  type ItemDetailRecord,
  type TodoCandidateQuery,
  type TodoCandidateRow,
  type TodoQueriesRepository,
} from '@rectify/persistence';
import { actorFor, mayReadItem, type Viewer } from '@rectify/workflow';

/** An item as the fake holds it: the stored record and its owner (owner_id), if any. */
export interface TodoItemRecord {
  record: ItemDetailRecord;
  ownerId?: string | null;
}

/**
 * TodoQueriesRepository in memory, for unit tests: the same candidates as the SQL (read scope by
 * mayReadItem, withdrawn left out, awaiting review or open and tied to the viewer), read from
 * the records' history and measures.
 */
export class InMemoryTodoQueriesRepository implements TodoQueriesRepository {
  constructor(private readonly items: TodoItemRecord[] = []) {}

  async findCandidates(viewer: Viewer, query: TodoCandidateQuery): Promise<TodoCandidateRow[]> {
    const organisationIds = viewer.positions.map((p) => p.organisationId);
    return this.items
      .filter(({ record }) => record.withdrawn === null)
      .filter(({ record }) => mayReadItem(actorFor(viewer, record.organisationPath)))
      .map(({ record, ownerId }) => ({ record, row: this.row(viewer, record, ownerId ?? null) }))
      .filter(
        ({ record, row }) =>
          query.reviewStatuses.includes(row.status) ||
          row.pendingExtension !== null ||
          (query.openStatuses.includes(row.status) &&
            (organisationIds.includes(record.organisationId) || row.owned || row.measureResponsible)),
      )
      .map(({ row }) => row);
  }

  private row(viewer: Viewer, i: ItemDetailRecord, ownerId: string | null): TodoCandidateRow {
    const last = [...i.history].reverse().find((h) => h.fromStatus !== h.toStatus);
    const request = [...i.history].reverse().find((h) => h.event === 'REQUEST_EXTENSION');
    return {
      id: i.id,
      title: i.title,
      organisationName: i.organisationName,
      organisationPath: i.organisationPath,
      status: i.status,
      deadline: i.deadline,
      reviewIntervalDays: i.reviewIntervalDays,
      pendingExtension: i.pendingExtension,
      createdBy: i.createdBy,
      version: i.version,
      owned: ownerId === viewer.userId,
      measureResponsible: i.measures.some((m) => m.responsibleUserId === viewer.userId),
      lastStatusChange: last
        ? {
            event: last.event,
            at: last.at,
            by: last.actorName,
            payload: (last.payload ?? {}) as Record<string, unknown>,
          }
        : null,
      extensionRequestedAt: i.pendingExtension && request ? request.at : null,
    };
  }
}
