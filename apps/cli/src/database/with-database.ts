import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ApplicationError } from '@rectify/application';
import { ConfigError, DATABASE_LIMITS_ENV, databaseLimitsOf, readEnv } from '@rectify/config';
import {
  classifyDatabaseError,
  createRepositories,
  openDatabase,
  type Repositories,
} from '@rectify/persistence';
import { CliError, EXIT_USAGE } from '../cli-error';

export const EXIT_REFUSED = 1;
/** The database is busy or cannot be reached now: the same command may succeed later (EX_TEMPFAIL). */
export const EXIT_TRY_AGAIN = 75;

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
 * Runs a command with every repository (see REPOSITORY_CLASSES in libs/persistence) over the
 * product's database: the server named by DATABASE_URL, else the embedded database in
 * RECTIFY_DATA_DIR, e.g. `withRepositories(({ users, organisations, viewers }) => new
 * AddUserUseCase(users, organisations, viewers).execute(…))`. When `npm start` (or any process)
 * owns that embedded database, the command connects to it through the owner's socket, so its
 * writes are the product's writes, seen at once and kept. Refusals of the use cases become a
 * clear message and exit code 1; a database that is busy (a lock not granted within
 * DB_LOCK_TIMEOUT_MS) or cannot serve now (unreachable, out of connections, a statement timed
 * out) exit code 75. The database limits (DB_STATEMENT_TIMEOUT_MS …) are the servers'; a
 * malformed one is wrong usage (64). The database is closed when the work ends.
 */
export async function withRepositories<T>(work: (repositories: Repositories) => Promise<T>): Promise<T> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = process.env.RECTIFY_DATA_DIR || DEFAULT_DATA_DIR;
  const limits = readLimits();
  const db = await openDatabase({ databaseUrl, dataDir, shareWithRunningOwner: true, limits }).catch(
    (err: unknown) => {
      throw asTryAgain(err) ?? err;
    },
  );
  try {
    return await work(createRepositories(db.dataSource));
  } catch (err) {
    if (err instanceof ApplicationError) throw new CliError(err.message, EXIT_REFUSED, err.code);
    throw asTryAgain(err) ?? err;
  } finally {
    await db.close();
  }
}

/** A database fault as a clear message and exit code 75, or null for any other error. */
function asTryAgain(err: unknown): CliError | null {
  const fault = classifyDatabaseError(err);
  if (!fault) return null;
  return fault.kind === 'busy'
    ? new CliError(
        `所需数据正被其他操作处理，请稍后重试（${fault.reason}）。`,
        EXIT_TRY_AGAIN,
        'RESOURCE_BUSY',
      )
    : new CliError(
        `数据库暂时不可用（${fault.reason}：数据库繁忙、无法连接或正在维护），请稍后重试。`,
        EXIT_TRY_AGAIN,
        'DATABASE_UNAVAILABLE',
      );
}

function readLimits() {
  try {
    return databaseLimitsOf(readEnv(DATABASE_LIMITS_ENV));
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.message, EXIT_USAGE, err.code);
    throw err;
  }
}
