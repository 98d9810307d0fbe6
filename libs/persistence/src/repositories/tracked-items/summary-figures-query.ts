import {
  type ItemGroupCount,
  type OrganisationCounts,
  OPEN_STATUSES,
  type OverdueRow,
  type RecurringCount,
  type SummaryFigures,
  summaryRowOf,
} from '@rectify/domain';
import { type ReadScope } from '@rectify/workflow';
import { type DataSource } from 'typeorm';
import { itemScopeCondition, scopeCondition } from '../scope/scope-condition';
import { type SummaryFiguresQuery } from './tracked-items.repository';

/** True for an item (alias i) that repeats an earlier problem not withdrawn (撤销) as a mistake. */
export const REPEATS_EARLIER_PROBLEM = `EXISTS (
  SELECT 1 FROM item_recurrence ir JOIN rectification_item e ON e.id = ir.earlier_item_id
   WHERE ir.item_id = i.id AND e.withdrawn_at IS NULL)`;

/** The statement's one row: JSON arrays, parsed once instead of one row object per organisation. */
interface FiguresRow {
  /** [id, name, includesBelow, items, completed, longTerm, open, overdue, recurring] per row; null for none. */
  organisations: [string, string, boolean, number, number, number, number, number, number][] | null;
  recurringCounts: RecurringCount[] | null;
  groups: ItemGroupCount[] | null;
  /** Most overdue first. */
  overdue: OverdueRow[] | null;
}

/**
 * The figures of a summary counted by the database (see TrackedItemsRepository.summaryFigures)
 * in one statement and one pass over the year's items of the subtree, read from their own
 * index by the path they carry (rectification_item_year_path_idx): counted per row of the table
 * (the organisation's own items, and each direct child's subtree: summaryRowOf), per status,
 * source and light (GROUPING SETS), the recurring ones per organisation, and the
 * `query.listLimit` most overdue items taken from the same rows. The rows are the summarised
 * organisation when in scope and each direct child with anything of its subtree in scope (a
 * 市 has a few dozen, not its 50,000 organisations). Only counts and at most `query.listLimit`
 * items come back, however large the subtree.
 */
export async function loadSummaryFigures(
  db: DataSource,
  scope: ReadScope,
  query: SummaryFiguresQuery,
): Promise<Omit<SummaryFigures, 'recurringItems'>> {
  // One parameter ($8) serves all three scope conditions: the item's, the row's and the subtree's.
  const items = itemScopeCondition(scope, 8);
  const heads = scopeCondition(scope, 8, 'h');
  const below = scopeCondition(scope, 8, 'd');
  const [row]: FiguresRow[] = await db.query(
    `WITH lit AS MATERIALIZED (
       SELECT CASE WHEN i.organisation_path = $1 THEN $7::text
                   ELSE split_part(substr(i.organisation_path, length($1) + 1), '/', 1) END AS head,
              i.organisation_id, i.id, i.status, i.source, i.deadline,
              -- itemLight: $5 is the last deadline still yellow on $3 (lastYellowDeadline), or null.
              CASE WHEN NOT (i.status = ANY($4::text[])) THEN 'not_lit'
                   WHEN i.deadline IS NULL THEN 'no_deadline'
                   WHEN i.deadline < $3::date THEN 'red'
                   WHEN i.deadline <= $5::date THEN 'yellow'
                   ELSE 'green' END AS light,
              i.measure_count AS measures,
              ${REPEATS_EARLIER_PROBLEM} AS recurring
         FROM rectification_item i
         -- Withdrawn items (撤销) are mistakes: the summary counts none of them, as load() leaves them out.
        WHERE i.year = $2 AND i.withdrawn_at IS NULL AND i.organisation_path LIKE $1 || '%' AND ${items.sql}
     ), heads AS (
       -- The organisation itself when in scope, and each direct child in scope or with anything
       -- below it in scope (the subtree is searched only for a child out of scope).
       SELECT h.id, h.name, h.id <> $7::uuid AS includes_below
         FROM organisation h
        WHERE (h.id = $7::uuid AND ${heads.sql})
           OR (h.parent_id = $7::uuid AND (${heads.sql} OR EXISTS (
                SELECT 1 FROM organisation d WHERE d.path LIKE h.path || '%' AND ${below.sql})))
     ), counted AS (
       SELECT GROUPING(head) = 0 AS per_head, head, status, source, light,
              count(*) AS items, sum(measures) AS measures,
              count(*) FILTER (WHERE status = 'completed') AS completed,
              count(*) FILTER (WHERE status = 'long_term') AS long_term,
              count(*) FILTER (WHERE status = ANY($4::text[])) AS open,
              count(*) FILTER (WHERE light = 'red') AS overdue,
              count(*) FILTER (WHERE recurring) AS recurring
         FROM lit
        GROUP BY GROUPING SETS ((head), (status, source, light))
     ), recurring AS (
       SELECT organisation_id, count(*) AS recurring FROM lit WHERE recurring GROUP BY organisation_id
     ), overdue AS (
       SELECT id, organisation_id, status, deadline FROM lit WHERE light = 'red' ORDER BY deadline, id LIMIT $6
     )
     SELECT
       (SELECT json_agg(json_build_array(h.id, h.name, h.includes_below, COALESCE(c.items, 0),
                                         COALESCE(c.completed, 0), COALESCE(c.long_term, 0),
                                         COALESCE(c.open, 0), COALESCE(c.overdue, 0), COALESCE(c.recurring, 0)))
          FROM heads h LEFT JOIN counted c ON c.per_head AND c.head = h.id::text) AS organisations,
       (SELECT json_agg(json_build_object('organisationId', c.organisation_id, 'organisationName', o.name,
                                          'recurring', c.recurring))
          FROM recurring c JOIN organisation o ON o.id = c.organisation_id) AS "recurringCounts",
       (SELECT json_agg(json_build_object('status', status, 'source', source, 'light', light,
                                          'items', items, 'measures', measures))
          FROM counted WHERE NOT per_head) AS groups,
       (SELECT json_agg(json_build_object('itemId', v.id, 'organisationName', o.name,
                                          'title', t.title, 'status', v.status,
                                          'deadline', to_char(v.deadline, 'YYYY-MM-DD'))
                        ORDER BY v.deadline, v.id)
          FROM overdue v JOIN rectification_item t ON t.id = v.id
                         JOIN organisation o ON o.id = v.organisation_id) AS overdue`,
    [
      query.organisationPath,
      query.problemYear,
      query.asOf,
      OPEN_STATUSES,
      query.lastYellowDeadline,
      query.listLimit,
      summaryRowOf(query.organisationPath, query.organisationPath),
      ...items.params,
    ],
  );
  return {
    organisations: (row.organisations ?? []).map(
      ([
        organisationId,
        organisationName,
        includesBelow,
        items,
        completed,
        longTerm,
        open,
        overdue,
        recurring,
      ]): OrganisationCounts => ({
        organisationId,
        organisationName,
        includesBelow,
        items,
        completed,
        longTerm,
        open,
        overdue,
        recurring,
      }),
    ),
    recurringCounts: (row.recurringCounts ?? []).map((c) => ({ ...c, recurring: Number(c.recurring) })),
    groups: (row.groups ?? []).map((g) => ({ ...g, items: Number(g.items), measures: Number(g.measures) })),
    overdue: row.overdue ?? [],
  };
}
