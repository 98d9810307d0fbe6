import { type ExtractedMeasure, type ExtractedProblem } from '../extraction-result';
import { normalizeForMatching } from '../../text/normalize-for-matching';

/**
 * Links measures to the problems they answer, only where the text makes the link: a measure
 * that quotes or names a problem (针对…), wording that clearly overlaps one problem, or, when
 * the report lists as many measures as problems and nothing else decides, their order.
 */
const MIN_OVERLAP = 0.2;

function bigrams(text: string): Set<string> {
  const han = normalizeForMatching(text).replace(/[^\u4e00-\u9fff]/g, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < han.length; i++) out.add(han.slice(i, i + 2));
  return out;
}

function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return shared / Math.min(a.size, b.size);
}

export function linkMeasures(
  problems: ExtractedProblem[],
  measures: Omit<ExtractedMeasure, 'problemSeqs'>[],
): ExtractedMeasure[] {
  const problemGrams = problems.map((p) => bigrams(p.title));
  const linked = measures.map((m) => {
    const text = `${m.title}${m.detail}`;
    const named = problems.filter((p) => p.title.length >= 4 && text.includes(p.title)).map((p) => p.seq);
    if (named.length > 0) return { ...m, problemSeqs: named };
    const titleGrams = bigrams(m.title);
    const scores = problemGrams.map((g) => overlap(g, titleGrams));
    const best = Math.max(0, ...scores);
    const seqs = best >= MIN_OVERLAP ? problems.filter((_, i) => scores[i] === best).map((p) => p.seq) : [];
    return { ...m, problemSeqs: seqs };
  });
  if (
    problems.length > 0 &&
    problems.length === measures.length &&
    linked.every((m) => m.problemSeqs.length <= 1)
  ) {
    const byOrder = linked.every((m, i) => m.problemSeqs.length === 0 || m.problemSeqs[0] === i + 1);
    if (byOrder) return linked.map((m, i) => ({ ...m, problemSeqs: [i + 1] }));
  }
  return linked;
}

/**
 * In a text labelled per aspect (1.政治方面 → 存在问题：… 整改措施：…) a measure answers the
 * problems of its own aspect, whatever its wording shares with others; only a measure that names
 * another problem keeps that link. `groups[i]` is the aspect of `measures[i]` (undefined: none);
 * `problemGroups` maps an aspect to its problems' seqs.
 */
export function linkWithinGroups(
  measures: ExtractedMeasure[],
  groups: (number | undefined)[],
  problemGroups: Map<number, number[]>,
  problems: ExtractedProblem[],
): ExtractedMeasure[] {
  return measures.map((m, i) => {
    const group = groups[i];
    const own = group === undefined ? undefined : problemGroups.get(group);
    if (!own || own.length === 0) return m;
    const text = `${m.title}${m.detail}`;
    const names = problems.some((p) => p.title.length >= 4 && text.includes(p.title) && !own.includes(p.seq));
    return names ? m : { ...m, problemSeqs: own };
  });
}
