'use strict';
// The test suites of `npm test` on one set of services (run inside scripts/with-services.js):
// builds the web UI once, then runs Jest and the browser tests, both serving that one build
// (RECTIFY_TEST_WEB_DIR). Jest's unit project (pure code, no services, files only in their own
// temporary folders) runs in band beside the e2e project, its output printed after the e2e run's
// so the two do not interleave. The e2e suites run in two groups: most on E2E_WORKERS Jest
// workers at once, each worker on a database and a Redis database number of its own
// (test/support/e2e-environment.js), then those test/serial-suites.js names one at a time on the
// services as given; then the browser tests (RECTIFY_BROWSER_BESIDE_E2E=1 starts them beside the
// parallel group once the unit tests are done, their output held back). RECTIFY_E2E_WORKERS=1
// runs every e2e suite in band on the services as given, and the browser tests after them (to
// compare, or on a one-core machine). Prints how long each phase took.
//   node scripts/with-services.js -- node scripts/test-suites.js
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const log = (msg) => process.stderr.write(`[tests] ${msg}\n`);
const { Client } = require('pg');
const { buildWebUi, TEST_WEB_DIR_VARIABLE } = require('./web-build');
const { SERIAL_SUITES } = require('../test/serial-suites');

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
];

/** Jest workers for the e2e suites that may run at the same time: 2 (2 cores), or RECTIFY_E2E_WORKERS. */
const E2E_WORKERS = Number(process.env.RECTIFY_E2E_WORKERS || 2);
/** Worker N's database is `${WORKER_DATABASE_PREFIX}N` (see test/support/e2e-environment.js). */
const WORKER_DATABASE_PREFIX = 'rectify_e2e_w';

/** The serial suites as Jest path patterns (regular expressions on the file's path). */
const serialPatterns = () => SERIAL_SUITES.map((file) => `/${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/** Makes the e2e workers' empty databases on the test server (DATABASE_URL). */
async function createWorkerDatabases() {
  const admin = new Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  try {
    for (let n = 1; n <= E2E_WORKERS; n++) await admin.query(`CREATE DATABASE ${WORKER_DATABASE_PREFIX}${n}`);
  } finally {
    await admin.end();
  }
}

/**
 * The e2e project: the suites that may share the machine on E2E_WORKERS workers, then, once
 * `beforeSerial` has settled too (the browser tests running beside the parallel group), the
 * serial ones in band; resolves with 0 when both groups passed.
 */
async function e2eSuites(env, times, beforeSerial) {
  if (!(Number.isInteger(E2E_WORKERS) && E2E_WORKERS >= 1 && E2E_WORKERS <= 15)) {
    throw new Error(
      `RECTIFY_E2E_WORKERS=${process.env.RECTIFY_E2E_WORKERS}: give a whole number from 1 to 15`,
    );
  }
  if (E2E_WORKERS === 1) return node([...JEST, '--runInBand', '--selectProjects', 'e2e'], env);
  await createWorkerDatabases();
  const parallel = await timed(
    'jest e2e parallel',
    () =>
      node(
        [
          ...JEST,
          `--maxWorkers=${E2E_WORKERS}`,
          '--selectProjects',
          'e2e',
          '--testPathIgnorePatterns',
          ...serialPatterns(),
        ],
        { ...env, RECTIFY_E2E_WORKER_SERVICES: WORKER_DATABASE_PREFIX },
      ),
    times,
  );
  await beforeSerial;
  const serial = await timed(
    'jest e2e serial',
    () =>
      node(
        [...JEST, '--runInBand', '--selectProjects', 'e2e', '--testPathPatterns', ...serialPatterns()],
        env,
      ),
    times,
  );
  return parallel === 0 && serial === 0 ? 0 : 1;
}

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
    const browserOutput = heldOutput();
    const browserTests = (held) =>
      timed('browser tests', () => node(['scripts/test-web.js'], env, held), times);
    const unit = timed(
      'jest unit',
      () => node([...JEST, '--runInBand', '--selectProjects', 'unit'], env, unitOutput),
      times,
    );
    // RECTIFY_BROWSER_BESIDE_E2E=1: the browser tests start when the unit tests are done, beside
    // the parallel e2e group, and the serial group waits for them. Measured on 2 cores: 17 min
    // instead of 19½, but the e2e group took 794 s instead of 457 and a browser test lost a click
    // to the load; so by default everything runs one after the other.
    const overlap = E2E_WORKERS > 1 && process.env.RECTIFY_BROWSER_BESIDE_E2E === '1';
    const browserBeside = overlap ? unit.then((u) => (u === 0 ? browserTests(browserOutput) : 1)) : null;
    const [unitCode, e2eCode] = await Promise.all([
      unit,
      timed('jest e2e', () => e2eSuites(env, times, browserBeside ?? Promise.resolve()), times),
    ]);
    unitOutput.print();
    const browserCode = overlap ? await browserBeside : null;
    browserOutput.print();
    code = unitCode === 0 && e2eCode === 0 ? 0 : 1;
    if (code === 0) code = overlap ? browserCode : await browserTests(null);
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
