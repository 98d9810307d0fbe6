import { type DataSource, type EntityManager } from 'typeorm';
import {
  type DatabaseSnapshot,
  type DatabaseSnapshotRepository,
  type SnapshotLoadOutcome,
} from './database-snapshot.repository';

/** TypeORM's record of applied migrations: the target database writes its own. */
const MIGRATIONS_TABLE = 'migrations';
/** Tables whose rows mean "this database is in use": a restore never mixes two databases. */
const IN_USE_TABLES = ['organisation', 'app_user', 'rectification_item'];

/** See DatabaseSnapshotRepository. */
export class PgDatabaseSnapshotRepository implements DatabaseSnapshotRepository {
  constructor(private readonly db: DataSource) {}

  async take(): Promise<DatabaseSnapshot> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      const manager = runner.manager;
      const migrations = await appliedMigrations(manager);
      const tables: Record<string, string> = {};
      const counts: Record<string, number> = {};
      for (const table of await userTables(manager)) {
        const [{ rows, n }] = await manager.query<{ rows: string; n: number }[]>(
          `SELECT coalesce(json_agg(t), '[]'::json)::text AS rows, count(*)::int AS n FROM ${quote(table)} t`,
        );
        tables[table] = rows;
        counts[table] = n;
      }
      const evidenceKeys = (
        await manager.query<{ key: string }[]>(
          'SELECT storage_key AS key FROM evidence WHERE storage_key IS NOT NULL ORDER BY storage_key',
        )
      ).map((r) => r.key);
      await runner.commitTransaction();
      return { migrations, tables, counts, evidenceKeys };
    } catch (err) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw err;
    } finally {
      await runner.release();
    }
  }

  appliedMigrations(): Promise<string[]> {
    return appliedMigrations(this.db.manager);
  }

  async load(snapshot: DatabaseSnapshot): Promise<SnapshotLoadOutcome> {
    return this.db.transaction(async (manager) => {
      for (const table of IN_USE_TABLES) {
        const [{ used }] = await manager.query<{ used: boolean }[]>(
          `SELECT EXISTS (SELECT 1 FROM ${quote(table)}) AS used`,
        );
        if (used) return { kind: 'not_empty', table } as const;
      }
      const present = await userTables(manager);
      // Rows a migration seeded are replaced by the snapshot's own.
      if (present.length > 0) await manager.query(`TRUNCATE ${present.map(quote).join(', ')} CASCADE`);
      // Foreign keys (some circular, some self-referencing) are not checked row by row while
      // loading: the rows came from a consistent database, and the order of tables is then free.
      await manager.query('SET LOCAL session_replication_role = replica');
      for (const table of present) {
        const rows = snapshot.tables[table];
        if (rows === undefined || rows === '[]') continue;
        const columns = (await writableColumns(manager, table)).map(quote).join(', ');
        await manager.query(
          `INSERT INTO ${quote(table)} (${columns}) OVERRIDING SYSTEM VALUE
           SELECT ${columns} FROM json_populate_recordset(NULL::${quote(table)}, $1::json)`,
          [rows],
        );
      }
      await manager.query('SET LOCAL session_replication_role = origin');
      await resetSequences(manager);
      return { kind: 'loaded' } as const;
    });
  }
}

async function appliedMigrations(manager: EntityManager): Promise<string[]> {
  const rows = await manager.query<{ name: string }[]>(`SELECT name FROM "${MIGRATIONS_TABLE}" ORDER BY id`);
  return rows.map((r) => r.name);
}

/** The application's tables, in name order, without TypeORM's migrations table. */
async function userTables(manager: EntityManager): Promise<string[]> {
  const rows = await manager.query<{ name: string }[]>(
    `SELECT tablename AS name FROM pg_tables
      WHERE schemaname = 'public' AND tablename <> $1 ORDER BY tablename`,
    [MIGRATIONS_TABLE],
  );
  return rows.map((r) => r.name);
}

/** Columns a row may be given a value for (generated columns are computed again). */
async function writableColumns(manager: EntityManager, table: string): Promise<string[]> {
  const rows = await manager.query<{ name: string }[]>(
    `SELECT column_name AS name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER'
      ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((r) => r.name);
}

/** Serial and identity sequences continue after the loaded rows' highest value. */
async function resetSequences(manager: EntityManager): Promise<void> {
  const owned = await manager.query<{ table: string; column: string }[]>(
    `SELECT c.relname AS "table", a.attname AS "column"
       FROM pg_depend d
       JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
       JOIN pg_class c ON c.oid = d.refobjid
       JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.refobjsubid
      WHERE d.deptype IN ('a', 'i') AND c.relname <> $1`,
    [MIGRATIONS_TABLE],
  );
  for (const { table, column } of owned) {
    await manager.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), coalesce(max(${quote(column)}), 0) + 1, false)
         FROM ${quote(table)}`,
      [quote(table), column],
    );
  }
}

/** A PostgreSQL identifier, quoted. */
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
