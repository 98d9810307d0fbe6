import { type EarlierProblem, type NewProblem, type RecurringProblem } from '@rectify/domain';
import { type RectificationStatus } from '@rectify/workflow';
import { type DataSource, type EntityManager } from 'typeorm';
import { IMPORT_LIMITS } from '../import-report/import-limits';
import { scoreRecurrenceOffThread } from '../import-report/report-work-pool';

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
  year: number;
  /** Items on this side of the window, including those past the limit. */
  total: string;
}

/** One side of the window: the items to compare, nearest years first, and how many there were. */
interface Side {
  items: ItemRow[];
  total: number;
}

const SIDE_QUERY = (side: 'earlier' | 'later') => `
  SELECT i.id, i.seq, i.title, i.status, r.year, count(*) OVER () AS total
    FROM rectification_item i JOIN report r ON r.id = i.report_id
   WHERE i.organisation_id = $1
     AND ${side === 'earlier' ? 'r.year < $2 AND r.year >= $2 - $3' : 'r.year > $2 AND r.year <= $2 + $3'}
   ORDER BY r.year ${side === 'earlier' ? 'DESC' : 'ASC'}, r.imported_at DESC, i.seq
   LIMIT $4`;

async function loadSide(
  db: DataSource | EntityManager,
  side: 'earlier' | 'later',
  organisationId: string,
  year: number,
): Promise<Side> {
  const rows: ItemRow[] = await db.query(SIDE_QUERY(side), [
    organisationId,
    year,
    RECURRENCE_WINDOW_YEARS,
    IMPORT_LIMITS.maxComparedItems,
  ]);
  return { items: rows, total: rows.length === 0 ? 0 : Number(rows[0].total) };
}

/**
 * The organisation's items of earlier years within the window that a report of `year` is
 * compared with (at most IMPORT_LIMITS.maxComparedItems, the nearest years first), and a
 * warning when some were left out.
 */
export async function loadEarlierProblems(
  db: DataSource | EntityManager,
  organisationId: string,
  year: number,
): Promise<{ earlier: EarlierProblem[]; warnings: string[] }> {
  const side = await loadSide(db, 'earlier', organisationId, year);
  return {
    earlier: side.items.map((r) => ({
      itemId: r.id,
      year: Number(r.year),
      title: r.title,
      status: r.status,
    })),
    warnings: side.total > side.items.length ? [leftOutWarning('此前', side.total)] : [],
  };
}

function leftOutWarning(when: '此前' | '此后', total: number): string {
  const max = IMPORT_LIMITS.maxComparedItems;
  return `该组织${when}${RECURRENCE_WINDOW_YEARS}年内的整改事项有 ${total} 个，超过比对上限 ${max} 个：只比对了年度最近的 ${max} 个是否与本报告的问题相似，其余未比对。`;
}

/** A link between an item and an earlier item it repeats, with the similarity score. */
export type RecurrenceLinkRow = readonly [itemId: string, earlierItemId: string, score: number];

/** What a new report's problems have in common with the organisation's other years. */
export interface RecurrenceMatch {
  /** The report's problems that repeat earlier problems (反复出现), in problem order. */
  recurring: RecurringProblem[];
  /** Links to store: the new items to earlier ones, and items of later years to the new ones. */
  links: RecurrenceLinkRow[];
  /** What was left out of the comparison, in Chinese. */
  warnings: string[];
}

/**
 * Compares the problems of a report about to be imported (their item ids chosen already) with
 * the alike problems of the same organisation's other years within the window (反复出现): the
 * new items to earlier ones, and items of later years (imported before this older report) to
 * the new ones. Reads the candidates, then scores in a worker thread; stores nothing (see
 * storeRecurrenceLinks). Throws ApplicationError REPORT_TOO_LARGE past the thread's limits.
 */
export async function matchRecurrence(
  db: DataSource,
  report: { organisationId: string; year: number; problems: NewProblem[] },
): Promise<RecurrenceMatch> {
  const { earlier, warnings } = await loadEarlierProblems(db, report.organisationId, report.year);
  const later = await loadSide(db, 'later', report.organisationId, report.year);
  if (later.total > later.items.length) warnings.push(leftOutWarning('此后', later.total));
  if (earlier.length === 0 && later.items.length === 0) return { recurring: [], links: [], warnings };
  const problems = [...report.problems].sort((a, b) => a.seq - b.seq);
  const { recurring, repeatedLater } = await scoreRecurrenceOffThread({
    problems,
    year: report.year,
    earlier,
    later: later.items.map((r) => ({ itemId: r.id, seq: Number(r.seq), title: r.title })),
  });
  const links = [...recurring, ...repeatedLater].flatMap((p) =>
    p.earlier.map((e): RecurrenceLinkRow => [p.itemId as string, e.itemId, e.score]),
  );
  return { recurring, links, warnings };
}

/** Stores recurrence links in the caller's transaction; a link stored already is kept. */
export async function storeRecurrenceLinks(
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
