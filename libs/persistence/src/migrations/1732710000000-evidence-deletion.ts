import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Evidence files can be withdrawn before sign-off: the row stays (who uploaded what, when) and is
 * marked deleted, by whom and when; the item's history gets a line of its own. Plain SQL that
 * PostgreSQL 15 and PGlite (PostgreSQL 18) both accept.
 */
export class EvidenceDeletion1732710000000 implements MigrationInterface {
  name = 'EvidenceDeletion1732710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE evidence ADD COLUMN deleted_at timestamptz, ADD COLUMN deleted_by uuid`);
    // The per-item limits (count, total size) are summed over the files still in place.
    await q.query(`CREATE INDEX evidence_item_live_idx ON evidence (item_id) WHERE deleted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS evidence_item_live_idx`);
    await q.query(`ALTER TABLE evidence DROP COLUMN IF EXISTS deleted_by, DROP COLUMN IF EXISTS deleted_at`);
  }
}
