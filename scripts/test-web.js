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
  const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rectify-web-'));
  log('building the web UI');
  run(
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'apps/web/vite.config.mjs',
      '--outDir',
      webDir,
      '--logLevel',
      'warn',
    ],
    {},
    'building the web UI',
  );
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
        // Evidence the tests upload goes with the build, not into the project's .run/.
        EVIDENCE_DIR: path.join(webDir, 'evidence'),
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
    fs.rmSync(webDir, { recursive: true, force: true });
  }
  process.exit(code);
}

main().catch((err) => {
  log(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
