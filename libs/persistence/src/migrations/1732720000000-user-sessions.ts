import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Sessions that follow the account: `disabled` (停用) refuses login and every existing token;
 * `token_version` is carried in each access token and bumped by the database itself whenever
 * the role, the password or `disabled` changes, by whatever path (API, CLI, plain SQL), so
 * tokens issued before the change stop working at once.
 */
export class UserSessions1732720000000 implements MigrationInterface {
  name = 'UserSessions1732720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN token_version integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE app_user ADD COLUMN disabled boolean NOT NULL DEFAULT false`);
    await q.query(`
      CREATE FUNCTION app_user_bump_token_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.role IS DISTINCT FROM OLD.role
          OR NEW.password_hash IS DISTINCT FROM OLD.password_hash
          OR NEW.disabled IS DISTINCT FROM OLD.disabled THEN
          NEW.token_version := OLD.token_version + 1;
        END IF;
        RETURN NEW;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER app_user_token_version BEFORE UPDATE ON app_user
      FOR EACH ROW EXECUTE FUNCTION app_user_bump_token_version()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS app_user_token_version ON app_user`);
    await q.query(`DROP FUNCTION IF EXISTS app_user_bump_token_version()`);
    await q.query(`ALTER TABLE app_user DROP COLUMN IF EXISTS disabled`);
    await q.query(`ALTER TABLE app_user DROP COLUMN IF EXISTS token_version`);
  }
}
