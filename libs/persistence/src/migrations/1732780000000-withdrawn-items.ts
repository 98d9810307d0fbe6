import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Withdrawn items (撤销): a mistaken item is withdrawn, with a reason, by a supervisor above it or
 * an administrator, and may be restored (恢复). Withdrawal is a flag beside the lifecycle status,
 * not a status: the item keeps its status, so restoring returns it exactly as it was. A withdrawn
 * item stays in the database and in its history, but out of lists, counts, sections, ledgers and
 * reminders.
 * - `withdrawn_at`: when it was withdrawn; null while it stands.
 * - `withdrawn_by`: who withdrew it.
 * - `withdraw_reason`: why (撤销原因).
 * The three are set and cleared together (a CHECK keeps them so).
 *
 * And removing an import nobody has worked on (删除导入): the history stays append-only, except
 * that a transaction that says so (`SELECT set_config('rectify.removing_import', 'on', true)`)
 * may delete IMPORT and CREATE lines, the only lines an untouched item has.
 */
export class WithdrawnItems1732780000000 implements MigrationInterface {
  name = 'WithdrawnItems1732780000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE rectification_item
        ADD COLUMN withdrawn_at timestamptz,
        ADD COLUMN withdrawn_by uuid REFERENCES app_user(id),
        ADD COLUMN withdraw_reason text`);
    await q.query(`
      ALTER TABLE rectification_item ADD CONSTRAINT rectification_item_withdrawn_whole
        CHECK ((withdrawn_at IS NULL) = (withdraw_reason IS NULL)
               AND (withdrawn_at IS NOT NULL OR withdrawn_by IS NULL))`);
    await q.query(`
      CREATE OR REPLACE FUNCTION item_history_is_append_only() RETURNS trigger AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND OLD.event IN ('IMPORT', 'CREATE')
           AND current_setting('rectify.removing_import', true) = 'on' THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'item_history is append-only: % is not allowed', TG_OP;
      END $$ LANGUAGE plpgsql`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION item_history_is_append_only() RETURNS trigger AS $$
      BEGIN
        RAISE EXCEPTION 'item_history is append-only: % is not allowed', TG_OP;
      END $$ LANGUAGE plpgsql`);
    await q.query(
      `ALTER TABLE rectification_item DROP CONSTRAINT IF EXISTS rectification_item_withdrawn_whole`,
    );
    await q.query(`
      ALTER TABLE rectification_item
        DROP COLUMN IF EXISTS withdraw_reason,
        DROP COLUMN IF EXISTS withdrawn_by,
        DROP COLUMN IF EXISTS withdrawn_at`);
  }
}
