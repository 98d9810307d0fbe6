// Writes a migrated in-memory PGlite data directory (an uncompressed tar) to argv[2], for
// test/support/e2e-global-setup.js. Written aside and renamed, so no suite reads half a file.
// Run with `node -r scripts/register-ts.js test/support/make-pglite-snapshot.ts FILE`.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { snapshotEmbeddedDatabase } from '@rectify/persistence';

async function main() {
  const file = process.argv[2];
  const tar = Buffer.from(await (await snapshotEmbeddedDatabase()).arrayBuffer());
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, tar);
  renameSync(partial, file);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
