import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * 待推送亮灯 (`robot_tier_backlog`): the deadline tiers the reminder worker has recorded and the
 * group robots have not been told of yet, one row per batch of reminder rows, written by the same
 * statement as those rows (so a tier is never recorded without it). The robots' round of the slot
 * (QueueRobotRoundUseCase) turns each row into the robots' `notification` rows and deletes it:
 * a year-end storm thus writes one small row per batch where it wrote one robot row per item and
 * robot, and the robots' rows are written at the slot's end, when they are sent anyway.
 * `item_ids`, `kinds`, `due_dates`: parallel arrays, one entry per (item, tier, due date).
 */
export class RobotTierBacklog1732890000000 implements MigrationInterface {
  name = 'RobotTierBacklog1732890000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE robot_tier_backlog (
        id bigserial PRIMARY KEY,
        item_ids uuid[] NOT NULL,
        kinds text[] NOT NULL,
        due_dates date[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT robot_tier_backlog_arrays_check CHECK (
          cardinality(item_ids) = cardinality(kinds) AND cardinality(item_ids) = cardinality(due_dates))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Tiers still waiting lose their robot messages; their emails and 站内消息 are not affected.
    await q.query(`DROP TABLE IF EXISTS robot_tier_backlog`);
  }
}
