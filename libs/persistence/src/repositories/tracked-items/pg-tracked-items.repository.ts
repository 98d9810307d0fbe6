import { OPEN_STATUSES, type RecurringProblem, type SummaryFigures, type TrackedItem } from '@rectify/domain';
import { type ReadScope, type RectificationStatus } from '@rectify/workflow';
import { type DataSource } from 'typeorm';
import { scopeCondition } from '../scope/scope-condition';
import { loadSummaryFigures, REPEATS_EARLIER_PROBLEM } from './summary-figures-query';
import { loadTrackedItemParts, REPORT_IMPORTED_AT_SQL } from './tracked-item-parts';
import { lookUpRecurrenceCandidates } from './pg-recurrence-candidates';
import {
  type OverdueCountsQuery,
  type RecurrenceCandidates,
  type RecurrenceCandidatesQuery,
  type TrackedItemsPageQuery,
  type SummaryFiguresQuery,
  type RecurrenceSide,
  type RecurrenceWindowQuery,
  type TrackedItemsQuery,
  type TrackedItemsRepository,
} from './tracked-items.repository';

/** TrackedItemsRepository on PostgreSQL (or PGlite); the scope is a condition inside each query. */
export class PgTrackedItemsRepository implements TrackedItemsRepository {
  constructor(private readonly db: DataSource) {}

  async load(scope: ReadScope, query: TrackedItemsQuery): Promise<TrackedItem[]> {
    const params: unknown[] = [query.problemYear];
    const orgCondition = query.subtree ? `o.path LIKE $2` : `o.id = $2`;
    params.push(query.subtree ? `${query.organisation.path}%` : query.organisation.id);
    const cond = scopeCondition(scope, params.length + 1);
    params.push(...cond.params);
    // Withdrawn items (撤销) are mistakes: no summary, ledger, section or reconciliation counts them.
    return loadTrackedItemParts(
      this.db,
      `i.year = $1 AND ${orgCondition} AND i.withdrawn_at IS NULL AND ${cond.sql}`,
      params,
    );
  }

  async loadPage(scope: ReadScope, query: TrackedItemsPageQuery): Promise<TrackedItem[]> {
    const ids = [...query.organisationRanks.keys()];
    const params: unknown[] = [
      query.problemYear,
      `${query.organisation.path}%`,
      ids,
      ids.map((id) => query.organisationRanks.get(id)),
      query.limit,
    ];
    let after = '';
    if (query.after) {
      const { rank, reportImportedAt, seq, id } = query.after;
      params.push(rank, reportImportedAt, seq, id);
      after = `AND (k.rank, ${REPORT_IMPORTED_AT_SQL}, i.seq, i.id) > ($6::int, $7::timestamptz, $8::int, $9::uuid)`;
    }
    const cond = scopeCondition(scope, params.length + 1);
    params.push(...cond.params);
    return loadTrackedItemParts(
      this.db,
      `i.year = $1 AND o.path LIKE $2 AND i.withdrawn_at IS NULL AND ${cond.sql} ${after}`,
      params,
      {
        join: `JOIN unnest($3::uuid[], $4::int[]) AS k(organisation_id, rank) ON k.organisation_id = i.organisation_id`,
        orderAndLimit: `ORDER BY k.rank, ${REPORT_IMPORTED_AT_SQL}, i.seq, i.id LIMIT $5`,
      },
    );
  }

  async overdueCounts(
    scope: ReadScope,
    query: OverdueCountsQuery,
  ): Promise<{ month: string; overdue: number }[]> {
    const params: unknown[] = [query.asOf, query.months, `${query.organisationPath}%`, OPEN_STATUSES];
    const cond = scopeCondition(scope, params.length + 1);
    params.push(...cond.params);
    const rows: { month: string; overdue: number }[] = await this.db.query(
      `WITH month_end AS (
         SELECT to_char(m, 'YYYY-MM') AS month,
                -- The last day of the month, or asOf for the month it falls in.
                LEAST((m + interval '1 month' - interval '1 day')::date, $1::date) AS day
           FROM generate_series(
                  date_trunc('month', $1::date::timestamp) - ($2::int - 1) * interval '1 month',
                  date_trunc('month', $1::date::timestamp),
                  interval '1 month') AS m
       ), bound AS (
         -- The end of that day in Shanghai, as an instant (exclusive).
         SELECT month, day, ((day + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') AS until FROM month_end
       )
       SELECT b.month, c.overdue
         FROM bound b
         CROSS JOIN LATERAL (
           SELECT count(*)::int AS overdue
             FROM rectification_item i
             JOIN organisation o ON o.id = i.organisation_id
             LEFT JOIN LATERAL (
               SELECT h.to_status, h.deadline
                 FROM item_history h
                WHERE h.item_id = i.id AND h.at < b.until
                ORDER BY h.at DESC, h.seq DESC
                LIMIT 1
             ) s ON TRUE
            -- A withdrawn item (撤销) was a mistake: it never counted, in any month.
            WHERE o.path LIKE $3 AND i.withdrawn_at IS NULL AND ${cond.sql}
              AND (CASE WHEN s.to_status IS NULL THEN i.deadline ELSE s.deadline END) < b.day
              AND i.created_at < b.until
              -- No line yet (only possible for data entered by hand): as imported, identified.
              AND COALESCE(s.to_status, 'identified') = ANY($4::text[])
         ) c
        ORDER BY b.month`,
      params,
    );
    return rows.map((r) => ({ month: r.month, overdue: Number(r.overdue) }));
  }

