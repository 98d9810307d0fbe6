/**
 * Whatever runs one SQL statement: a TypeORM DataSource, EntityManager or QueryRunner (each
 * has `query(text, params)`), so that a helper serves inside a transaction and outside one
 * alike. Resolves with the driver's rows (or its result, for a statement without rows).
 */
export interface SqlRunner {
  query(text: string, params?: unknown[]): Promise<unknown>;
}
