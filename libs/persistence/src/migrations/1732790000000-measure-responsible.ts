import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A measure's 责任人 may be a person of the organisation (`measure.responsible_user_id`), so
 * reminders reach them; `responsible` keeps the name as shown (or the free text for someone
 * without an account). Nullable: imported measures and free-text names have no account.
 */
export class MeasureResponsible1732790000000 implements MigrationInterface {
  name = 'MeasureResponsible1732790000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE measure ADD COLUMN responsible_user_id uuid REFERENCES app_user(id)`);
    // The reminder worker looks measures up by person and by item.
    await q.query(
      `CREATE INDEX measure_responsible_user_idx ON measure (responsible_user_id) WHERE responsible_user_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE measure DROP COLUMN IF EXISTS responsible_user_id`);
  }
}
