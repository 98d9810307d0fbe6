// A process for the migration-race test: opens the PostgreSQL database at argv[2] (applying
// pending migrations, as the API and the worker do at start-up), prints how many migrations
// this process applied, and exits. Run with `node -r scripts/register-ts.js test/support/migrating-child.ts URL`.
import { openDatabase } from '@rectify/persistence';

async function main() {
  const db = await openDatabase({ databaseUrl: process.argv[2] });
  const [{ n }]: { n: string }[] = await db.dataSource.query(`SELECT count(*) AS n FROM migrations`);
  process.stdout.write(`migrated ${n}\n`);
  await db.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
