import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The bytes of evidence files in the database (`evidence_file`), for installations that run
 * several API processes, perhaps on several machines, with `EVIDENCE_STORE=database`: every
 * process reads what another stored, and a `pg_dump` holds the files with their rows. `key` is the
 * `storage_key` of the evidence row that names it. Uploads are mostly compressed already (images,
 * PDF, .docx), so the bytes are stored out of line without another compression attempt
 * (STORAGE EXTERNAL). Plain SQL that PostgreSQL 15 and PGlite both accept.
 */
export class EvidenceFile1732820000000 implements MigrationInterface {
  name = 'EvidenceFile1732820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE evidence_file (
        key uuid PRIMARY KEY,
        bytes bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`ALTER TABLE evidence_file ALTER COLUMN bytes SET STORAGE EXTERNAL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS evidence_file`);
  }
}
