import { type DatabaseLimits, DEFAULT_DATABASE_LIMITS } from '@rectify/config';
import { DataSource } from 'typeorm';
import { EvidenceEntity } from '../entities/evidence.entity';
import { ItemHistoryEntity } from '../entities/item-history.entity';
import { MeasureEntity } from '../entities/measure.entity';
import { OrganisationEntity } from '../entities/organisation.entity';
import { RectificationItemEntity } from '../entities/rectification-item.entity';
import { ReportEntity } from '../entities/report.entity';
import { UserEntity } from '../entities/user.entity';
import { MIGRATIONS } from '../migrations';
import { scheduleEmbeddedUpkeep } from '../embedded/embedded-upkeep';
import { type EmbeddedConnection, openEmbedded } from '../embedded/embedded-server';
import { embeddedPoolSettings, serverPoolSettings } from './pool-settings';
import { runMigrationsUnderLock } from './run-migrations-under-lock';

export const ENTITIES = [
  OrganisationEntity,
  UserEntity,
  ReportEntity,
  RectificationItemEntity,
  MeasureEntity,
  EvidenceEntity,
  ItemHistoryEntity,
];
export { MIGRATIONS };

export interface DatabaseOptions {
  /** A real PostgreSQL server; without it the embedded PGlite database in `dataDir` is used. */
  databaseUrl?: string;
  /** Where the embedded database keeps its files; `memory://` for a throw-away one. */
  dataDir?: string;
  /**
   * When another live process owns `dataDir`, connect to it instead of refusing (the
   * command-line tool beside `npm start`). Servers leave it false: a second server is refused.
   */
  shareWithRunningOwner?: boolean;
  /** Timeouts and pool size (`DEFAULT_DATABASE_LIMITS` when not given); see `serverPoolSettings`. */
  limits?: DatabaseLimits;
  /**
   * Only with `dataDir: 'memory://'`: start from this copy of a data directory (from
   * `snapshotEmbeddedDatabase`) instead of an empty one; pending migrations still run. Tests use
   * it to skip PGlite's initdb and the migrations, seconds per database.
   */
  initialData?: Blob;
  /**
   * When the embedded database's owner vacuums and analyses its grown tables
   * (`scheduleEmbeddedUpkeep`; `EMBEDDED_UPKEEP` when not given), or false for never. Not
   * used with a PostgreSQL server, whose autovacuum does this.
   */
  embeddedUpkeep?: { firstAfterMs: number; everyMs: number } | false;
}

export interface Database {
  dataSource: DataSource;
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * Opens the database and applies pending migrations (never `synchronize`).
 *
 * The embedded default is PGlite with exactly one owner process, served over a Unix socket that
 * every connection uses, this process's pool included (see `openEmbedded`): the normal `pg`
 * driver then gets real, isolated sessions. Not `typeorm-pglite`: that adapter shares one
 * session between query runners, so a rolled-back transaction can undo a concurrent committed
 * one (measured here, see FACTS.md). PGlite still runs one statement at a time, and an open
 * transaction holds the others back until it ends: inside a transaction every query must use
 * the transaction's manager.
 *
 * @throws DataDirLockedError (code `DATA_DIR_LOCKED`) when another live process owns `dataDir`
 *   and `shareWithRunningOwner` is not set.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const limits = options.limits ?? DEFAULT_DATABASE_LIMITS;
  const common = { entities: ENTITIES, migrations: MIGRATIONS, synchronize: false, logging: false } as const;
  if (options.databaseUrl) {
    const dataSource = new DataSource({
      type: 'postgres',
      url: options.databaseUrl,
      ...common,
      extra: serverPoolSettings(limits),
    });
    await dataSource.initialize();
    try {
      // Processes started together on one database migrate one at a time (see the function).
      await runMigrationsUnderLock(dataSource);
    } catch (err) {
      await dataSource.destroy();
      throw err;
    }
    return { dataSource, embedded: false, close: () => dataSource.destroy() };
  }
  const embedded = await openEmbedded(
    options.dataDir ?? 'memory://',
    options.shareWithRunningOwner ?? false,
    options.initialData,
  );
  const dataSource = embeddedDataSource(embedded, limits);
  try {
    await dataSource.initialize();
    // The owner migrates before it lets anyone else in; a sharing process finds the schema ready.
    if (embedded.owner) await dataSource.runMigrations({ transaction: 'each' });
  } catch (err) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded.close();
    throw err;
  }
  embedded.publish();
  const upkeep =
    embedded.owner && options.embeddedUpkeep !== false
      ? scheduleEmbeddedUpkeep(
          dataSource,
          (err) =>
            process.emitWarning(
              `embedded database upkeep (VACUUM ANALYZE) failed, tried again later: ${err instanceof Error ? err.message : String(err)}`,
            ),
          options.embeddedUpkeep,
        )
      : null;
  return {
    dataSource,
    embedded: true,
    close: async () => {
      await upkeep?.stop();
      await dataSource.destroy();
      await embedded.close();
    },
  };
}

function embeddedDataSource(embedded: EmbeddedConnection, limits: DatabaseLimits): DataSource {
  return new DataSource({
    type: 'postgres',
    host: embedded.endpoint.socketDir,
    port: embedded.endpoint.socketPort,
    username: 'postgres',
    database: 'postgres',
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    logging: false,
    // PGlite has neither uuid-ossp nor pgcrypto; gen_random_uuid() is built in.
    installExtensions: false,
    extra: embeddedPoolSettings(limits),
  });
}

/**
 * A new in-memory embedded database with every migration applied, as an uncompressed tar of
 * its data directory (tens of MB): `initialData` for `openDatabase({ dataDir: 'memory://' })`.
 */
export async function snapshotEmbeddedDatabase(): Promise<Blob> {
  const embedded = await openEmbedded('memory://', false);
  try {
    const dataSource = embeddedDataSource(embedded, DEFAULT_DATABASE_LIMITS);
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
    return await embedded.dump();
  } finally {
    await embedded.close();
  }
}
