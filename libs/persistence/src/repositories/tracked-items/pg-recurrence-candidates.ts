import { type ReadScope } from '@rectify/workflow';
import { type DataSource } from 'typeorm';
import { scopeCondition } from '../scope/scope-condition';
import {
  type RecurrenceCandidate,
  type RecurrenceCandidates,
  type RecurrenceSide,
  type RecurrenceWindowQuery,
  type ShownLinks,
} from './tracked-items.repository';

// One index range per key and side: the nearest years first, at most one more item than a
// problem takes (a key that common decides nothing, and its problems are over the limit).
// OFFSET 0 keeps the planner from scanning all the organisation's keys instead, which it does
// when the table's statistics are stale. The statement is planned for its values each time: a
// generic plan (a prepared statement's, from its sixth run) took 35 ms where this takes 6.
const POSTING: Record<RecurrenceSide, string> = {
  earlier: `
    SELECT TRUE AS earlier, d.key, k.item_id, k.year FROM wanted d CROSS JOIN LATERAL (
      SELECT k.item_id, k.year FROM recurrence_key k
       WHERE k.organisation_id = $1 AND k.key = d.key AND k.year < $4 AND k.year >= $4 - $5
       ORDER BY k.year DESC, k.item_id DESC LIMIT $6 + 1 OFFSET 0) k`,
  later: `
    SELECT FALSE AS earlier, d.key, k.item_id, k.year FROM wanted d CROSS JOIN LATERAL (
      SELECT k.item_id, k.year FROM recurrence_key k
       WHERE k.organisation_id = $1 AND k.key = d.key AND k.year > $4 AND k.year <= $4 + $5
       ORDER BY k.year, k.item_id LIMIT $6 + 1 OFFSET 0) k`,
};

// A later item's links as they stand (shown_recurrence_links), or nothing on the earlier side.
const SHOWN_LINKS = `s.links AS "shownCount", s.weakest_score AS "weakestScore", s.weakest_year AS "weakestYear",
                s.weakest_earlier_item_id AS "weakestEarlierId"`;
// Each later item's row by its key: joined as a set, the planner scanned the whole table (every
// organisation's items) to hash it, a cost that grows with the province, not the report.
const SHOWN_LINKS_OF_LATER_ITEM = `LEFT JOIN LATERAL (
             SELECT s.* FROM shown_recurrence_links s WHERE s.item_id = r.id AND NOT r.earlier OFFSET 0) s ON TRUE`;
const NO_SHOWN_LINKS = `NULL AS "shownCount", NULL AS "weakestScore", NULL AS "weakestYear", NULL AS "weakestEarlierId"`;

/**
 * The recurrence candidates of a report's problems on the given sides of its year, in one
 * statement (see TrackedItemsRepository.recurrenceCandidates for the rule): one round trip and
 * one plan for both sides. Returns a result for each side asked, empty when no problem has a key.
 */
