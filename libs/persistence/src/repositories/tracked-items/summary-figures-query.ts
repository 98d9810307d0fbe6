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

/** One row of the summary statement: an organisation's counts, a group's counts, or an overdue item. */
interface FigureRow {
  kind: 'organisation' | 'group' | 'overdue';
  organisationId: string | null;
  organisationName: string | null;
  status: ItemGroupCount['status'] | null;
  source: ItemGroupCount['source'] | null;
  light: ItemGroupCount['light'] | null;
  items: string;
  measures: string | null;
  completed: string;
  longTerm: string;
  open: string;
  overdue: string;
  recurring: string;
  itemId: string | null;
  title: string | null;
  deadline: string | null;
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
  const rows: FigureRow[] = await db.query(
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
     ), overdue AS (
       SELECT id, organisation_name, status, deadline FROM lit WHERE light = 'red' ORDER BY deadline, id LIMIT $6
     )
     SELECT CASE WHEN GROUPING(organisation_id) = 0 THEN 'organisation' ELSE 'group' END AS kind,
            organisation_id AS "organisationId", organisation_name AS "organisationName",
            status, source, light, count(id) AS items, sum(measures) AS measures,
            count(*) FILTER (WHERE status = 'completed') AS completed,
            count(*) FILTER (WHERE status = 'long_term') AS "longTerm",
            count(*) FILTER (WHERE status = ANY($4::text[])) AS open,
            count(*) FILTER (WHERE light = 'red') AS overdue,
            count(*) FILTER (WHERE recurring) AS recurring,
            NULL::uuid AS "itemId", NULL::text AS title, NULL::text AS deadline
       FROM lit
      GROUP BY GROUPING SETS ((organisation_id, organisation_name), (status, source, light))
     UNION ALL
     SELECT 'overdue', NULL, v.organisation_name, v.status, NULL, NULL, 0, NULL, 0, 0, 0, 0, 0,
            v.id, t.title, to_char(v.deadline, 'YYYY-MM-DD')
       FROM overdue v JOIN rectification_item t ON t.id = v.id`,
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
  const organisations: OrganisationCounts[] = [];
  const groups: ItemGroupCount[] = [];
  const overdue: OverdueRow[] = [];
  for (const r of rows) {
    if (r.kind === 'organisation') {
      organisations.push({
        organisationId: r.organisationId!,
        organisationName: r.organisationName!,
        items: Number(r.items),
        completed: Number(r.completed),
        longTerm: Number(r.longTerm),
        open: Number(r.open),
        overdue: Number(r.overdue),
        recurring: Number(r.recurring),
      });
    } else if (r.kind === 'overdue') {
      overdue.push({
        itemId: r.itemId!,
        organisationName: r.organisationName!,
        title: r.title!,
        status: r.status!,
        deadline: r.deadline!,
      });
      // The organisations without items make one group of nulls: no items, nothing to count.
    } else if (r.status !== null) {
      groups.push({
        status: r.status,
        source: r.source!,
        light: r.light!,
        items: Number(r.items),
        measures: Number(r.measures),
      });
    }
  }
  // UNION ALL keeps no order: the most overdue first, then by id (uuid order is its text's).
  overdue.sort((a, b) => compareText(a.deadline, b.deadline) || compareText(a.itemId, b.itemId));
  return { organisations, groups, overdue };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
