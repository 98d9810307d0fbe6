import { type EntityManager } from 'typeorm';

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
 * Stores recurrence links (反复出现) in the caller's transaction (the import's, see the reports
 * repository); a link stored already is kept. An item keeps at most `maxLinksPerItem` links: a
 * link that does not beat the weakest of an item's full set is not stored, and one that does
 * displaces it. So an item of a later year, linked to each older report imported after it, ends
 * with the same best links as if the reports had come in order (not one more per import).
 * `newItemIds`: the items this import creates, whose links the caller capped already (they are
 * stored as given: in-order imports make no other links). One statement either way.
 */
export async function insertRecurrenceLinks(
  m: EntityManager,
  links: readonly RecurrenceLinkRow[],
  limits: { maxLinksPerItem: number; newItemIds: ReadonlySet<string> },
): Promise<void> {
  const ofNew = links.filter((l) => limits.newItemIds.has(l[0]));
  const ofLater = links.filter((l) => !limits.newItemIds.has(l[0]));
  const columns = (rows: readonly RecurrenceLinkRow[]) => [
    rows.map((l) => l[0]),
    rows.map((l) => l[1]),
    rows.map((l) => l[2]),
  ];
  if (ofLater.length === 0) {
    if (ofNew.length === 0) return;
    await m.query(
      `INSERT INTO item_recurrence (item_id, earlier_item_id, score)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::numeric[]) ON CONFLICT DO NOTHING`,
      columns(ofNew),
    );
    return;
  }
  // One statement: each later item's shown links and its new ones contest, the best
  // `maxLinksPerItem` stay (the new among them inserted, the stored below them deleted).
  await m.query(
    `WITH later AS (
       SELECT * FROM unnest($4::uuid[], $5::uuid[], $6::numeric[], $7::int[]) AS n(item_id, earlier_item_id, score, year)),
     contest AS (
       SELECT ir.item_id, ir.earlier_item_id, ir.score, e.year, FALSE AS new
         FROM (SELECT * FROM item_recurrence WHERE item_id IN (SELECT item_id FROM later) OFFSET 0) ir
        CROSS JOIN LATERAL (${EARLIER_SHOWN}) e
       UNION ALL
       SELECT item_id, earlier_item_id, score, year, TRUE FROM later),
     ranked AS (
       SELECT *, row_number() OVER (PARTITION BY item_id ORDER BY ${BEST_FIRST}) AS rank FROM contest),
     displaced AS (
       DELETE FROM item_recurrence ir USING ranked r
        WHERE NOT r.new AND r.rank > $8 AND ir.item_id = r.item_id AND ir.earlier_item_id = r.earlier_item_id)
     INSERT INTO item_recurrence (item_id, earlier_item_id, score)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::numeric[])
     UNION ALL
     SELECT item_id, earlier_item_id, score FROM ranked WHERE new AND rank <= $8
     ON CONFLICT DO NOTHING`,
    [...columns(ofNew), ...columns(ofLater), ofLater.map((l) => l[3]), limits.maxLinksPerItem],
  );
}
