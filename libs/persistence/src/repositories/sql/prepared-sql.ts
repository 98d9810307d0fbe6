import { type DataSource } from 'typeorm';

/**
 * Runs named prepared statements on one pooled connection. The transition path repeats the
 * same few statements thousands of times; naming them lets PostgreSQL (and PGlite) parse and
 * plan each once per connection instead of on every call. Resolves to the rows.
 */
export type PreparedSql = <T>(name: string, text: string, values: unknown[]) => Promise<T[]>;

interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/** Lends `work` one connection of the pool for named statements, and returns it afterwards. */
export async function withPreparedSql<T>(db: DataSource, work: (sql: PreparedSql) => Promise<T>): Promise<T> {
  const runner = db.createQueryRunner();
  try {
    // QueryRunner.connect() hands out the driver's connection: a node-postgres client.
    const client = (await runner.connect()) as PgClient;
    return await work(async <R>(name: string, text: string, values: unknown[]) => {
      const result = await client.query({ name, text, values });
      return result.rows as R[];
    });
  } finally {
    await runner.release();
  }
}

/**
 * One named prepared statement on a pooled connection: `name` must stand for exactly one `text`
 * (node-postgres refuses a name reused with another text). For the reads made on every request
 * (the session, an item's detail), parsed and planned once per connection. Resolves to the rows.
 */
export function preparedQuery<T>(
  db: DataSource,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  return withPreparedSql(db, (sql) => sql<T>(name, text, values));
}
