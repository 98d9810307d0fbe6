import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { DataSource } from 'typeorm';
import { EvidenceEntity } from '../entities/evidence.entity';
import { ItemHistoryEntity } from '../entities/item-history.entity';
import { MeasureEntity } from '../entities/measure.entity';
import { OrganisationEntity } from '../entities/organisation.entity';
import { RectificationItemEntity } from '../entities/rectification-item.entity';
import { ReportEntity } from '../entities/report.entity';
import { UserEntity } from '../entities/user.entity';
import { InitialSchema1732400000000 } from '../migrations/1732400000000-initial-schema';
import { Reminders1732500000000 } from '../migrations/1732500000000-reminders';
import { Recurrence1732600000000 } from '../migrations/1732600000000-recurrence';

export const ENTITIES = [
  OrganisationEntity,
  UserEntity,
  ReportEntity,
  RectificationItemEntity,
  MeasureEntity,
  EvidenceEntity,
  ItemHistoryEntity,
];
export const MIGRATIONS = [InitialSchema1732400000000, Reminders1732500000000, Recurrence1732600000000];

export interface DatabaseOptions {
  /** A real PostgreSQL server; without it the embedded PGlite database in `dataDir` is used. */
  databaseUrl?: string;
  /** Where the embedded database keeps its files; `memory://` for a throw-away one. */
  dataDir?: string;
}

export interface Database {
  dataSource: DataSource;
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * Opens the database and applies pending migrations (never `synchronize`).
 *
 * The embedded default runs PGlite behind its own node-postgres bridge with the normal `pg`
 * driver. Not `typeorm-pglite`: that adapter shares one session between query runners, so a
 * rolled-back transaction can undo a concurrent committed one (measured here, see FACTS.md).
 * The bridge has exactly one connection, so inside a transaction every query must use the
 * transaction's manager.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const common = { entities: ENTITIES, migrations: MIGRATIONS, synchronize: false, logging: false } as const;
  if (options.databaseUrl) {
    const dataSource = new DataSource({
      type: 'postgres',
      url: options.databaseUrl,
      ...common,
      extra: { max: 20 },
    });
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    return { dataSource, embedded: false, close: () => dataSource.destroy() };
  }
  const dataDir = options.dataDir ?? 'memory://';
  // PGlite creates its own folder but not the folders above it.
  if (!dataDir.includes('://')) mkdirSync(dirname(resolve(dataDir)), { recursive: true });
  const pglite = new PGlite(dataDir);
  await pglite.waitReady;
  const dataSource = new DataSource({
    type: 'postgres',
    ...common,
    // PGlite has neither uuid-ossp nor pgcrypto; gen_random_uuid() is built in.
    installExtensions: false,
    extra: { ...createPgConfig(pglite), idleTimeoutMillis: 0 },
  });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return {
    dataSource,
    embedded: true,
    close: async () => {
      await dataSource.destroy();
      await pglite.close();
    },
  };
}
