import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RECURRENCE_THRESHOLD } from '../libs/domain/src/closing-loop/find-recurring-problems';
import {
  fingerprintProblem,
  fingerprintSimilarity,
  problemSimilarity,
} from '../libs/domain/src/closing-loop/similarity/problem-similarity';
import { normalizeForMatching } from '../libs/domain/src/text/normalize-for-matching';
import { median, timeSeconds } from './timing';

/**
 * Benchmarks the recurring-problem detector (problemSimilarity ≥ RECURRENCE_THRESHOLD) against
 * the plain tool underneath it: the character-bigram Dice coefficient over the same normalised
 * text. Quality is F1 on the held-out pairs; the baseline's threshold is the best F1 on the
 * tuning pairs (the set our lexicon and threshold were tuned on), so both sides are tuned on the
 * same data and judged on data neither has seen. Speed is pair comparisons per second with the
 * per-statement work (fingerprints, bigram counts) done beforehand, as findRecurringProblems does.
 *
 * Usage: npm run bench:similarity   (BENCH_RUNS, BENCH_SECONDS override the defaults)
 * A table goes to stdout first; the last stdout line is the JSON result.
 */

interface PairSet {
  same: [string, string][];
  different: [string, string][];
}

interface Quality {
  threshold: number;
  recall: number;
  falsePositiveRate: number;
  precision: number;
  f1: number;
}

type Score = (a: string, b: string) => number;

const FIXTURES = resolve(__dirname, '../test/fixtures/similarity');
const TUNING_FILE = 'problem-pairs.json';
const HOLDOUT_FILE = 'problem-pairs-holdout.json';

function positiveFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

const progress = (message: string): void => void process.stderr.write(`[bench:similarity] ${message}\n`);

const load = (name: string): PairSet => JSON.parse(readFileSync(resolve(FIXTURES, name), 'utf8')) as PairSet;

// ---- Baseline: character-bigram Dice over the normalised text (Han and alnum only) ----

interface Bigrams {
  readonly counts: ReadonlyMap<string, number>;
  readonly total: number;
}

function bigrams(text: string): Bigrams {
  const chars = [
    ...normalizeForMatching(text)
      .toLowerCase()
      .replace(/[^\p{Script=Han}a-z0-9]+/gu, ''),
  ];
  const counts = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const pair = chars[i] + chars[i + 1];
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return { counts, total: Math.max(chars.length - 1, 0) };
}

/** Dice over bigram multisets: 2·|A ∩ B| / (|A| + |B|). */
function diceOfBigrams(a: Bigrams, b: Bigrams): number {
  if (a.total + b.total === 0) return 0;
  const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [pair, n] of small.counts) shared += Math.min(n, large.counts.get(pair) ?? 0);
  return (2 * shared) / (a.total + b.total);
}

const dice: Score = (a, b) => diceOfBigrams(bigrams(a), bigrams(b));

// ---- Quality ----

interface Scored {
  same: number[];
  different: number[];
}

const scoreSet = (set: PairSet, score: Score): Scored => ({
  same: set.same.map(([a, b]) => score(a, b)),
  different: set.different.map(([a, b]) => score(a, b)),
});

/** Positives are `same` pairs; a pair is called alike when its score ≥ threshold. */
function quality(scored: Scored, threshold: number): Quality {
  const truePositives = scored.same.filter((s) => s >= threshold).length;
  const falsePositives = scored.different.filter((s) => s >= threshold).length;
  const recall = truePositives / scored.same.length;
  const precision =
    truePositives + falsePositives === 0 ? 0 : truePositives / (truePositives + falsePositives);
  return {
    threshold,
    recall,
    falsePositiveRate: falsePositives / scored.different.length,
    precision,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
  };
}

/**
 * The threshold with the best F1: candidates are the midpoints between consecutive distinct
 * scores; on a tie the highest threshold wins (the most conservative choice).
 */
function bestThreshold(scored: Scored): Quality {
  const distinct = [...new Set([...scored.same, ...scored.different])].sort((x, y) => y - x);
  let best = quality(scored, distinct[0]);
  for (let i = 1; i < distinct.length; i++) {
    const candidate = quality(scored, (distinct[i - 1] + distinct[i]) / 2);
    if (candidate.f1 > best.f1) best = candidate;
  }
  const lowest = quality(scored, distinct[distinct.length - 1]);
  return lowest.f1 > best.f1 ? lowest : best;
}

// ---- Speed ----

// Every score flows in here so that the engine cannot skip work whose output is unused.
let sink = 0;

/** All left × right comparisons, repeated until `seconds` have passed; returns comparisons per second. */
async function comparisonsPerSecond<T>(
  left: readonly T[],
  right: readonly T[],
  compare: (a: T, b: T) => number,
  seconds: number,
): Promise<number> {
  const pass = () => {
    for (const a of left) for (const b of right) sink += compare(a, b);
  };
  let passes = 0;
  let elapsed = 0;
  while (elapsed < seconds) {
    elapsed += await timeSeconds(pass);
    passes++;
  }
  return (passes * left.length * right.length) / elapsed;
}

// ---- Report ----

const round = (value: number, decimals = 4): number => Number(value.toFixed(decimals));
const rounded = (q: Quality): Quality => ({
  threshold: round(q.threshold),
  recall: round(q.recall),
  falsePositiveRate: round(q.falsePositiveRate),
  precision: round(q.precision),
  f1: round(q.f1),
});

