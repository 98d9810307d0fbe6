import { type MigrationInterface, type QueryRunner } from 'typeorm';

// The ledgers' references checked by PostgreSQL on every row until now.
const LEDGER_KEYS = [
  ['notification', 'notification_item_id_fkey', 'item_id', 'rectification_item'],
  ['notification', 'notification_recipient_id_fkey', 'recipient_id', 'app_user'],
  ['notification', 'notification_robot_id_fkey', 'robot_id', 'organisation_robot'],
  ['reminder_delivery', 'reminder_delivery_item_id_fkey', 'item_id', 'rectification_item'],
  ['reminder_delivery', 'reminder_delivery_recipient_id_fkey', 'recipient_id', 'app_user'],
] as const;

/**
 * The delivery ledgers (通知记录 `notification`, 提醒记录 `reminder_delivery`) stop declaring their
 * references as foreign keys. A deadline storm writes hundreds of thousands of their rows at
 * once, and each reference costs a lookup that locks the referenced row (`FOR KEY SHARE`): more
 * than the insert itself (measured with EXPLAIN ANALYZE on the benchmark's data, bench/README.md).
 * The rows are written by the workers from the items, people and robots they have just read in
 * the same job; an import is removed only before its items were worked on (no tier or event can
 * name them), and it deletes its ledger rows in its own transaction; a robot is removed only
 * while no row names it, and a row recorded in between is skipped by its job ("已停用或已删除").
 */
export class LedgerKeys1732810000000 implements MigrationInterface {
  name = 'LedgerKeys1732810000000';

  async up(q: QueryRunner): Promise<void> {
    for (const [table, constraint] of LEDGER_KEYS) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${constraint}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, constraint, column, referenced] of LEDGER_KEYS) {
      await q.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ${constraint} FOREIGN KEY (${column}) REFERENCES ${referenced}(id)`,
      );
    }
  }
}
