/**
 * One-to-one matching of two lists by a score: the best-scoring pair above the threshold is
 * taken first, then the next best among what is left. Deterministic: ties go to the earlier
 * left, then the earlier right element.
 */
export interface ProblemMatch {
  left: number;
  right: number;
  score: number;
}

export function matchOneToOne(
  leftCount: number,
  rightCount: number,
  score: (left: number, right: number) => number,
  threshold: number,
): ProblemMatch[] {
  const candidates: ProblemMatch[] = [];
  for (let l = 0; l < leftCount; l++) {
    for (let r = 0; r < rightCount; r++) {
      const s = score(l, r);
      if (s >= threshold) candidates.push({ left: l, right: r, score: s });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.left - b.left || a.right - b.right);
  const usedLeft = new Set<number>();
  const usedRight = new Set<number>();
  const matches: ProblemMatch[] = [];
  for (const c of candidates) {
    if (usedLeft.has(c.left) || usedRight.has(c.right)) continue;
    usedLeft.add(c.left);
    usedRight.add(c.right);
    matches.push(c);
  }
  return matches.sort((a, b) => a.left - b.left);
}
