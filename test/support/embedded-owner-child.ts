// A second process for the embedded-database tests: opens the data directory given as argv[2],
// inserts one organisation named argv[3] (if given), prints "ready" and waits to be killed.
// Run with `node -r scripts/register-ts.js test/support/embedded-owner-child.ts DIR [NAME]`.
import { openDatabase } from '@rectify/persistence';

async function main() {
  const [dataDir, name] = process.argv.slice(2);
  const db = await openDatabase({ dataDir });
  if (name) {
    await db.dataSource.query(`INSERT INTO organisation (name, kind, path) VALUES ($1, 'branch', '/')`, [
      name,
    ]);
  }
  process.stdout.write('ready\n');
  setInterval(() => undefined, 60_000);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
