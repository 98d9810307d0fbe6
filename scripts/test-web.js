'use strict';
// The browser tests: Playwright driving Debian's chromium against the real API, on a fresh
// database with the demo data, with the web UI built the way `npm start` builds it.
// Run inside scripts/with-services.js (it provides DATABASE_URL and REDIS_URL):
//   node scripts/with-services.js -- node scripts/test-web.js [playwright args]
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');
const { ensureChromium, freePort, log } = require('./services');
const { buildWebUi, sharedWebBuild } = require('./web-build');

const root = path.resolve(__dirname, '..');

function run(args, env, what) {
  const r = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status})`);
}

async function createDatabase(serverUrl) {
  const name = `rectify_web_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function waitForHealth(base, api) {
  for (let i = 0; i < 120; i++) {
    if (api.exitCode !== null) throw new Error(`the API exited (${api.exitCode}) before it was ready`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the API did not become healthy within 60 s');
}

async function main() {
  if (!process.env.DATABASE_URL || !process.env.REDIS_URL) {
    throw new Error('run through scripts/with-services.js, which provides DATABASE_URL and REDIS_URL');
  }
  const chromium = ensureChromium();
  const databaseUrl = await createDatabase(process.env.DATABASE_URL);
  log('seeding the demo data for the browser tests');
  run([path.join(root, 'bin/rectify.js'), 'demo'], { DATABASE_URL: databaseUrl }, 'seeding the demo data');
  // A build scripts/test-suites.js made for this run is served as it is; alone, build one here.
  const shared = sharedWebBuild();
  const webDir = shared ?? fs.mkdtempSync(path.join(os.tmpdir(), 'rectify-web-'));
  if (!shared) {
    log('building the web UI');
    buildWebUi(webDir);
  }
  const evidenceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rectify-web-evidence-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const api = spawn(
    process.execPath,
    ['-r', path.join(root, 'scripts/register-ts.js'), 'apps/api/src/main.ts'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        API_PORT: String(port),
        WEB_DIR: webDir,
        // Evidence the tests upload goes to a temporary folder, not into the project's .run/.
        EVIDENCE_DIR: evidenceDir,
        // Redis keys of its own: Jest's tests may have run on this Redis before (login counts).
        QUEUE_PREFIX: `rectify-web-${Date.now().toString(36)}`,
        NODE_ENV: 'development',
      },
    },
  );
  let code = 1;
  try {
    await waitForHealth(base, api);
    const tests = spawn(
      process.execPath,
      [
        path.join(root, 'node_modules/@playwright/test/cli.js'),
        'test',
        '-c',
        'test/web/playwright.config.ts',
        ...process.argv.slice(2),
      ],
      {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, WEB_BASE_URL: base, CHROMIUM_PATH: chromium, DATABASE_URL: databaseUrl },
      },
    );
    code = await new Promise((resolve) => tests.on('exit', (c) => resolve(c ?? 1)));
  } finally {
    api.kill('SIGTERM');
    if (!shared) fs.rmSync(webDir, { recursive: true, force: true });
    fs.rmSync(evidenceDir, { recursive: true, force: true });
  }
  process.exit(code);
}

main().catch((err) => {
  log(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
