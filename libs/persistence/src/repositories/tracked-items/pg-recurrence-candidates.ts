import { type ReadScope } from '@rectify/workflow';
import { type DataSource } from 'typeorm';
import { scopeCondition } from '../scope/scope-condition';
import {
  type RecurrenceCandidate,
  type RecurrenceCandidates,
  type RecurrenceSide,
  type RecurrenceWindowQuery,
} from './tracked-items.repository';

// One index range per key and side: the nearest years first, at most one more item than a
// problem takes (a key that common decides nothing, and its problems are over the limit).
// OFFSET 0 keeps the planner from scanning all the organisation's keys instead, which it does
// when the table's statistics are stale.
const POSTING: Record<RecurrenceSide, string> = {
  earlier: `
    SELECT 'earlier' AS side, d.key, k.item_id, k.year FROM wanted d CROSS JOIN LATERAL (
      SELECT k.item_id, k.year FROM recurrence_key k
       WHERE k.organisation_id = $1 AND k.key = d.key AND k.year < $4 AND k.year >= $4 - $5
       ORDER BY k.year DESC, k.item_id DESC LIMIT $6 + 1 OFFSET 0) k`,
  later: `
    SELECT 'later' AS side, d.key, k.item_id, k.year FROM wanted d CROSS JOIN LATERAL (
      SELECT k.item_id, k.year FROM recurrence_key k
       WHERE k.organisation_id = $1 AND k.key = d.key AND k.year > $4 AND k.year <= $4 + $5
       ORDER BY k.year, k.item_id LIMIT $6 + 1 OFFSET 0) k`,
};

/**
 * The recurrence candidates of a report's problems on the given sides of its year, in one
 * statement (see TrackedItemsRepository.recurrenceCandidates for the rule). The keys are read
 * once for both sides; whether an item is withdrawn is read once per item found, and the
 * columns shown only for the items kept (at most `limitPerProblem` a problem and side). Every
 * key is filed under its item's organisation, so the scope is checked once, on the organisation.
 * Returns a result for each side asked, empty when no problem has a key.
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
    const rows: (RecurrenceCandidate & { side: RecurrenceSide; problem: number; hits: string })[] =
      await db.query(
        `WITH probe AS (
           SELECT * FROM unnest($2::int[], $3::text[]) AS p(problem, key)),
         wanted AS (SELECT DISTINCT key FROM probe),
         posting AS (${sides.map((s) => POSTING[s]).join(' UNION ALL ')}),
         live AS (
           SELECT i.id FROM (SELECT DISTINCT item_id FROM posting) p
           CROSS JOIN LATERAL (
             SELECT i.id FROM rectification_item i
              WHERE i.id = p.item_id AND i.withdrawn_at IS NULL OFFSET 0) i
          WHERE EXISTS (SELECT 1 FROM organisation o WHERE o.id = $1 AND ${cond.sql})),
         hit AS (
           SELECT po.side, p.problem, po.item_id, po.year, count(*) AS shared
             FROM probe p JOIN posting po ON po.key = p.key JOIN live l ON l.id = po.item_id
            GROUP BY po.side, p.problem, po.item_id, po.year),
         ranked AS (
           SELECT h.side, h.problem, h.item_id,
                  row_number() OVER (PARTITION BY h.side, h.problem ORDER BY h.shared DESC, abs(h.year - $4), h.item_id) AS rank,
                  count(*) OVER (PARTITION BY h.side, h.problem) AS hits
             FROM hit h)
         SELECT r.side, r.problem, r.hits, i.id, i.seq, i.title, i.status, i.year
           FROM ranked r
           CROSS JOIN LATERAL (
             SELECT i.id, i.seq, i.title, i.status, i.year FROM rectification_item i
              WHERE i.id = r.item_id OFFSET 0) i
          WHERE r.rank <= $6
          ORDER BY r.side, r.problem, r.rank`,
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
    for (const { side, problem, hits, ...item } of rows) {
      (collected.get(side) as Collector).add(problem, Number(hits) > query.limitPerProblem, item);
    }
  }
  for (const [side, collector] of collected) results[side] = collector.result();
  return results;
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
