import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { MIGRATIONS } from '@rectify/persistence';
import { Client } from 'pg';
import { createTestDatabase } from '../support/test-database';

// Issue 20, part 3: processes started together on an empty database (an API and a worker
// after a deploy) each apply pending migrations at start-up; they must not race.
jest.setTimeout(180_000);
const ROOT = resolve(__dirname, '../..');
const CHILD = join(ROOT, 'test/support/migrating-child.ts');

function openFromChild(url: string): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['-r', join(ROOT, 'scripts/register-ts.js'), CHILD, url], {
      cwd: ROOT,
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('close', (code) => done({ code, output })); // 'close': all output read; 'exit' may come first
  });
}

describe('migrations when processes start together', () => {
  it.each([1, 2])(
    'opens one empty database from 4 processes at once: all start and each migration is recorded once (round %i)',
    async () => {
      const database = await createTestDatabase({ empty: true });
      try {
        const runs = await Promise.all([1, 2, 3, 4].map(() => openFromChild(database.url)));
        for (const run of runs) expect(run).toEqual({ code: 0, output: `migrated ${MIGRATIONS.length}\n` });

        const client = new Client({ connectionString: database.url });
        await client.connect();
        try {
          const { rows } = await client.query<{ name: string; n: number }>(
            `SELECT name, count(*)::int AS n FROM migrations GROUP BY name ORDER BY name`,
          );
          expect(rows).toHaveLength(MIGRATIONS.length);
          expect(rows.every((r) => r.n === 1)).toBe(true);
          // The lock is not left behind: a fifth process opens the database as usual.
          const { rows: locks } = await client.query(`SELECT 1 FROM pg_locks WHERE locktype = 'advisory'`);
          expect(locks).toEqual([]);
        } finally {
          await client.end();
        }
        expect(await openFromChild(database.url)).toEqual({
          code: 0,
          output: `migrated ${MIGRATIONS.length}\n`,
        });
      } finally {
        await database.drop();
      }
    },
  );
});
