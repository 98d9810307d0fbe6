import { extractReport, type TextEncoding } from '../libs/domain/src';
import { unzipAndParse } from './docx-baseline';
import { type DocxCorpusReport, generateDocxCorpus } from './docx-corpus';
import {
  type CorpusReport,
  DEFAULT_CORPUS_SEED,
  DEFAULT_CORPUS_SIZE,
  generateReportCorpus,
} from './report-corpus';
import { type CorpusEncoding, DECODER_LABELS } from './report-encoding';
import { median, secondsSince, timeSeconds } from './timing';

/**
 * Benchmarks extractReport (encoding detection, noise stripping, parsing; for .docx, reading
 * Word's structure: numbering, tables, text boxes) against the least any reader must do with
 * the same bytes: decode text with the known encoding and split it into lines; for a .docx,
 * inflate word/document.xml and parse its XML (docx-baseline.ts). Both run in the same
 * process, interleaved, so their ratio survives a noisy machine.
 *
 * The corpus is the synthetic text reports plus a Word copy of every BENCH_DOCX_EVERY-th of
 * them (docx-corpus.ts: Word numbering, a 问题清单 or statistics table).
 *
 * Usage: npm run bench:extract   (BENCH_RUNS, BENCH_REPORTS, BENCH_SEED, BENCH_DOCX_EVERY
 * override the defaults). The last stdout line is the JSON result; progress goes to stderr.
 */

const DEFAULT_RUNS = 5;
const DEFAULT_DOCX_EVERY = 10;

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
  docxFailures: number;
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

async function unzipAndParseAll(corpus: readonly DocxCorpusReport[]): Promise<void> {
  for (const report of corpus) {
    const lines = await unzipAndParse(report.bytes);
    sink += lines.length + (lines[lines.length - 1]?.length ?? 0);
  }
}

async function extractAll(corpus: readonly { bytes: Uint8Array; name: string }[]): Promise<void> {
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
async function checkExtraction(
  corpus: readonly CorpusReport[],
  docxCorpus: readonly DocxCorpusReport[],
): Promise<ExtractionChecks> {
  const checks: ExtractionChecks = {
    failures: 0,
    docxFailures: 0,
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
  for (const report of docxCorpus) {
    try {
      const result = await extractReport(report.bytes, report.name);
      if (result.encoding !== 'utf-8') checks.encodingMismatches++;
      if (result.problems.length === 0) checks.withoutProblems++;
      checks.problems += result.problems.length;
      checks.measures += result.measures.length;
    } catch (error: unknown) {
      checks.docxFailures++;
      if (checks.docxFailures <= 3) progress(`extraction failed for ${report.name}: ${String(error)}`);
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

/** Seconds of one round of each side, text and .docx timed apart. */
interface RoundSeconds {
  text: number;
  docx: number;
}

async function timeRound(
  work: { text: () => Promise<void> | void; docx: () => Promise<void> },
  into: RoundSeconds[],
): Promise<void> {
  into.push({ text: await timeSeconds(work.text), docx: await timeSeconds(work.docx) });
}

const total = (r: RoundSeconds) => r.text + r.docx;

async function main(): Promise<void> {
  const runs = positiveIntFromEnv('BENCH_RUNS', DEFAULT_RUNS);
  const reports = positiveIntFromEnv('BENCH_REPORTS', DEFAULT_CORPUS_SIZE);
  const seed = positiveIntFromEnv('BENCH_SEED', DEFAULT_CORPUS_SEED);
  const docxEvery = positiveIntFromEnv('BENCH_DOCX_EVERY', DEFAULT_DOCX_EVERY);

  const generationStart = process.hrtime.bigint();
  const corpus = generateReportCorpus(reports, seed);
  const docxCorpus = await generateDocxCorpus(corpus, docxEvery);
  const generationSeconds = secondsSince(generationStart);
  const textBytes = corpus.reduce((sum, report) => sum + report.bytes.length, 0);
  const docxBytes = docxCorpus.reduce((sum, report) => sum + report.bytes.length, 0);
  const bytes = textBytes + docxBytes;
  progress(
    `generated ${corpus.length} text reports (${(textBytes / 1e6).toFixed(1)} MB) and ` +
      `${docxCorpus.length} .docx (${(docxBytes / 1e6).toFixed(1)} MB) in ${generationSeconds.toFixed(1)} s`,
  );

  decodeAndSplitAll(corpus);
  await unzipAndParseAll(docxCorpus);
  const checks = await checkExtraction(corpus, docxCorpus);
  progress(`warm-up done: ${JSON.stringify(checks)}`);

  const baselineRounds: RoundSeconds[] = [];
  const valueRounds: RoundSeconds[] = [];
  const baselineWork = { text: () => decodeAndSplitAll(corpus), docx: () => unzipAndParseAll(docxCorpus) };
  const valueWork = { text: () => extractAll(corpus), docx: () => extractAll(docxCorpus) };
  for (let run = 1; run <= runs; run++) {
    // Alternate which goes first, so that neither always inherits the other's garbage to collect.
    if (run % 2 === 1) {
      await timeRound(baselineWork, baselineRounds);
      await timeRound(valueWork, valueRounds);
    } else {
      await timeRound(valueWork, valueRounds);
      await timeRound(baselineWork, baselineRounds);
    }
    progress(
      `run ${run}/${runs}: baseline ${total(baselineRounds[run - 1]).toFixed(3)} s, ` +
        `extractReport ${total(valueRounds[run - 1]).toFixed(3)} s (.docx ${valueRounds[run - 1].docx.toFixed(3)} s)`,
    );
  }

  const valueMedian = median(valueRounds.map(total));
  const baselineMedian = median(baselineRounds.map(total));
  const value = bytes / 1e6 / valueMedian;
  const baseline = bytes / 1e6 / baselineMedian;
  const mbPerSecond = (b: number, seconds: number[]) => round(b / 1e6 / median(seconds), 2);
  progress(`checksum ${sink}`);

  const result = {
    bench: 'extract',
    unit: 'MB/s',
    value: round(value, 2),
    baseline: round(baseline, 2),
    ratio: Number((value / baseline).toPrecision(4)),
    reports: corpus.length + docxCorpus.length,
    bytes,
    reportsPerSecond: round((corpus.length + docxCorpus.length) / valueMedian, 1),
    baselineReportsPerSecond: round((corpus.length + docxCorpus.length) / baselineMedian, 1),
    byEncoding: countByEncoding(corpus),
    byFormat: {
      text: {
        reports: corpus.length,
        bytes: textBytes,
        value: mbPerSecond(
          textBytes,
          valueRounds.map((r) => r.text),
        ),
        baseline: mbPerSecond(
          textBytes,
          baselineRounds.map((r) => r.text),
        ),
      },
      docx: {
        reports: docxCorpus.length,
        bytes: docxBytes,
        value: mbPerSecond(
          docxBytes,
          valueRounds.map((r) => r.docx),
        ),
        baseline: mbPerSecond(
          docxBytes,
          baselineRounds.map((r) => r.docx),
        ),
      },
    },
    runs,
    node: process.version,
    seed,
    docxEvery,
    medianSeconds: { value: round(valueMedian, 4), baseline: round(baselineMedian, 4) },
    runSeconds: {
      value: valueRounds.map((r) => round(total(r), 4)),
      baseline: baselineRounds.map((r) => round(total(r), 4)),
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
