import { type SqlParameters } from '../sql/sql-parameters';

/**
 * A link between an item and an earlier item it repeats, with the similarity score (0 to 1) and
 * the earlier item's year (how links of equal score are ranked: the nearer year first).
 */
export type RecurrenceLinkRow = readonly [
  itemId: string,
  earlierItemId: string,
  score: number,
  earlierYear: number | null,
];

// An earlier item by its key, if shown (links to withdrawn items are not). OFFSET 0 keeps each a
// lookup: with the statistics of a fast-growing table the planner otherwise walks every item and
// probes the links (90 ms a statement, seen in bench:transitions at one branch).
const EARLIER_SHOWN = `
  SELECT e.year, e.id FROM rectification_item e WHERE e.id = ir.earlier_item_id AND e.withdrawn_at IS NULL OFFSET 0`;

// An item's links best first, the order the domain ranks them in (findRecurringProblems: score,
// then the nearer year, then the id), over a link's score, its earlier item's year and id.
const BEST_FIRST = `score DESC, year DESC NULLS LAST, earlier_item_id`;

/**
 * The common table expressions that store recurrence links (反复出现) as part of an import's one
 * statement; a link stored already is kept. An item keeps at most `maxLinksPerItem` links: a link
 * that does not beat the weakest of an item's full set is not stored, and one that does
 * displaces it. So an item of a later year, linked to each older report imported after it, ends
 * with the same best links as if the reports had come in order (not one more per import).
 * `newItemIds`: the items this import creates, whose links the caller capped already (they are
 * stored as given: in-order imports make no other links). Every item given a link has its row of
 * shown_recurrence_links written as its links now stand (the migration
 * ShownRecurrenceLinks1732940000000 says why). `gate`: a condition the whole statement stores
 * under (the report was inserted); nothing is stored or deleted without it. Returns the
 * definitions (`name AS (…)`), none when there are no links.
 */
export function recurrenceLinkCtes(
  param: SqlParameters,
  links: readonly RecurrenceLinkRow[],
  limits: { maxLinksPerItem: number; newItemIds: ReadonlySet<string> },
  gate: string,
): string[] {
  const ofNew = links.filter((l) => limits.newItemIds.has(l[0]));
  const ofLater = links.filter((l) => !limits.newItemIds.has(l[0]));
  const ctes: string[] = [];
  if (ofNew.length > 0) {
    const n = linkColumns(param, ofNew);
    ctes.push(
      `new_link AS (
         INSERT INTO item_recurrence (item_id, earlier_item_id, score)
         SELECT * FROM unnest(${n.item}, ${n.earlier}, ${n.score}) WHERE ${gate} ON CONFLICT DO NOTHING)`,
      // A new item's links are all shown (candidates are never withdrawn items).
      `new_link_count AS (
         INSERT INTO shown_recurrence_links (${SHOWN_COLUMNS})
         SELECT DISTINCT ON (item_id) item_id, count(*) OVER (PARTITION BY item_id), score, year, earlier_item_id
           FROM unnest(${n.item}, ${n.earlier}, ${n.score}, ${n.year}) AS n(item_id, earlier_item_id, score, year)
          WHERE ${gate}
          ORDER BY item_id, ${WORST_FIRST}
         ON CONFLICT (item_id) DO NOTHING)`,
    );
  }
  if (ofLater.length === 0) return ctes;
  const l = linkColumns(param, ofLater);
  const max = param.add(limits.maxLinksPerItem, 'int');
  // Each later item's shown links and its new ones contest, the best `maxLinksPerItem` stay (the
  // new among them inserted, the stored below them deleted). The stored links are read and
  // deleted by key, item by item: the planner, misjudging how many there are, otherwise scans
  // and hashes the whole table twice (5.5 ms an import at one branch).
  ctes.push(
    `later_link AS (
       SELECT * FROM unnest(${l.item}, ${l.earlier}, ${l.score}, ${l.year}) AS n(item_id, earlier_item_id, score, year)
        WHERE ${gate})`,
    `contest AS (
       SELECT ir.item_id, ir.earlier_item_id, ir.score, e.year, FALSE AS new
         FROM unnest(${param.add([...new Set(ofLater.map((r) => r[0]))], 'uuid[]')}) AS l(item_id)
        CROSS JOIN LATERAL (SELECT * FROM item_recurrence ir WHERE ir.item_id = l.item_id OFFSET 0) ir
        CROSS JOIN LATERAL (${EARLIER_SHOWN}) e
        WHERE ${gate}
       UNION ALL
       SELECT item_id, earlier_item_id, score, year, TRUE FROM later_link)`,
    `ranked AS (
       SELECT *, row_number() OVER (PARTITION BY item_id ORDER BY ${BEST_FIRST}) AS rank FROM contest)`,
    `displaced AS (
       DELETE FROM item_recurrence ir
        WHERE ir.item_id = ANY (ARRAY(SELECT item_id FROM ranked WHERE NOT new AND rank > ${max}))
          AND (ir.item_id, ir.earlier_item_id) IN (SELECT item_id, earlier_item_id FROM ranked WHERE NOT new AND rank > ${max}))`,
    `link AS (
       INSERT INTO item_recurrence (item_id, earlier_item_id, score)
       SELECT item_id, earlier_item_id, score FROM ranked WHERE new AND rank <= ${max}
       ON CONFLICT DO NOTHING)`,
    // What stays of each contested item's links: the best, up to the cap, and the last of them.
    `later_link_count AS (
       INSERT INTO shown_recurrence_links (${SHOWN_COLUMNS})
       SELECT DISTINCT ON (item_id) item_id, count(*) OVER (PARTITION BY item_id), score, year, earlier_item_id
         FROM ranked WHERE rank <= ${max}
        ORDER BY item_id, rank DESC
       ON CONFLICT (item_id) DO UPDATE SET ${SHOWN_COLUMNS_UPDATED})`,
  );
  return ctes;
}

// shown_recurrence_links's columns, in the order the counts above select them.
const SHOWN_COLUMNS = 'item_id, links, weakest_score, weakest_year, weakest_earlier_item_id';
const SHOWN_COLUMNS_UPDATED = `links = EXCLUDED.links, weakest_score = EXCLUDED.weakest_score,
       weakest_year = EXCLUDED.weakest_year, weakest_earlier_item_id = EXCLUDED.weakest_earlier_item_id`;
// BEST_FIRST turned round: the weakest link first.
const WORST_FIRST = `score, year NULLS FIRST, earlier_item_id DESC`;

/** Links as four array parameters: item, earlier item, score, earlier item's year. */
function linkColumns(
  param: SqlParameters,
  rows: readonly RecurrenceLinkRow[],
): { item: string; earlier: string; score: string; year: string } {
  return {
    item: param.add(
      rows.map((r) => r[0]),
      'uuid[]',
    ),
    earlier: param.add(
      rows.map((r) => r[1]),
      'uuid[]',
    ),
    score: param.add(
      rows.map((r) => r[2]),
      'numeric[]',
    ),
    year: param.add(
      rows.map((r) => r[3]),
      'int[]',
    ),
  };
}
