import { Client } from 'pg';

/**
 * Runs `text` with `values` on the browser tests' database (DATABASE_URL from
 * scripts/test-web.js) and resolves with its rows: for setting up what a test does not drive
 * through the UI, and for reading what the UI should show.
 */
export async function sql<T>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}
