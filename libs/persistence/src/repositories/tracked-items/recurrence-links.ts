import { type EntityManager } from 'typeorm';

/** A link between an item and an earlier item it repeats, with the similarity score (0 to 1). */
export type RecurrenceLinkRow = readonly [itemId: string, earlierItemId: string, score: number];

/**
 * Stores recurrence links (反复出现) in the caller's transaction (the import's, see the reports
 * repository); a link stored already is kept.
 */
export async function insertRecurrenceLinks(
  m: EntityManager,
  links: readonly RecurrenceLinkRow[],
): Promise<void> {
  if (links.length === 0) return;
  await m.query(
    `INSERT INTO item_recurrence (item_id, earlier_item_id, score)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::numeric[]) ON CONFLICT DO NOTHING`,
    [links.map((l) => l[0]), links.map((l) => l[1]), links.map((l) => l[2])],
  );
}
