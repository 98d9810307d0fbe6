import { type Viewer } from '@rectify/workflow';
import { type DataSource } from 'typeorm';
import { scopeCondition } from '../scope/scope-condition';
import { lastStatusChangeJoins } from '../sql/last-status-change';
import {
  type LastStatusChange,
  type TodoCandidateQuery,
  type TodoCandidateRow,
  type TodoQueriesRepository,
} from './todo-queries.repository';

interface StoredCandidate extends Omit<TodoCandidateRow, 'lastStatusChange' | 'extensionRequestedAt'> {
  lastEvent: string | null;
  lastAt: Date | string | null;
  lastBy: string | null;
  lastPayload: Record<string, unknown> | null;
  extensionRequestedAt: Date | string | null;
}

const iso = (at: Date | string) => new Date(at).toISOString();

/** TodoQueriesRepository on PostgreSQL (or PGlite): one query, the scope inside it. */
export class PgTodoQueriesRepository implements TodoQueriesRepository {
  constructor(private readonly db: DataSource) {}

  async findCandidates(viewer: Viewer, query: TodoCandidateQuery): Promise<TodoCandidateRow[]> {
    const scoped = scopeCondition(viewer, 1);
    const params: unknown[] = [...scoped.params];
    const bind = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const user = bind(viewer.userId);
    const organisations = bind(viewer.positions.map((p) => p.organisationId));
    const review = bind(query.reviewStatuses);
    const open = bind(query.openStatuses);
    const requestEvent = bind('REQUEST_EXTENSION');
    const rows: StoredCandidate[] = await this.db.query(
      `SELECT i.id, i.title, o.name AS "organisationName", o.path AS "organisationPath", i.status,
              to_char(i.deadline, 'YYYY-MM-DD') AS deadline, i.review_interval_days AS "reviewIntervalDays",
              i.pending_extension AS "pendingExtension", i.created_by AS "createdBy", i.version,
              COALESCE(i.owner_id = ${user}::uuid, FALSE) AS owned,
              EXISTS (SELECT 1 FROM measure m WHERE m.item_id = i.id AND m.responsible_user_id = ${user}::uuid)
                AS "measureResponsible",
              last.event AS "lastEvent", last.at AS "lastAt", last_actor.display_name AS "lastBy", last.payload AS "lastPayload",
              CASE WHEN i.pending_extension IS NOT NULL THEN
                (SELECT max(h.at) FROM item_history h WHERE h.item_id = i.id AND h.event = ${requestEvent})
              END AS "extensionRequestedAt"
         FROM rectification_item i
         JOIN organisation o ON o.id = i.organisation_id
         ${lastStatusChangeJoins('i')}
        WHERE i.withdrawn_at IS NULL AND ${scoped.sql}
          AND (i.status = ANY(${review}::text[]) OR i.pending_extension IS NOT NULL
               OR (i.status = ANY(${open}::text[])
                   AND (i.organisation_id = ANY(${organisations}::uuid[]) OR i.owner_id = ${user}::uuid
                        OR EXISTS (SELECT 1 FROM measure m
                                    WHERE m.item_id = i.id AND m.responsible_user_id = ${user}::uuid))))`,
      params,
    );
    return rows.map(({ lastEvent, lastAt, lastBy, lastPayload, extensionRequestedAt, ...row }) => ({
      ...row,
      version: Number(row.version),
      lastStatusChange:
        lastEvent && lastAt
          ? ({
              event: lastEvent,
              at: iso(lastAt),
              by: lastBy,
              payload: lastPayload ?? {},
            } as LastStatusChange)
          : null,
      extensionRequestedAt: extensionRequestedAt ? iso(extensionRequestedAt) : null,
    }));
  }
}
