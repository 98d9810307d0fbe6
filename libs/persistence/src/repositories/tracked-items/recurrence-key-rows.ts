import { recurrenceKeys } from '@rectify/domain';
import { type SqlRunner } from '../../data-source/sql-runner';

/** An item as the recurrence index files it. */
export interface IndexedItem {
  id: string;
  organisationId: string;
  /** Items without a year are never in a recurrence window, so they get no keys. */
  year: number | null;
  title: string;
}

/**
 * The recurrence keys of `items` as four columns (organisation, year, key, item), for an
 * `unnest` into recurrence_key; null when none has a key (recurrenceKeys in libs/domain decides
 * them, and items without a year get none).
 */
export function recurrenceKeyColumns(
  items: readonly IndexedItem[],
): [string[], number[], string[], string[]] | null {
  const rows = items
    .filter((i): i is IndexedItem & { year: number } => i.year !== null)
    .flatMap((i) => recurrenceKeys(i.title).map((key) => [i.organisationId, i.year, key, i.id] as const));
  if (rows.length === 0) return null;
  return [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3])];
}

/**
 * Files items under their recurrence keys, in the caller's transaction: the index the import
 * looks its candidates up in (recurrenceCandidates). Keys filed already are kept. One statement,
 * however many items.
 */
export async function insertRecurrenceKeys(sql: SqlRunner, items: readonly IndexedItem[]): Promise<void> {
  const columns = recurrenceKeyColumns(items);
  if (columns === null) return;
  await sql.query(
    `INSERT INTO recurrence_key (organisation_id, year, key, item_id)
     SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[], $4::uuid[]) ON CONFLICT DO NOTHING`,
    columns,
  );
}
