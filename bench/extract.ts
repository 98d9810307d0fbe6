import { extractReport, type TextEncoding } from '../libs/domain/src';
import {
  type CorpusReport,
  DEFAULT_CORPUS_SEED,
  DEFAULT_CORPUS_SIZE,
  generateReportCorpus,
} from './report-corpus';
import { type CorpusEncoding, DECODER_LABELS } from './report-encoding';
import { median, secondsSince, timeSeconds } from './timing';

/**
 * Benchmarks extractReport (encoding detection, noise stripping, parsing) against the least any
 * reader must do with the same bytes: decode them with the known encoding and split them into
 * lines. Both run in the same process, interleaved, so their ratio survives a noisy machine.
 *
 * Usage: npm run bench:extract   (BENCH_RUNS, BENCH_REPORTS, BENCH_SEED override the defaults)
 * The last stdout line is the JSON result; progress goes to stderr.
 */

const DEFAULT_RUNS = 5;

/** What extractReport should report for each stored form (the BOM is not part of the encoding). */
const DETECTED_ENCODING: Readonly<Record<CorpusEncoding, TextEncoding>> = {
  'utf-8': 'utf-8',
  'utf-8-bom': 'utf-8',
  gb18030: 'gb18030',
  'utf-16le-bom': 'utf-16le',
};

/** Sanity of the untimed pass: a fast extractor that reads nothing would be no result. */
interface ExtractionChecks {
  failures: number;
  encodingMismatches: number;
  withoutProblems: number;
  problems: number;
  measures: number;
}

function positiveIntFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  }
  return value;
}

function progress(message: string): void {
  process.stderr.write(`[bench:extract] ${message}\n`);
}

// Every result flows in here so that the engine cannot skip work whose output is unused.
let sink = 0;

function decodeAndSplitAll(corpus: readonly CorpusReport[]): void {
  for (const report of corpus) {
    const text = new TextDecoder(DECODER_LABELS[report.encoding]).decode(report.bytes);
    const lines = text.split(/\r?\n/);
    sink += lines.length + lines[lines.length - 1].length;
  }
}

async function extractAll(corpus: readonly CorpusReport[]): Promise<void> {
  for (const report of corpus) {
    try {
      const result = await extractReport(report.bytes, report.name);
      sink += result.problems.length + result.measures.length + result.sections.length;
    } catch {
      // Rejecting a report is work too; the untimed pass counts such failures.
      sink += 1;
    }
  }
}

/** The untimed first pass: warms the extractor up and checks that it reads the corpus. */
async function checkExtraction(corpus: readonly CorpusReport[]): Promise<ExtractionChecks> {
  const checks: ExtractionChecks = {
    failures: 0,
    encodingMismatches: 0,
    withoutProblems: 0,
    problems: 0,
    measures: 0,
  };
  for (const report of corpus) {
    try {
      const result = await extractReport(report.bytes, report.name);
      if (result.encoding !== DETECTED_ENCODING[report.encoding]) checks.encodingMismatches++;
      if (result.problems.length === 0) checks.withoutProblems++;
      checks.problems += result.problems.length;
      checks.measures += result.measures.length;
    } catch (error: unknown) {
      checks.failures++;
      if (checks.failures <= 3) progress(`extraction failed for ${report.name}: ${String(error)}`);
    }
  }
  return checks;
}

function countByEncoding(corpus: readonly CorpusReport[]): Record<CorpusEncoding, number> {
  const counts: Record<CorpusEncoding, number> = {
    'utf-8': 0,
    'utf-8-bom': 0,
    gb18030: 0,
    'utf-16le-bom': 0,
  };
  for (const report of corpus) counts[report.encoding]++;
  return counts;
}

const round = (value: number, decimals: number): number => Number(value.toFixed(decimals));

async function main(): Promise<void> {
  const runs = positiveIntFromEnv('BENCH_RUNS', DEFAULT_RUNS);
  const reports = positiveIntFromEnv('BENCH_REPORTS', DEFAULT_CORPUS_SIZE);
  const seed = positiveIntFromEnv('BENCH_SEED', DEFAULT_CORPUS_SEED);

  const generationStart = process.hrtime.bigint();
  const corpus = generateReportCorpus(reports, seed);
  const generationSeconds = secondsSince(generationStart);
  const bytes = corpus.reduce((total, report) => total + report.bytes.length, 0);
  progress(
    `generated ${corpus.length} reports, ${(bytes / 1e6).toFixed(1)} MB in ${generationSeconds.toFixed(1)} s`,
  );

  decodeAndSplitAll(corpus);
  const checks = await checkExtraction(corpus);
  progress(`warm-up done: ${JSON.stringify(checks)}`);

  const baselineSeconds: number[] = [];
  const valueSeconds: number[] = [];
  for (let run = 1; run <= runs; run++) {
    // Alternate which goes first, so that neither always inherits the other's garbage to collect.
    const timeBaseline = async () => baselineSeconds.push(await timeSeconds(() => decodeAndSplitAll(corpus)));
    const timeValue = async () => valueSeconds.push(await timeSeconds(() => extractAll(corpus)));
    if (run % 2 === 1) {
      await timeBaseline();
      await timeValue();
    } else {
      await timeValue();
      await timeBaseline();
    }
    progress(
      `run ${run}/${runs}: baseline ${baselineSeconds[run - 1].toFixed(3)} s, ` +
        `extractReport ${valueSeconds[run - 1].toFixed(3)} s`,
    );
  }

  const valueMedian = median(valueSeconds);
  const baselineMedian = median(baselineSeconds);
  const value = bytes / 1e6 / valueMedian;
  const baseline = bytes / 1e6 / baselineMedian;
  progress(`checksum ${sink}`);

  const result = {
    bench: 'extract',
    unit: 'MB/s',
    value: round(value, 2),
    baseline: round(baseline, 2),
    ratio: Number((value / baseline).toPrecision(4)),
    reports: corpus.length,
    bytes,
    reportsPerSecond: round(corpus.length / valueMedian, 1),
    baselineReportsPerSecond: round(corpus.length / baselineMedian, 1),
    byEncoding: countByEncoding(corpus),
    runs,
    node: process.version,
    seed,
    medianSeconds: { value: round(valueMedian, 4), baseline: round(baselineMedian, 4) },
    runSeconds: {
      value: valueSeconds.map((s) => round(s, 4)),
      baseline: baselineSeconds.map((s) => round(s, 4)),
    },
    checks,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `[bench:extract] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
