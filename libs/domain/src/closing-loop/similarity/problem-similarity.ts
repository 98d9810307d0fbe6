import { normalizeForMatching } from '../../text/normalize-for-matching';
import { BACKGROUND_PROBLEMS } from './background-problems';
import { problemTopics } from './problem-topics';

/**
 * How alike two problem statements are, 0…1, when an organisation names the same problem again
 * in other words ("理论学习不够深入系统" → "理论学习的深度和系统性仍有欠缺").
 *
 * Chinese has no spaces, so the features are characters and character pairs, weighted by how
 * rare they are among typical problem statements (a built-in background corpus): pairs every
 * report uses (不够, 存在, 党员, 工作) weigh little; the words that name the issue (理论, 阵地,
 * 党费) weigh much. A few common paraphrases are folded to one spelling first. The lexical
 * score is the cosine of the two weighted feature vectors; the topics the statements name then
 * lower it (no subject in common) or raise it (the same subjects, in other words).
 */
export interface ProblemFingerprint {
  readonly weights: ReadonlyMap<string, number>;
  readonly norm: number;
  readonly subjects: ReadonlySet<string>;
}

/** Weight of the lexical score when both statements name subjects and share one. */
const LEXICAL_SHARE = 0.5;
/** Factor on the lexical score when both statements name subjects and share none. */
const DISJOINT_SUBJECTS_FACTOR = 0.5;

/** Paraphrases folded to one spelling before the features are taken; longest first. */
const SYNONYMS: readonly [RegExp, string][] = [
  [/三会一课|主题党日|组织生活会/g, '组织生活'],
  [/深度|深化|深刻|深层次/g, '深入'],
  [/系统性|体系化|成体系/g, '系统'],
  [/规范化|规范性|标准化/g, '规范'],
  [/常态化|经常性/g, '经常'],
  [/针对性/g, '针对'],
  [/实效性|成效/g, '实效'],
  [/主动性|积极性/g, '主动'],
  [/先锋模范|模范带头|带头作用/g, '先锋作用'],
  [/两张皮|融合度|结合得?不紧/g, '融合'],
  [/走过场|形式主义|流于表面/g, '流于形式'],
  [/薄弱|欠缺|缺乏|不足|不够|不强|不高|不到位|不充分|不明显|有差距|有待提高|有待加强|仍需加强/g, '不够'],
];

const UNIGRAM_WEIGHT = 0.5;

function canonical(key: string): string[] {
  for (const [pattern, replacement] of SYNONYMS) key = key.replace(pattern, replacement);
  return key.split(/[^\p{Script=Han}a-z0-9]+/u).filter((s) => s.length > 0);
}

function matchingKey(text: string): string {
  return normalizeForMatching(text).toLowerCase();
}

function features(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const segment of canonical(matchingKey(text))) {
    const chars = [...segment];
    for (let i = 0; i < chars.length; i++) {
      if (/\p{Script=Han}/u.test(chars[i])) bump(counts, chars[i]);
      if (i + 1 < chars.length) bump(counts, chars[i] + chars[i + 1]);
    }
  }
  return counts;
}

function bump(m: Map<string, number>, k: string): void {
  m.set(k, (m.get(k) ?? 0) + 1);
}

/** Inverse document frequency over the background corpus; unseen features weigh most. */
class FeatureRarity {
  private readonly df = new Map<string, number>();
  private readonly docs: number;

  constructor(corpus: readonly string[]) {
    this.docs = corpus.length;
    for (const doc of corpus) for (const f of features(doc).keys()) bump(this.df, f);
  }

  idf(feature: string): number {
    return Math.log((this.docs + 1) / ((this.df.get(feature) ?? 0) + 1)) + 1;
  }
}

let rarity: FeatureRarity | undefined;

// Organisations restate the same problems year after year, and every import compares its
// problems with all earlier ones: remembering recent fingerprints saves recomputing them.
const CACHE_LIMIT = 20_000;
const cache = new Map<string, ProblemFingerprint>();

export function fingerprintProblem(text: string): ProblemFingerprint {
  const cached = cache.get(text);
  if (cached) return cached;
  const print = computeFingerprint(text);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(text, print);
  return print;
}

/**
 * A feature's weight for one occurrence (its rarity, halved for a single character): the same
 * in every statement, so it can order features the same way everywhere (see recurrence-keys.ts).
 */
export function featureWeight(feature: string): number {
  rarity ??= new FeatureRarity(BACKGROUND_PROBLEMS);
  return (feature.length === 1 ? UNIGRAM_WEIGHT : 1) * rarity.idf(feature);
}

function computeFingerprint(text: string): ProblemFingerprint {
  const weights = new Map<string, number>();
  let sumSquares = 0;
  for (const [feature, n] of features(text)) {
    const w = n * featureWeight(feature);
    weights.set(feature, w);
    sumSquares += w * w;
  }
  return { weights, norm: Math.sqrt(sumSquares), subjects: problemTopics(matchingKey(text)).subjects };
}

export function fingerprintSimilarity(a: ProblemFingerprint, b: ProblemFingerprint): number {
  return Math.round(combined(a, b) * 1000) / 1000;
}

function combined(a: ProblemFingerprint, b: ProblemFingerprint): number {
  const lexical = cosine(a, b);
  if (a.subjects.size === 0 || b.subjects.size === 0) return lexical;
  let shared = 0;
  for (const s of a.subjects) if (b.subjects.has(s)) shared++;
  if (shared === 0) return lexical * DISJOINT_SUBJECTS_FACTOR;
  // Overlap over the smaller set: a detail that adds a topic does not make it another problem.
  const topical = shared / Math.min(a.subjects.size, b.subjects.size);
  return Math.max(lexical, LEXICAL_SHARE * lexical + (1 - LEXICAL_SHARE) * topical);
}

function cosine(a: ProblemFingerprint, b: ProblemFingerprint): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [f, w] of small.weights) dot += w * (large.weights.get(f) ?? 0);
  return dot / (a.norm * b.norm);
}

export function problemSimilarity(a: string, b: string): number {
  return fingerprintSimilarity(fingerprintProblem(a), fingerprintProblem(b));
}
