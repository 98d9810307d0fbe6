import { findRecurringProblems, type RecurringProblem } from '@rectify/domain';
import { type RectificationStatus } from '@rectify/workflow';
import { type EntityManager } from 'typeorm';

/**
 * How many years apart two reports may be for a problem to count as recurring: a Party
 * committee's term (5 years; a branch's is 3), which also keeps an import's work bounded.
 */
export const RECURRENCE_WINDOW_YEARS = 5;

interface ItemRow {
  id: string;
  seq: number;
  title: string;
  status: RectificationStatus;
  year: number | null;
  isNew: boolean;
}

/**
 * Links the problems of a newly imported report with the alike problems of the same
 * organisation's other years within the window (反复出现), in the import's transaction: the new items to earlier
 * ones, and items of later years (imported before this older report) to the new ones. Returns
 * the new items that repeat an earlier problem.
 */
export async function detectRecurrence(
  m: EntityManager,
  report: { id: string; organisationId: string; year: number | null },
): Promise<RecurringProblem[]> {
  if (report.year === null) return [];
  const rows: ItemRow[] = await m.query(
    `SELECT i.id, i.seq, i.title, i.status, r.year, r.id = $3 AS "isNew"
       FROM rectification_item i JOIN report r ON r.id = i.report_id
      WHERE i.organisation_id = $1
        AND (r.id = $3 OR (r.year <> $2 AND r.year BETWEEN $2 - $4 AND $2 + $4))
      ORDER BY r.year, r.imported_at, i.seq`,
    [report.organisationId, report.year, report.id, RECURRENCE_WINDOW_YEARS],
  );
  const fresh = rows.filter((r) => r.isNew);
  const year = report.year;
  const earlier = rows.filter((r) => !r.isNew && r.year !== null && r.year < year);
  const later = rows.filter((r) => !r.isNew && r.year !== null && r.year > year);
  const asProblem = (r: ItemRow) => ({ itemId: r.id, seq: Number(r.seq), title: r.title });
  const asEarlier = (r: ItemRow) => ({
    itemId: r.id,
    year: Number(r.year),
    title: r.title,
    status: r.status,
  });

  const recurring = findRecurringProblems(fresh.map(asProblem), earlier.map(asEarlier));
  const repeatedLater = findRecurringProblems(later.map(asProblem), fresh.map(asEarlier));
  const links = [
    ...recurring.flatMap((p) => p.earlier.map((e) => [p.itemId, e.itemId, e.score] as const)),
    ...repeatedLater.flatMap((p) => p.earlier.map((e) => [p.itemId, e.itemId, e.score] as const)),
  ];
  if (links.length > 0) {
    await m.query(
      `INSERT INTO item_recurrence (item_id, earlier_item_id, score)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::numeric[]) ON CONFLICT DO NOTHING`,
      [links.map((l) => l[0]), links.map((l) => l[1]), links.map((l) => l[2])],
    );
  }
  return recurring;
}
