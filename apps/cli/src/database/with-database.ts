import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ApplicationError } from '@rectify/application';
import { openDatabase } from '@rectify/persistence';
import { type DataSource } from 'typeorm';
import { CliError } from '../cli-error';

export const EXIT_REFUSED = 1;

/** The project folder, whether the CLI runs from its sources or from dist/. */
export const PROJECT_ROOT = findProjectRoot(__dirname);

function findProjectRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'nest-cli.json'))) return dir;
  }
  return resolve(from, '../../../..');
}

/** The embedded database of `npm start` and the CLI, unless RECTIFY_DATA_DIR says otherwise. */
export const DEFAULT_DATA_DIR = join(PROJECT_ROOT, '.run', 'pglite');

/**
 * Runs a command against the product's database: the server named by DATABASE_URL, else the
 * embedded database in RECTIFY_DATA_DIR. When `npm start` (or any process) owns that embedded
 * database, the command connects to it through the owner's socket, so its writes are the
 * product's writes, seen at once and kept. Refusals of the use cases become a clear message
 * and exit code 1.
 */
export async function withDatabase<T>(work: (db: DataSource) => Promise<T>): Promise<T> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = process.env.RECTIFY_DATA_DIR || DEFAULT_DATA_DIR;
  const db = await openDatabase({ databaseUrl, dataDir, shareWithRunningOwner: true });
  try {
    return await work(db.dataSource);
  } catch (err) {
    if (err instanceof ApplicationError) throw new CliError(err.message, EXIT_REFUSED, err.code);
    throw err;
  } finally {
    await db.close();
  }
}
