// The items page's walk among the newest items (stops 42 and 43, bench/README.md): how far it
// reads and the SQL that reads it; PgItemQueriesRepository.search decides when it applies.

/**
 * How many of the newest items (of its status, when it has one) a page reads (`walkedPageIds`)
 * before it sorts the matching items instead: enough for a subtree holding 2.5 % of them (a 县
 * of a province holds about 5 %), little enough that the walk costs a few milliseconds when it
 * finds too few (a 镇, a 村, or a 县 with few recent items).
 */
export const PAGE_WALK_ROWS = 2000;

/**
 * The columns both listing indexes carry (rectification_item_listing_idx and, status aside as
 * its leading key, rectification_item_status_listing_idx), keys and INCLUDE.
 */
export const LISTED = 'i.id, i.created_at, i.seq, i.status, i.organisation_id, i.organisation_path, i.year';

/**
 * The ids of a page of items not withdrawn, newest first. The newest items (of the page's
 * status, when it has one: `from.walk`, the condition on rectification_item `i` that picks
 * them) are read from `rectification_item_status_listing_idx`, or without a status from
 * `rectification_item_listing_idx`, and filtered (`filter`: the columns read and the conditions
 * on them; the indexes' own when the filters are at most scope, organisation, stage and year,
 * else every item column and every condition) until `need` (page × pageSize) match or
 * `walkRows` were read. When that gives the page's rows and all before them, or fewer than
 * `walkRows` items are walked at all, they are the page: nothing outside the walk comes first.
 * Otherwise (a small subtree, or one with few recent items) the matching items are sorted:
 * `from.sorted`, the query's FROM and WHERE, read apart from the page's order (a materialised
 * CTE), so that the planner cannot walk the listing index to its end instead, as it did for a
 * 村 (345 ms at bench:api's province). The order is the page's own (created_at, seq, id: total),
 * so the walk's cut and the sort agree. `at`: the parameter numbers of walkRows and need; `n`:
 * that of the OFFSET (LIMIT is n − 1). bench/README.md, bench:api, stops 42 and 43.
 */
export function walkedPageIds(
  from: { walk: string; sorted: string },
  filter: { columns: string; conditions: string[] },
  at: { walkRows: number; need: number },
  n: number,
): string {
  const walked = `FROM rectification_item i WHERE ${from.walk}`;
  const order = 'ORDER BY i.created_at DESC, i.seq ASC, i.id ASC';
  // The walk stops at its `need`th match or its `walkRows`th entry, whichever comes first; the
  // walked set's size is counted (up to walkRows) only when the matches fall short. Each
  // branch's condition on `enough` is a one-time filter: the unused one never runs.
  return `WITH hit AS MATERIALIZED (
           SELECT i.id, i.created_at, i.seq FROM (
             SELECT ${filter.columns} ${walked}
              ${order} LIMIT $${at.walkRows}) i
            WHERE ${filter.conditions.join(' AND ')}
            ${order} LIMIT $${at.need}),
         enough AS MATERIALIZED (
           SELECT (SELECT count(*) FROM hit) >= $${at.need}
                  OR (SELECT count(*) FROM (SELECT 1 ${walked} LIMIT $${at.walkRows}) s) < $${at.walkRows} AS yes),
         sorted AS MATERIALIZED (
           SELECT i.id, i.created_at, i.seq ${from.sorted} AND NOT (SELECT yes FROM enough))
       SELECT u.id FROM (
         SELECT h.id, h.created_at, h.seq FROM hit h WHERE (SELECT yes FROM enough)
         UNION ALL
         SELECT s.id, s.created_at, s.seq FROM sorted s) u
        ORDER BY u.created_at DESC, u.seq ASC, u.id ASC
        LIMIT $${n - 1} OFFSET $${n}`;
}
