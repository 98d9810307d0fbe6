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
 * stored as given: in-order imports make no other links). `gate`: a condition the whole
 * statement stores under (the report was inserted); nothing is stored or deleted without it.
 * Returns the definitions (`name AS (…)`), none when there are no links.
 */
export function recurrenceLinkCtes(
  param: SqlParameters,
  links: readonly RecurrenceLinkRow[],
  limits: { maxLinksPerItem: number; newItemIds: ReadonlySet<string> },
  gate: string,
): string[] {
  const ofNew = links.filter((l) => limits.newItemIds.has(l[0]));
  const ofLater = links.filter((l) => !limits.newItemIds.has(l[0]));
  const unnestOf = (rows: readonly RecurrenceLinkRow[]) =>
    `unnest(${param.add(
      rows.map((l) => l[0]),
      'uuid[]',
    )}, ${param.add(
      rows.map((l) => l[1]),
      'uuid[]',
    )}, ${param.add(
      rows.map((l) => l[2]),
      'numeric[]',
    )})`;
  if (ofLater.length === 0) {
    if (ofNew.length === 0) return [];
    return [
      `new_link AS (
         INSERT INTO item_recurrence (item_id, earlier_item_id, score)
         SELECT * FROM ${unnestOf(ofNew)} WHERE ${gate} ON CONFLICT DO NOTHING)`,
    ];
  }
  const newRows = ofNew.length > 0 ? unnestOf(ofNew) : null;
  const max = param.add(limits.maxLinksPerItem, 'int');
  // Each later item's shown links and its new ones contest, the best `maxLinksPerItem` stay (the
  // new among them inserted, the stored below them deleted). The stored links are read and
  // deleted by key, item by item: the planner, misjudging how many there are, otherwise scans
  // and hashes the whole table twice (5.5 ms an import at one branch).
  return [
    `later_link AS (
       SELECT * FROM unnest(${param.add(
         ofLater.map((l) => l[0]),
         'uuid[]',
       )}, ${param.add(
         ofLater.map((l) => l[1]),
         'uuid[]',
       )},
                            ${param.add(
                              ofLater.map((l) => l[2]),
                              'numeric[]',
                            )}, ${param.add(
                              ofLater.map((l) => l[3]),
                              'int[]',
                            )})
                     AS n(item_id, earlier_item_id, score, year)
        WHERE ${gate})`,
    `contest AS (
       SELECT ir.item_id, ir.earlier_item_id, ir.score, e.year, FALSE AS new
         FROM unnest(${param.add([...new Set(ofLater.map((l) => l[0]))], 'uuid[]')}) AS l(item_id)
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
       ${newRows === null ? '' : `SELECT * FROM ${newRows} WHERE ${gate} UNION ALL`}
       SELECT item_id, earlier_item_id, score FROM ranked WHERE new AND rank <= ${max}
       ON CONFLICT DO NOTHING)`,
  ];
}
