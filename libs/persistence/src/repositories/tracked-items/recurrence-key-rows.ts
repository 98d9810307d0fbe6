import { recurrenceKeys } from '@rectify/domain';

/** Anything that runs one SQL statement: a DataSource, an EntityManager or a QueryRunner. */
interface Sql {
  query(text: string, params?: unknown[]): Promise<unknown>;
}

/** An item as the recurrence index files it. */
export interface IndexedItem {
  id: string;
  organisationId: string;
  /** Items without a year are never in a recurrence window, so they get no keys. */
  year: number | null;
  title: string;
}

/**
 * Files items under their recurrence keys (recurrenceKeys in libs/domain decides them), in the
 * caller's transaction: the index the import looks its candidates up in (recurrenceCandidates).
 * Keys filed already are kept. One statement, however many items.
 */
export async function insertRecurrenceKeys(sql: Sql, items: readonly IndexedItem[]): Promise<void> {
  const rows = items
    .filter((i) => i.year !== null)
    .flatMap((i) => recurrenceKeys(i.title).map((key) => [i.organisationId, i.year, key, i.id] as const));
  if (rows.length === 0) return;
  await sql.query(
    `INSERT INTO recurrence_key (organisation_id, year, key, item_id)
     SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[], $4::uuid[]) ON CONFLICT DO NOTHING`,
    [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3])],
  );
}
