/**
 * A copy of every row of the database, for `rectify backup` / `rectify restore` of the embedded
 * default (a PostgreSQL server is backed up with pg_dump). Rows travel as PostgreSQL's own JSON
 * rendering (`json_agg`) and come back through `json_populate_recordset`, so every column type
 * (timestamps, jsonb, arrays, bytea) round-trips through the server's own text forms.
 */
export interface DatabaseSnapshot {
  /** The names of the migrations applied, in the order they ran: the schema the rows fit. */
  migrations: string[];
  /** Each table's rows as a JSON array text, by table name (the migrations table excluded). */
  tables: Record<string, string>;
  /** Rows per table. */
  counts: Record<string, number>;
  /** The storage keys of the evidence files the rows name (files on disk, under EVIDENCE_DIR). */
  evidenceKeys: string[];
}

/** What `load` refuses: the database it was asked to fill already holds data. */
export type SnapshotLoadOutcome = { kind: 'loaded' } | { kind: 'not_empty'; table: string };

/** Reads and writes whole-database snapshots. */
export interface DatabaseSnapshotRepository {
  /**
   * Every row, read in one REPEATABLE READ transaction: a consistent picture even while the
   * product writes (the embedded database is then reached through its owner's socket).
   */
  take(): Promise<DatabaseSnapshot>;
  /** The names of the migrations this database has applied, in order. */
  appliedMigrations(): Promise<string[]>;
  /**
   * Writes a snapshot's rows into this database, whose schema must be the snapshot's (the
   * caller compares `migrations`), in one transaction; refuses a database that already holds
   * organisations, users or items. Foreign keys are not checked while loading
   * (`session_replication_role`), which takes a superuser: the embedded database's `postgres`.
   */
  load(snapshot: DatabaseSnapshot): Promise<SnapshotLoadOutcome>;
}
