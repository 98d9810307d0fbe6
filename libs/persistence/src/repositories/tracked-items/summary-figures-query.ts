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

/** The statement's one row: JSON arrays, parsed once instead of one row object per organisation. */
interface FiguresRow {
  /** [id, name, items, completed, longTerm, open, overdue, recurring] per organisation; null for none. */
  organisations: [string, string, number, number, number, number, number, number][] | null;
  groups: ItemGroupCount[] | null;
  /** Most overdue first. */
  overdue: OverdueRow[] | null;
}

/**
 * The figures of a summary counted by the database (see TrackedItemsRepository.summaryFigures)
 * in one statement and one pass over the year's items of the subtree: each organisation in
 * scope with its items (none for some), counted per organisation and per status, source and
 * light (GROUPING SETS), and the `query.listLimit` most overdue items taken from the same rows.
 * Only counts and at most `query.listLimit` items come back, however large the subtree.
 */
export async function loadSummaryFigures(
  db: DataSource,
  scope: ReadScope,
  query: SummaryFiguresQuery,
): Promise<Omit<SummaryFigures, 'recurringItems'>> {
  const cond = scopeCondition(scope, 7);
  const [row]: FiguresRow[] = await db.query(
    `WITH lit AS MATERIALIZED (
       SELECT o.id AS organisation_id, o.name AS organisation_name, i.id, i.status, i.source, i.deadline,
              -- itemLight: $5 is the last deadline still yellow on $3 (lastYellowDeadline), or null.
              CASE WHEN i.id IS NULL THEN NULL
                   WHEN NOT (i.status = ANY($4::text[])) THEN 'not_lit'
                   WHEN i.deadline IS NULL THEN 'no_deadline'
                   WHEN i.deadline < $3::date THEN 'red'
                   WHEN i.deadline <= $5::date THEN 'yellow'
                   ELSE 'green' END AS light,
              (SELECT count(*) FROM measure m WHERE m.item_id = i.id) AS measures,
              ${REPEATS_EARLIER_PROBLEM} AS recurring
         FROM organisation o
         -- Withdrawn items (撤销) are mistakes: the summary counts none of them, as load() leaves them out.
         LEFT JOIN rectification_item i ON i.organisation_id = o.id AND i.year = $2 AND i.withdrawn_at IS NULL
        WHERE o.path LIKE $1 AND ${cond.sql}
     ), counted AS (
       SELECT GROUPING(organisation_id) = 0 AS per_organisation, organisation_id, organisation_name,
              status, source, light, count(id) AS items, sum(measures) AS measures,
              count(*) FILTER (WHERE status = 'completed') AS completed,
              count(*) FILTER (WHERE status = 'long_term') AS long_term,
              count(*) FILTER (WHERE status = ANY($4::text[])) AS open,
              count(*) FILTER (WHERE light = 'red') AS overdue,
              count(*) FILTER (WHERE recurring) AS recurring
         FROM lit
        GROUP BY GROUPING SETS ((organisation_id, organisation_name), (status, source, light))
     ), overdue AS (
       SELECT id, organisation_name, status, deadline FROM lit WHERE light = 'red' ORDER BY deadline, id LIMIT $6
     )
     SELECT
       (SELECT json_agg(json_build_array(organisation_id, organisation_name, items, completed, long_term,
                                         open, overdue, recurring))
          FROM counted WHERE per_organisation) AS organisations,
       -- The organisations without items make one group of nulls: nothing to count.
       (SELECT json_agg(json_build_object('status', status, 'source', source, 'light', light,
                                          'items', items, 'measures', measures))
          FROM counted WHERE NOT per_organisation AND status IS NOT NULL) AS groups,
       (SELECT json_agg(json_build_object('itemId', v.id, 'organisationName', v.organisation_name,
                                          'title', t.title, 'status', v.status,
                                          'deadline', to_char(v.deadline, 'YYYY-MM-DD'))
                        ORDER BY v.deadline, v.id)
          FROM overdue v JOIN rectification_item t ON t.id = v.id) AS overdue`,
    [
      `${query.organisationPath}%`,
      query.problemYear,
      query.asOf,
      OPEN_STATUSES,
      query.lastYellowDeadline,
      query.listLimit,
      ...cond.params,
    ],
  );
  return {
    organisations: (row.organisations ?? []).map(
      ([
        organisationId,
        organisationName,
        items,
        completed,
        longTerm,
        open,
        overdue,
        recurring,
      ]): OrganisationCounts => ({
        organisationId,
        organisationName,
        items,
        completed,
        longTerm,
        open,
        overdue,
        recurring,
      }),
    ),
    groups: (row.groups ?? []).map((g) => ({ ...g, items: Number(g.items), measures: Number(g.measures) })),
    overdue: row.overdue ?? [],
  };
}
