import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Positions, not one role (职务): a person holds one or more positions, each an organisation, a
 * kind (书记 / 副书记 / 组织委员 / 纪检委员 / 党务工作者 / 管理员) and its rights (`works_items`
 * 整改责任, `supervises` 督办; a 管理员 carries neither: administration is its kind).
 * - Existing users become: role `secretary` or `supervisor` → 书记 of their organisation (works its
 *   items, supervises below, as a 党委's secretary really does); `admin` → 管理员 of theirs.
 * - `app_user.role` goes; the token-version trigger no longer reads it (positions are read on
 *   every request, so a change takes effect on the next one without revoking the login).
 * - The organisation kind 党工委 (`working_committee`) and `organisation.disabled` (撤销/停用: kept
 *   with its history, no longer offered for new people, items or imports).
 */
export class Positions1732770000000 implements MigrationInterface {
  name = 'Positions1732770000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisation DROP CONSTRAINT IF EXISTS organisation_kind_check`);
    await q.query(`
      ALTER TABLE organisation ADD CONSTRAINT organisation_kind_check
        CHECK (kind IN ('committee', 'working_committee', 'general_branch', 'branch'))`);
    await q.query(`ALTER TABLE organisation ADD COLUMN disabled boolean NOT NULL DEFAULT false`);
    await q.query(`
      CREATE TABLE position (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        kind text NOT NULL CHECK (kind IN ('secretary', 'deputy_secretary', 'organising_member',
                                           'discipline_member', 'party_worker', 'admin')),
        works_items boolean NOT NULL DEFAULT false,
        supervises boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT position_once UNIQUE (user_id, organisation_id, kind),
        CONSTRAINT position_admin_without_rights CHECK (kind <> 'admin' OR NOT (works_items OR supervises))
      )`);
    await q.query(`CREATE INDEX position_organisation_idx ON position (organisation_id)`);
    await q.query(`
      INSERT INTO position (user_id, organisation_id, kind, works_items, supervises)
      SELECT id, organisation_id,
             CASE role WHEN 'admin' THEN 'admin' ELSE 'secretary' END,
             role <> 'admin', role <> 'admin'
        FROM app_user`);
    await q.query(`
      CREATE OR REPLACE FUNCTION app_user_bump_token_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.password_hash IS DISTINCT FROM OLD.password_hash
          OR NEW.disabled IS DISTINCT FROM OLD.disabled THEN
          NEW.token_version := OLD.token_version + 1;
        END IF;
        RETURN NEW;
      END
      $$`);
    await q.query(`ALTER TABLE app_user DROP COLUMN role`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN role text NOT NULL DEFAULT 'secretary'
                     CHECK (role IN ('secretary', 'supervisor', 'admin'))`);
    await q.query(`
      UPDATE app_user u SET role = CASE
        WHEN EXISTS (SELECT 1 FROM position p WHERE p.user_id = u.id AND p.kind = 'admin') THEN 'admin'
        WHEN EXISTS (SELECT 1 FROM position p JOIN organisation o ON o.id = p.organisation_id
                      WHERE p.user_id = u.id AND p.supervises AND o.kind <> 'branch') THEN 'supervisor'
        ELSE 'secretary' END`);
    await q.query(`
      CREATE OR REPLACE FUNCTION app_user_bump_token_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.role IS DISTINCT FROM OLD.role
          OR NEW.password_hash IS DISTINCT FROM OLD.password_hash
          OR NEW.disabled IS DISTINCT FROM OLD.disabled THEN
          NEW.token_version := OLD.token_version + 1;
        END IF;
        RETURN NEW;
      END
      $$`);
    await q.query(`DROP TABLE position`);
    await q.query(`ALTER TABLE organisation DROP COLUMN disabled`);
    await q.query(`UPDATE organisation SET kind = 'committee' WHERE kind = 'working_committee'`);
    await q.query(`ALTER TABLE organisation DROP CONSTRAINT organisation_kind_check`);
    await q.query(`
      ALTER TABLE organisation ADD CONSTRAINT organisation_kind_check
        CHECK (kind IN ('committee', 'general_branch', 'branch'))`);
  }
}