function printTable(rows: [string, string, Quality][], speed: [string, number][]): void {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(8);
  const lines = [
    `${'detector'.padEnd(24)}${'set'.padEnd(10)}${'threshold'.padStart(10)}${'recall'.padStart(8)}` +
      `${'FPR'.padStart(8)}${'precision'.padStart(10)}${'F1'.padStart(8)}`,
  ];
  for (const [detector, set, q] of rows) {
    lines.push(
      `${detector.padEnd(24)}${set.padEnd(10)}${q.threshold.toFixed(3).padStart(10)}${pct(q.recall)}` +
        `${pct(q.falsePositiveRate)}${pct(q.precision).padStart(10)}${q.f1.toFixed(3).padStart(8)}`,
    );
  }
  lines.push('');
  for (const [detector, rate] of speed) {
    lines.push(
      `${detector.padEnd(24)}${Math.round(rate).toLocaleString('en-US').padStart(14)} comparisons/s`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

async function main(): Promise<void> {
  const runs = Math.round(positiveFromEnv('BENCH_RUNS', 3));
  const seconds = positiveFromEnv('BENCH_SECONDS', 1);
  const tuning = load(TUNING_FILE);
  const holdout = load(HOLDOUT_FILE);

  // Quality: ours at its fixed threshold; the baseline at its best threshold on the tuning set.
  const ours = { tuning: scoreSet(tuning, problemSimilarity), holdout: scoreSet(holdout, problemSimilarity) };
  const base = { tuning: scoreSet(tuning, dice), holdout: scoreSet(holdout, dice) };
  const baseThreshold = bestThreshold(base.tuning).threshold;
  const measured = {
    ours: {
      tuning: rounded(quality(ours.tuning, RECURRENCE_THRESHOLD)),
      holdout: rounded(quality(ours.holdout, RECURRENCE_THRESHOLD)),
    },
    baseline: {
      tuning: rounded(quality(base.tuning, baseThreshold)),
      holdout: rounded(quality(base.holdout, baseThreshold)),
    },
  };

  // Speed: the first statement of every pair (both files) against the second of every pair.
  const pairs = [tuning, holdout].flatMap((set) => [...set.same, ...set.different]);
  const left = pairs.map(([a]) => a);
  const right = pairs.map(([, b]) => b);
  const printsLeft = left.map(fingerprintProblem);
  const printsRight = right.map(fingerprintProblem);
  const bigramsLeft = left.map(bigrams);
  const bigramsRight = right.map(bigrams);
  const oursRates: number[] = [];
  const baseRates: number[] = [];
  const timeOurs = async () =>
    oursRates.push(await comparisonsPerSecond(printsLeft, printsRight, fingerprintSimilarity, seconds));
  const timeBase = async () =>
    baseRates.push(await comparisonsPerSecond(bigramsLeft, bigramsRight, diceOfBigrams, seconds));
  await comparisonsPerSecond(printsLeft, printsRight, fingerprintSimilarity, 0.2); // warm-up
  await comparisonsPerSecond(bigramsLeft, bigramsRight, diceOfBigrams, 0.2);
  for (let run = 1; run <= runs; run++) {
    // Alternate which goes first, so that neither always inherits the other's garbage to collect.
    if (run % 2 === 1) {
      await timeBase();
      await timeOurs();
    } else {
      await timeOurs();
      await timeBase();
    }
    progress(
      `run ${run}/${runs}: baseline ${Math.round(baseRates[run - 1])}/s, ours ${Math.round(oursRates[run - 1])}/s`,
    );
  }
  progress(`checksum ${sink}`);
  const oursPerSecond = median(oursRates);
  const basePerSecond = median(baseRates);

  printTable(
    [
      ['problemSimilarity', 'tuning', measured.ours.tuning],
      ['problemSimilarity', 'holdout', measured.ours.holdout],
      ['bigram Dice (baseline)', 'tuning', measured.baseline.tuning],
      ['bigram Dice (baseline)', 'holdout', measured.baseline.holdout],
    ],
    [
      ['problemSimilarity', oursPerSecond],
      ['bigram Dice (baseline)', basePerSecond],
    ],
  );

  const value = measured.ours.holdout.f1;
  const baseline = measured.baseline.holdout.f1;
  const result = {
    bench: 'similarity',
    unit: 'F1',
    value,
    baseline,
    ratio: Number((value / baseline).toPrecision(4)),
    pairs: {
      tuning: { same: tuning.same.length, different: tuning.different.length },
      holdout: { same: holdout.same.length, different: holdout.different.length },
    },
    // The floor any detector must beat: call every hold-out pair alike (recall 1).
    allAlikeF1: round(quality(base.holdout, -Infinity).f1),
    ours: measured.ours,
    baselineDetails: measured.baseline,
    speed: {
      comparisonsPerPass: left.length * right.length,
      oursPerSecond: Math.round(oursPerSecond),
      baselinePerSecond: Math.round(basePerSecond),
      ratio: Number((oursPerSecond / basePerSecond).toPrecision(4)),
      runs,
      secondsPerRun: seconds,
    },
    node: process.version,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[bench:similarity] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
