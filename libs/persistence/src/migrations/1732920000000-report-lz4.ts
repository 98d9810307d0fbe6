import { type MigrationInterface, type QueryRunner } from 'typeorm';

// A report's text and extraction: about 13 KB and more a report, compressed when stored.
const COLUMNS = ['text', 'extraction'];

/**
 * A report's text and extraction are compressed with lz4 where the server has it (PostgreSQL
 * built with lz4, as Debian's is; the embedded PGlite has only pglz and keeps it): pglz took
 * most of the 0.9 ms the report's insert cost each import. Rows stored before keep their
 * compression until rewritten; both read the same.
 */
export class ReportLz41732920000000 implements MigrationInterface {
  name = 'ReportLz41732920000000';

  async up(q: QueryRunner): Promise<void> {
    if (await hasLz4(q)) await setCompression(q, 'lz4');
  }

  async down(q: QueryRunner): Promise<void> {
    if (await hasLz4(q)) await setCompression(q, 'pglz');
  }
}

async function hasLz4(q: QueryRunner): Promise<boolean> {
  const [row]: { lz4: boolean }[] = await q.query(
    `SELECT 'lz4' = ANY(enumvals) AS lz4 FROM pg_settings WHERE name = 'default_toast_compression'`,
  );
  return row?.lz4 === true;
}

async function setCompression(q: QueryRunner, method: 'lz4' | 'pglz'): Promise<void> {
  await q.query(
    `ALTER TABLE report ${COLUMNS.map((c) => `ALTER COLUMN ${c} SET COMPRESSION ${method}`).join(', ')}`,
  );
}
