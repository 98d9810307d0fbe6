'use strict';
// The web UI build the tests serve, made once per test run: scripts/test-suites.js builds it
// and hands its folder to Jest (test/api/web-ui.e2e-spec.ts) and to the browser tests through
// RECTIFY_TEST_WEB_DIR; each of them builds its own when run alone.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

/** The variable naming a web UI build made for this test run (a folder with index.html). */
const TEST_WEB_DIR_VARIABLE = 'RECTIFY_TEST_WEB_DIR';

/**
 * Builds the web UI (`vite build` with apps/web/vite.config.mjs, which first regenerates the
 * API client) into `outDir`. Throws with vite's output when the build fails.
 * @param {string} outDir absolute folder, created or emptied by vite
 */
function buildWebUi(outDir) {
  const r = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'apps/web/vite.config.mjs',
      '--outDir',
      outDir,
      '--logLevel',
      'warn',
    ],
    { cwd: root, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
}

/** The build RECTIFY_TEST_WEB_DIR names, or null when unset; throws when it names no build. */
function sharedWebBuild() {
  const dir = process.env[TEST_WEB_DIR_VARIABLE];
  if (!dir) return null;
  if (!fs.existsSync(path.join(dir, 'index.html')))
    throw new Error(`${TEST_WEB_DIR_VARIABLE}=${dir} holds no web UI build (no index.html)`);
  return dir;
}

module.exports = { buildWebUi, sharedWebBuild, TEST_WEB_DIR_VARIABLE };
