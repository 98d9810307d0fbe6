import {
  type ItemGroupCount,
  type OrganisationCounts,
  OPEN_STATUSES,
  type OverdueRow,
  type SummaryFigures,
} from '@rectify/domain';
import { type ReadScope } from '@rectify/workflow';
import { type DataSource } from 'typeorm';
import { scopeCondition } from '../scope/scope-condition';
import { type SummaryFiguresQuery } from './tracked-items.repository';

/** True for an item (alias i) that repeats an earlier problem not withdrawn (撤销) as a mistake. */
export const REPEATS_EARLIER_PROBLEM = `EXISTS (
  SELECT 1 FROM item_recurrence ir JOIN rectification_item e ON e.id = ir.earlier_item_id
   WHERE ir.item_id = i.id AND e.withdrawn_at IS NULL)`;

interface AggregateRow {
  perOrganisation: boolean;
  organisationId: string | null;
  status: ItemGroupCount['status'];
  source: ItemGroupCount['source'];
  light: ItemGroupCount['light'];
  items: string;
  measures: string;
  completed: string;
  longTerm: string;
  open: string;
  overdue: string;
  recurring: string;
}

/**
 * The figures of a summary counted by the database (see TrackedItemsRepository.summaryFigures):
 * three queries run side by side, the organisations in scope, one pass over the year's items of
 * the subtree grouped two ways, and the most overdue items; only counts and at most
 * `query.listLimit` items come back, however large the subtree.
 */
export async function loadSummaryFigures(
  db: DataSource,
  scope: ReadScope,
  query: SummaryFiguresQuery,
): Promise<Omit<SummaryFigures, 'recurringItems'>> {
  const pattern = `${query.organisationPath}%`;
  const cond = scopeCondition(scope, 6);
  const orgCond = scopeCondition(scope, 2);
  // Withdrawn items (撤销) are mistakes: the summary counts none of them, as load() leaves them out.
  const items = `FROM rectification_item i JOIN organisation o ON o.id = i.organisation_id
      WHERE o.path LIKE $1 AND i.year = $2 AND i.withdrawn_at IS NULL AND ${cond.sql}`;
  const [organisations, aggregates, overdue] = await Promise.all([
    db.query(
      `SELECT o.id, o.name FROM organisation o WHERE o.path LIKE $1 AND ${orgCond.sql} ORDER BY o.id`,
      [pattern, ...orgCond.params],
    ) as Promise<{ id: string; name: string }[]>,
    db.query(
      `WITH lit AS (
         SELECT i.organisation_id, i.status, i.source,
                -- itemLight: $5 is the last deadline still yellow on $3 (lastYellowDeadline), or null.
                CASE WHEN NOT (i.status = ANY($4::text[])) THEN 'not_lit'
                     WHEN i.deadline IS NULL THEN 'no_deadline'
                     WHEN i.deadline < $3::date THEN 'red'
                     WHEN i.deadline <= $5::date THEN 'yellow'
                     ELSE 'green' END AS light,
                (SELECT count(*) FROM measure m WHERE m.item_id = i.id) AS measures,
                ${REPEATS_EARLIER_PROBLEM} AS recurring
           ${items})
       SELECT GROUPING(organisation_id) = 0 AS "perOrganisation", organisation_id AS "organisationId",
              status, source, light, count(*) AS items, sum(measures) AS measures,
              count(*) FILTER (WHERE status = 'completed') AS completed,
              count(*) FILTER (WHERE status = 'long_term') AS "longTerm",
              count(*) FILTER (WHERE status = ANY($4::text[])) AS open,
              count(*) FILTER (WHERE light = 'red') AS overdue,
              count(*) FILTER (WHERE recurring) AS recurring
         FROM lit
        GROUP BY GROUPING SETS ((organisation_id), (status, source, light))`,
      [pattern, query.problemYear, query.asOf, OPEN_STATUSES, query.lastYellowDeadline, ...cond.params],
    ) as Promise<AggregateRow[]>,
    db.query(
      `SELECT i.id AS "itemId", o.name AS "organisationName", i.title, i.status,
              to_char(i.deadline, 'YYYY-MM-DD') AS deadline
         ${items} AND i.status = ANY($4::text[]) AND i.deadline < $3::date
        ORDER BY i.deadline, i.id
        LIMIT $5`,
      [pattern, query.problemYear, query.asOf, OPEN_STATUSES, query.listLimit, ...cond.params],
    ) as Promise<OverdueRow[]>,
  ]);
  const counted = new Map<string, AggregateRow>();
  const groups: ItemGroupCount[] = [];
  for (const row of aggregates) {
    if (row.perOrganisation) counted.set(row.organisationId!, row);
    else {
      groups.push({
        status: row.status,
        source: row.source,
        light: row.light,
        items: Number(row.items),
        measures: Number(row.measures),
      });
    }
  }
  return {
    organisations: organisations.map(({ id, name }): OrganisationCounts => {
      const row = counted.get(id);
      return {
        organisationId: id,
        organisationName: name,
        items: Number(row?.items ?? 0),
        completed: Number(row?.completed ?? 0),
        longTerm: Number(row?.longTerm ?? 0),
        open: Number(row?.open ?? 0),
        overdue: Number(row?.overdue ?? 0),
        recurring: Number(row?.recurring ?? 0),
      };
    }),
    groups,
    overdue,
  };
}