export async function lookUpRecurrenceCandidates(
  db: DataSource,
  scope: ReadScope,
  query: RecurrenceWindowQuery,
  sides: readonly RecurrenceSide[],
): Promise<Partial<Record<RecurrenceSide, RecurrenceCandidates>>> {
  const probes = query.problemKeys.flatMap((keys, problem) => keys.map((key) => [problem, key] as const));
  const results: Partial<Record<RecurrenceSide, RecurrenceCandidates>> = {};
  const collected = new Map<RecurrenceSide, Collector>();
  for (const side of sides) collected.set(side, new Collector(query.problemKeys.length));
  if (probes.length > 0 && sides.length > 0) {
    const cond = scopeCondition(scope, 7);
    // A later item's links as they stand, so that the import sends only links that can win.
    const shown = sides.includes('later');
    const rows: CandidateRow[] = await db.query(
      `WITH probe AS (
           SELECT * FROM unnest($2::int[], $3::text[]) AS p(problem, key)),
         wanted AS (SELECT DISTINCT key FROM probe),
         hit AS (
           SELECT po.earlier, p.problem, po.item_id, po.year, count(*) AS shared
             FROM probe p JOIN (${sides.map((s) => POSTING[s]).join(' UNION ALL ')}) po ON po.key = p.key
            GROUP BY po.earlier, p.problem, po.item_id, po.year),
         ranked AS (
           SELECT h.earlier, h.problem, i.id, i.seq, i.title, i.status, i.year,
                  row_number() OVER (PARTITION BY h.earlier, h.problem ORDER BY h.shared DESC, abs(h.year - $4), h.item_id) AS rank,
                  count(*) OVER (PARTITION BY h.earlier, h.problem) AS hits
             FROM hit h
             CROSS JOIN LATERAL (
               SELECT i.id, i.seq, i.title, i.status, i.year, i.organisation_id FROM rectification_item i
                WHERE i.id = h.item_id AND i.withdrawn_at IS NULL OFFSET 0) i
             ${scope === 'operator' ? '' : 'JOIN organisation o ON o.id = i.organisation_id'}
            WHERE ${cond.sql})
         SELECT r.earlier, r.problem, r.hits, r.id, r.seq, r.title, r.status, r.year,
                ${shown ? SHOWN_LINKS : NO_SHOWN_LINKS}
           FROM ranked r ${shown ? SHOWN_LINKS_OF_LATER_ITEM : ''}
          WHERE r.rank <= $6
          ORDER BY r.earlier, r.problem, r.rank`,
      [
        query.organisationId,
        probes.map((p) => p[0]),
        probes.map((p) => p[1]),
        query.year,
        query.windowYears,
        query.limitPerProblem,
        ...cond.params,
      ],
    );
    for (const row of rows) {
      const { earlier, problem, hits, id, seq, title, status, year } = row;
      const shownLinks = shownLinksOf(row);
      (collected.get(earlier ? 'earlier' : 'later') as Collector).add(
        problem,
        Number(hits) > query.limitPerProblem,
        { id, seq, title, status, year, ...(shownLinks ? { shownLinks } : {}) },
      );
    }
  }
  for (const [side, collector] of collected) results[side] = collector.result();
  return results;
}

/** A row of the lookup: a candidate of one problem, on one side, with a later item's links. */
type CandidateRow = Omit<RecurrenceCandidate, 'shownLinks'> & {
  earlier: boolean;
  problem: number;
  hits: string;
  shownCount: number | null;
  weakestScore: string | null;
  weakestYear: number | null;
  weakestEarlierId: string | null;
};

function shownLinksOf(row: CandidateRow): ShownLinks | null {
  if (row.shownCount === null) return null;
  const weakest =
    row.weakestScore === null || row.weakestEarlierId === null
      ? null
      : {
          score: Number(row.weakestScore),
          year: row.weakestYear === null ? null : Number(row.weakestYear),
          earlierItemId: row.weakestEarlierId,
        };
  return { count: Number(row.shownCount), weakest };
}

/** Gathers one side's rows, in rank order, into RecurrenceCandidates (each item once). */
class Collector {
  private readonly items: RecurrenceCandidate[] = [];
  private readonly indexOf = new Map<string, number>();
  private readonly perProblem: number[][];
  private readonly over = new Set<number>();

  constructor(problems: number) {
    this.perProblem = Array.from({ length: problems }, () => []);
  }

  add(problem: number, overLimit: boolean, r: RecurrenceCandidate): void {
    let index = this.indexOf.get(r.id);
    if (index === undefined) {
      index = this.items.push({ ...r, seq: Number(r.seq), year: Number(r.year) }) - 1;
      this.indexOf.set(r.id, index);
    }
    this.perProblem[problem].push(index);
    if (overLimit) this.over.add(problem);
  }

  result(): RecurrenceCandidates {
    return { items: this.items, perProblem: this.perProblem, problemsOverLimit: this.over.size };
  }
}