  summaryFigures(
    scope: ReadScope,
    query: SummaryFiguresQuery,
  ): Promise<Omit<SummaryFigures, 'recurringItems'>> {
    return loadSummaryFigures(this.db, scope, query);
  }

  async recurringItems(
    scope: ReadScope,
    query: { organisationIds: readonly string[]; problemYear: number },
  ): Promise<TrackedItem[]> {
    if (query.organisationIds.length === 0) return [];
    const cond = scopeCondition(scope, 3);
    return loadTrackedItemParts(
      this.db,
      `i.organisation_id = ANY($1::uuid[]) AND i.year = $2 AND i.withdrawn_at IS NULL AND ${REPEATS_EARLIER_PROBLEM} AND ${cond.sql}`,
      [query.organisationIds, query.problemYear, ...cond.params],
    );
  }

  async organisationsBelow(
    scope: ReadScope,
    organisationPath: string,
  ): Promise<{ id: string; name: string; path: string }[]> {
    const cond = scopeCondition(scope, 2);
    return this.db.query(
      `SELECT o.id, o.name, o.path FROM organisation o WHERE o.path LIKE $1 AND ${cond.sql}`,
      [`${organisationPath}%`, ...cond.params],
    );
  }

  async problemsOfYear(
    scope: ReadScope,
    organisationId: string,
    problemYear: number,
  ): Promise<{ id: string; title: string; status: RectificationStatus }[]> {
    const cond = scopeCondition(scope, 3);
    // Matching needs only names and statuses, so this stays one query however long the history.
    // The operator's scope needs no organisation (the import reads as it: one lookup an item less).
    // In import order: a report's items are stored in the statement that stores it, so their
    // created_at is its imported_at (one transaction's now()), and no join to the report is needed.
    return this.db.query(
      `SELECT i.id, i.title, i.status
         FROM rectification_item i
         ${scope === 'operator' ? '' : 'JOIN organisation o ON o.id = i.organisation_id'}
        WHERE i.organisation_id = $1 AND i.year = $2 AND i.withdrawn_at IS NULL AND ${cond.sql}
        ORDER BY i.created_at, i.seq, i.id`,
      [organisationId, problemYear, ...cond.params],
    );
  }

  async storedRecurrence(scope: ReadScope, reportId: string): Promise<RecurringProblem[]> {
    const cond = scopeCondition(scope, 2);
    const rows: {
      itemId: string;
      seq: number;
      title: string;
      earlierId: string;
      earlierTitle: string;
      earlierStatus: RectificationStatus;
      earlierYear: number | null;
      score: string;
    }[] = await this.db.query(
      `SELECT i.id AS "itemId", i.seq, i.title, e.id AS "earlierId", e.title AS "earlierTitle",
              e.status AS "earlierStatus", e.year AS "earlierYear", ir.score
         FROM rectification_item i
         JOIN organisation o ON o.id = i.organisation_id
         JOIN item_recurrence ir ON ir.item_id = i.id
         -- Each earlier item by its key: with the statistics behind a fast-growing table the
         -- planner otherwise scans every item once per problem (OFFSET 0 keeps this a lookup).
         CROSS JOIN LATERAL (
           SELECT e.id, e.title, e.status, e.year FROM rectification_item e
            WHERE e.id = ir.earlier_item_id AND e.withdrawn_at IS NULL OFFSET 0) e
        WHERE i.report_id = $1 AND i.withdrawn_at IS NULL AND ${cond.sql}
        ORDER BY i.seq, ir.score DESC, e.year DESC, e.id`,
      [reportId, ...cond.params],
    );
    const byItem = new Map<string, RecurringProblem>();
    for (const r of rows) {
      const problem = byItem.get(r.itemId) ?? {
        itemId: r.itemId,
        seq: Number(r.seq),
        title: r.title,
        earlier: [],
      };
      problem.earlier.push({
        itemId: r.earlierId,
        year: r.earlierYear === null ? null : Number(r.earlierYear),
        title: r.earlierTitle,
        status: r.earlierStatus,
        score: Number(r.score),
      });
      byItem.set(r.itemId, problem);
    }
    return [...byItem.values()];
  }

  async recurrenceCandidates(
    scope: ReadScope,
    query: RecurrenceCandidatesQuery,
  ): Promise<RecurrenceCandidates> {
    const found = await lookUpRecurrenceCandidates(this.db, scope, query, [query.side]);
    return found[query.side] as RecurrenceCandidates;
  }

  async recurrenceWindow(
    scope: ReadScope,
    query: RecurrenceWindowQuery,
  ): Promise<Record<RecurrenceSide, RecurrenceCandidates>> {
    // The two sides side by side, on two connections: PostgreSQL reads each on its own core,
    // where one statement read them one after the other (the longest wait of an import).
    const [earlier, later] = await Promise.all(
      (['earlier', 'later'] as const).map((side) =>
        lookUpRecurrenceCandidates(this.db, scope, query, [side]),
      ),
    );
    return { ...earlier, ...later } as Record<RecurrenceSide, RecurrenceCandidates>;
  }
}
