import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { median } from './timing';

/**
 * How long a `rectify` command takes to start, against bare Node starting in the same run.
 *
 * Every CLI command (an administrator's, each of the CLI tests') loads the application's modules
 * before its work: `rectify --help` measures that alone, `rectify extract` a small report read
 * and parsed (no database). Baseline: `node -e 0`, the process the CLI starts from. The commands
 * run interleaved, `BENCH_RUNS` times each (default 15), after one warm-up run each (so the
 * transpile cache of scripts/register-ts.js is filled, as it is after a command has run once);
 * medians of wall time and of peak RSS (each child prints its own as it exits,
 * bench/support/report-peak-rss.cjs).
 *
 * Usage: npm run bench:cli-start
 * Prints, as its last line, one JSON object: value = median ms of `rectify --help`, baseline =
 * median ms of `node -e 0`, ratio = value / baseline, and the same for `extract`.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const ROOT = resolve(__dirname, '..');
const CLI = join(ROOT, 'bin/rectify.js');

const REPORT = [
  '2024年度青石村党支部书记抓基层党建工作述职报告',
  '一、存在问题',
  '1.理论学习不够深入，学用结合不紧密。',
  '2.组织生活会质量不高，批评和自我批评辣味不足。',
  '二、下步打算',
  '1.针对理论学习不够深入的问题，每月开展一次专题学习。',
  '2.针对组织生活会质量不高的问题，严格落实三会一课制度。',
].join('\n');

interface Sample {
  ms: number;
  maxRssMb: number;
}

const PEAK_RSS = join(__dirname, 'support/report-peak-rss.cjs');

/** Runs `args` with node in the project root: wall ms and the child's peak RSS. Throws on failure. */
function run(args: string[]): Sample {
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['-r', PEAK_RSS, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 16 << 20,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} failed (${child.status}): ${child.stderr}`);
  const rss = /PEAK_RSS_KB=(\d+)/.exec(child.stderr);
  return { ms, maxRssMb: rss ? Math.round(Number(rss[1]) / 102.4) / 10 : NaN };
}

function summarise(samples: Sample[]) {
  return {
    medianMs: Math.round(median(samples.map((s) => s.ms))),
    minMs: Math.round(Math.min(...samples.map((s) => s.ms))),
    maxMs: Math.round(Math.max(...samples.map((s) => s.ms))),
    peakRssMb: median(samples.map((s) => s.maxRssMb)),
  };
}

function main() {
  const dir = mkdtempSync(join(tmpdir(), 'rectify-bench-cli-'));
  try {
    const report = join(dir, 'report.txt');
    writeFileSync(report, REPORT);
    const commands = {
      node: ['-e', '0'],
      help: [CLI, '--help'],
      extract: [CLI, 'extract', report, '--json'],
    };
    for (const args of Object.values(commands)) run(args);
    const samples: Record<keyof typeof commands, Sample[]> = { node: [], help: [], extract: [] };
    for (let i = 0; i < RUNS; i++) {
      for (const [name, args] of Object.entries(commands) as [keyof typeof commands, string[]][]) {
        samples[name].push(run(args));
      }
    }
    const node = summarise(samples.node);
    const help = summarise(samples.help);
    const extract = summarise(samples.extract);
    process.stderr.write(
      `[bench:cli-start] node -e 0 ${node.medianMs} ms, rectify --help ${help.medianMs} ms (${help.peakRssMb} MB), ` +
        `rectify extract ${extract.medianMs} ms (${extract.peakRssMb} MB), medians of ${RUNS}\n`,
    );
    console.log(
      JSON.stringify({
        bench: 'cli-start',
        unit: 'ms',
        value: help.medianMs,
        baseline: node.medianMs,
        ratio: Number((help.medianMs / node.medianMs).toFixed(2)),
        extractRatio: Number((extract.medianMs / node.medianMs).toFixed(2)),
        node,
        help,
        extract,
        runs: RUNS,
        nodeVersion: process.version,
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
