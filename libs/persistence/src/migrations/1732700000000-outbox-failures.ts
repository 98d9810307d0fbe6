import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The outbox relay sets a failing row aside instead of retrying it for ever: each row keeps how
 * often it was tried, the last error and when, when it may be tried again (exponential
 * backoff), the lease under which a relay holds it (`claimed_until`, and a token naming the
 * claim: a relay that dies lets the lease run out and another takes the row), and when it was
 * parked after its last allowed attempt. Plain SQL that PostgreSQL 15 and PGlite (PostgreSQL
 * 18) both accept.
 */
export class OutboxFailures1732700000000 implements MigrationInterface {
  name = 'OutboxFailures1732700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE outbox
        ADD COLUMN attempts int NOT NULL DEFAULT 0,
        ADD COLUMN last_error text,
        ADD COLUMN last_attempt_at timestamptz,
        ADD COLUMN next_attempt_at timestamptz,
        ADD COLUMN claimed_until timestamptz,
        ADD COLUMN claim_token uuid,
        ADD COLUMN failed_at timestamptz`);
    // The relay scans the rows still to relay in id order; parked rows stay out of its way.
    await q.query(`CREATE INDEX outbox_open_idx ON outbox (id) WHERE failed_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS outbox_open_idx`);
    await q.query(`
      ALTER TABLE outbox
        DROP COLUMN IF EXISTS failed_at,
        DROP COLUMN IF EXISTS claim_token,
        DROP COLUMN IF EXISTS claimed_until,
        DROP COLUMN IF EXISTS next_attempt_at,
        DROP COLUMN IF EXISTS last_attempt_at,
        DROP COLUMN IF EXISTS last_error,
        DROP COLUMN IF EXISTS attempts`);
  }
}
