import { Client } from 'pg';

// The test command (scripts/with-services.js) starts a private PostgreSQL server for the
// integration tests; this checks it is the real server the project targets.
describe('test services', () => {
  it('provides a real PostgreSQL 15 server through DATABASE_URL', async () => {
    const url = process.env.DATABASE_URL;
    if (!url)
      throw new Error('DATABASE_URL is not set: run the tests with `npm test`, which starts PostgreSQL.');
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ server_version_num: string }>('SHOW server_version_num');
      expect(Number(rows[0].server_version_num)).toBeGreaterThanOrEqual(150000);
    } finally {
      await client.end();
    }
  });
});
