import { RECURRENCE_THRESHOLD } from '../find-recurring-problems';
import { featureWeight, fingerprintProblem } from './problem-similarity';

/**
 * The index keys of a problem statement for finding its recurrences (反复出现) without
 * comparing it with every earlier problem: two statements that `problemSimilarity` scores at
 * RECURRENCE_THRESHOLD or more always share at least one key, so only the problems sharing a
 * key with a new one need the exact comparison.
 *
 * - `t:<topic>` for every subject topic it names: a shared subject can make a match in any words.
 * - `f:<feature>` for its rarest characters and character pairs (prefix filtering): features
 *   are taken in one global order, rarest first, until what is left of the statement's weight
 *   vector is shorter than LEXICAL_BOUND of its length. Without a shared subject a match needs
 *   a cosine ≥ 0.4495 (scores are rounded to 0.001), and two statements that share none of
 *   their prefix features share only features past the shorter prefix, whose part of the
 *   cosine is below that bound (Cauchy–Schwarz), so they cannot match.
 *
 * Deterministic, sorted, without duplicates. The keys follow the similarity's lexicon, corpus,
 * synonyms and threshold: when one of them changes, stored keys must be computed again (a
 * migration that re-indexes, as 1732830000000-recurrence-keys does).
 */
export function recurrenceKeys(title: string): string[] {
  const print = fingerprintProblem(title);
  const keys = [...print.subjects].map((s) => `t:${s}`);
  const ordered = [...print.weights.entries()]
    .map(([feature, w]) => ({ feature, w, rank: featureWeight(feature) }))
    .sort((a, b) => b.rank - a.rank || (a.feature < b.feature ? -1 : a.feature > b.feature ? 1 : 0));
  const bound = LEXICAL_BOUND * print.norm;
  let rest = print.norm * print.norm;
  for (const { feature, w } of ordered) {
    if (rest < bound * bound) break;
    keys.push(`f:${feature}`);
    rest -= w * w;
  }
  return keys.sort();
}

/**
 * Below the least cosine that can still round to RECURRENCE_THRESHOLD (0.4495), with room for
 * the floating-point error of summing the squares.
 */
const LEXICAL_BOUND = RECURRENCE_THRESHOLD - 0.001;
