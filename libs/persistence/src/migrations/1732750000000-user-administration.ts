import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * People administration: `must_change_password` (set when an administrator resets a password to
 * a one-time password, cleared when the person chooses their own; while set, the API serves
 * nothing but the change) and `phone` (手机, optional contact). Resetting or changing a password
 * changes `password_hash`, so the token-version trigger of 1732720000000 already ends the other
 * sessions; the flag itself needs no trigger.
 */
export class UserAdministration1732750000000 implements MigrationInterface {
  name = 'UserAdministration1732750000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE app_user ADD COLUMN phone text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP COLUMN IF EXISTS phone`);
    await q.query(`ALTER TABLE app_user DROP COLUMN IF EXISTS must_change_password`);
  }
}
