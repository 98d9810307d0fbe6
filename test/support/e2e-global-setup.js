'use strict';
// Jest's global setup for the e2e project (once per run, before any suite, with no test timeout):
// makes the migrated in-memory PGlite snapshot that test/support/memory-database.ts starts its
// databases from, and names it in RECTIFY_PGLITE_SNAPSHOT for the suites (Jest's workers inherit
// it). The snapshot is kept in the temporary folder under a hash of the PGlite version and the
// migrations' source files, so it is made again only when either changes.
const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');

/** The snapshot's file: `<tmp>/rectify-pglite-snapshots/<hash>.tar`. */
function snapshotFile() {
  const hash = createHash('sha256');
  hash.update(fs.readFileSync(path.join(root, 'node_modules/@electric-sql/pglite/package.json')));
  const migrations = path.join(root, 'libs/persistence/src/migrations');
  for (const name of fs.readdirSync(migrations).sort()) {
    hash.update(`\0${name}\0`).update(fs.readFileSync(path.join(migrations, name)));
  }
  return path.join(os.tmpdir(), 'rectify-pglite-snapshots', `${hash.digest('hex').slice(0, 16)}.tar`);
}

module.exports = async function globalSetup() {
  const file = snapshotFile();
  if (!fs.existsSync(file)) {
    const made = spawnSync(
      process.execPath,
      [
        '-r',
        path.join(root, 'scripts/register-ts.js'),
        path.join(__dirname, 'make-pglite-snapshot.ts'),
        file,
      ],
      { cwd: root, encoding: 'utf8' },
    );
    if (made.status !== 0)
      throw new Error(`making the PGlite snapshot failed:\n${made.stdout}${made.stderr}`);
  }
  process.env.RECTIFY_PGLITE_SNAPSHOT = file;
};
