import { readFileSync } from 'node:fs';
import { type Database, type DatabaseOptions, openDatabase } from '@rectify/persistence';

/**
 * An in-memory embedded database (PGlite) with the schema, started from a migrated copy of a
 * data directory (made once per run by test/support/e2e-global-setup.js, named by
 * RECTIFY_PGLITE_SNAPSHOT) instead of running initdb and every migration again: seconds per
 * database. Pending migrations would still run. Tests of opening the database itself
 * (test/persistence/open-database.e2e-spec.ts) use `openDatabase` on an empty one.
 */
export async function openMemoryDatabase(
  options: Pick<DatabaseOptions, 'embeddedUpkeep'> = {},
): Promise<Database> {
  const file = process.env.RECTIFY_PGLITE_SNAPSHOT;
  if (!file)
    throw new Error('RECTIFY_PGLITE_SNAPSHOT is not set: run the e2e tests through Jest (its globalSetup).');
  return openDatabase({ dataDir: 'memory://', initialData: new Blob([readFileSync(file)]), ...options });
}
