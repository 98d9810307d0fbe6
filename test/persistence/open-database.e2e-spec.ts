import { openDatabase, type Database } from '@rectify/persistence';

const databaseUrl = process.env.DATABASE_URL;

async function tableNames(db: Database): Promise<string[]> {
  const rows: { table_name: string }[] = await db.dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name);
}

const EXPECTED_TABLES = [
  'app_user',
  'dev_mailbox',
  'evidence',
  'evidence_file',
  'item_history',
  'item_recurrence',
  'item_tally',
  'measure',
  'migrations',
  'notification',
  'notification_preference',
  'organisation',
  'organisation_robot',
  'outbox',
  'position',
  'rectification_item',
  'recurrence_key',
  'reminder_delivery',
  'report',
  'robot_tier_backlog',
  'shown_recurrence_links',
];

/** How the report's text and extraction are compressed when stored: 'l' lz4, '' the default (pglz). */
async function reportCompression(db: Database): Promise<string[]> {
  const rows: { c: string }[] = await db.dataSource.query(
    `SELECT attcompression::text AS c FROM pg_attribute
      WHERE attrelid = 'report'::regclass AND attname IN ('text', 'extraction') ORDER BY attname`,
  );
  return rows.map((r) => r.c);
}

describe('openDatabase', () => {
  it('applies the migrations on the real PostgreSQL server, and again harmlessly', async () => {
    if (!databaseUrl) throw new Error('DATABASE_URL is not set: run the tests with `npm test`.');
    const db = await openDatabase({ databaseUrl });
    try {
      expect(await tableNames(db)).toEqual(EXPECTED_TABLES);
      // Debian's PostgreSQL has lz4.
      expect(await reportCompression(db)).toEqual(['l', 'l']);
    } finally {
      await db.close();
    }
    const again = await openDatabase({ databaseUrl });
    await again.close();
  });

  describe('embedded (PGlite)', () => {
    let db: Database;
    beforeAll(async () => {
      db = await openDatabase({ dataDir: 'memory://' });
    });
    afterAll(() => db.close());

    it('applies the same migrations', async () => {
      expect(await tableNames(db)).toEqual(EXPECTED_TABLES);
      // PGlite has only pglz: the lz4 migration leaves it.
      expect(await reportCompression(db)).toEqual(['', '']);
    });

    it('keeps concurrent transactions isolated: a rollback does not undo a concurrent commit', async () => {
      const insert = (name: string) =>
        `INSERT INTO organisation (name, kind, path) VALUES ('${name}', 'branch', '/')`;
      const committed = db.dataSource.transaction(async (m) => {
        await m.query(insert('甲支部'));
        await new Promise((r) => setTimeout(r, 20));
      });
      const rolledBack = db.dataSource
        .transaction(async (m) => {
          await m.query(insert('乙支部'));
          throw new Error('abort');
        })
        .catch((e: Error) => e.message);
      await Promise.all([committed, rolledBack]);
      const rows: { name: string }[] = await db.dataSource.query(
        `SELECT name FROM organisation ORDER BY name`,
      );
      expect(rows.map((r) => r.name)).toEqual(['甲支部']);
      expect(await rolledBack).toBe('abort');
    });
  });
});
