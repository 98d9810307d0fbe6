'use strict';
// The test suites of `npm test` on one set of services (run inside scripts/with-services.js):
// builds the web UI once, then runs Jest and the browser tests, both serving that one build
// (RECTIFY_TEST_WEB_DIR). Jest runs as two processes at once, each in band: the e2e project
// (tests that share the services, one at a time as before) and the unit project (pure code, no
// services, files only in their own temporary folders), whose output is printed after the e2e
// run's so the two do not interleave. Prints how long each phase took.
//   node scripts/with-services.js -- node scripts/test-suites.js
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const log = (msg) => process.stderr.write(`[tests] ${msg}\n`);
const { buildWebUi, TEST_WEB_DIR_VARIABLE } = require('./web-build');

const root = path.resolve(__dirname, '..');

/**
 * Runs node with `args` in the project root; resolves with its exit code. Its output is inherited,
 * or with `held` collected and printed by `held.print()` (in the order it came).
 */
function node(args, env, held = null) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: held ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    env: { ...process.env, ...env },
  });
  if (held) {
    child.stdout.on('data', (c) => held.chunks.push([process.stdout, c]));
    child.stderr.on('data', (c) => held.chunks.push([process.stderr, c]));
  }
  const forward = (sig) => child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve) =>
    child.on('close', (code, sig) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (sig ? 1 : 0));
    }),
  );
}

/** Output held back from a process running beside another: `print` writes it out. */
function heldOutput() {
  const chunks = [];
  return { chunks, print: () => chunks.splice(0).forEach(([stream, c]) => stream.write(c)) };
}

const JEST = [
  '--experimental-vm-modules',
  '--disable-warning=ExperimentalWarning',
  'node_modules/jest/bin/jest.js',
  '--runInBand',
];

async function timed(what, work, times) {
  const started = Date.now();
  try {
    return await work();
  } finally {
    times.push(`${what} ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

async function main() {
  if (!process.env.DATABASE_URL || !process.env.REDIS_URL) {
    throw new Error('run through scripts/with-services.js, which provides DATABASE_URL and REDIS_URL');
  }
  const times = [];
  const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rectify-test-web-'));
  let code = 1;
  try {
    log('building the web UI for the tests');
    await timed('web build', () => buildWebUi(webDir), times);
    const env = { [TEST_WEB_DIR_VARIABLE]: webDir };
    const unitOutput = heldOutput();
    const [unit, e2e] = await Promise.all([
      timed('jest unit', () => node([...JEST, '--selectProjects', 'unit'], env, unitOutput), times),
      timed('jest e2e', () => node([...JEST, '--selectProjects', 'e2e'], env), times),
    ]);
    unitOutput.print();
    code = unit === 0 && e2e === 0 ? 0 : 1;
    if (code === 0) code = await timed('browser tests', () => node(['scripts/test-web.js'], env), times);
  } finally {
    fs.rmSync(webDir, { recursive: true, force: true });
    log(`phases: ${times.join(', ')}`);
  }
  process.exit(code);
}

main().catch((err) => {
  log(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
