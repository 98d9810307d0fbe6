import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Notifications (通知): the ledger of every notification on every channel (站内消息, email,
 * group robot), each organisation's group robots (群机器人), each person's preferences, and the
 * outbox's link to the history line that caused a row (events notify; the relay fans them out).
 */
export class Notifications1732800000000 implements MigrationInterface {
  name = 'Notifications1732800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox ADD COLUMN history_id bigint`);

    // A group robot of an organisation: its webhook and signing secret (never shown again in
    // full), the kinds it carries, its quiet hours (Beijing time), and `next_send_at`, the gate
    // that lets at most one message a minute through, whichever worker sends it.
    await q.query(`
      CREATE TABLE organisation_robot (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        platform text NOT NULL CHECK (platform IN ('wecom', 'dingtalk', 'feishu')),
        webhook_url text NOT NULL,
        secret text,
        kinds text[] NOT NULL,
        quiet_from text,
        quiet_until text,
        enabled boolean NOT NULL DEFAULT true,
        next_send_at timestamptz NOT NULL DEFAULT '-infinity',
        failed_at timestamptz,
        last_error text,
        last_sent_at timestamptz,
        updated_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT organisation_robot_platform_key UNIQUE (organisation_id, platform),
        CONSTRAINT organisation_robot_quiet_check CHECK ((quiet_from IS NULL) = (quiet_until IS NULL))
      )`);

    // Never twice: `dedupe_key` names the cause and the target (event or tier, channel,
    // recipient or robot), so a fan-out that runs twice records nothing new. In-app rows are
    // delivered by being written (status 'sent'); email and robot rows are claimed under a
    // `batch_key` (the job's id) so a retry sends exactly what it claimed.
    await q.query(`
      CREATE TABLE notification (
        id bigserial PRIMARY KEY,
        dedupe_key text NOT NULL,
        kind text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('in_app', 'email', 'robot')),
        item_id uuid NOT NULL REFERENCES rectification_item(id),
        history_id bigint,
        recipient_id uuid REFERENCES app_user(id),
        robot_id uuid REFERENCES organisation_robot(id),
        headline text NOT NULL,
        detail text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'skipped')),
        send_after timestamptz NOT NULL DEFAULT now(),
        batch_key text,
        claimed_at timestamptz,
        attempts int NOT NULL DEFAULT 0,
        error text,
        read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CONSTRAINT notification_target_check CHECK (
          (channel = 'robot' AND robot_id IS NOT NULL AND recipient_id IS NULL)
          OR (channel <> 'robot' AND recipient_id IS NOT NULL AND robot_id IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX notification_dedupe_key ON notification (dedupe_key)`);
    await q.query(
      `CREATE INDEX notification_in_app_idx ON notification (recipient_id, id DESC) WHERE channel = 'in_app'`,
    );
    await q.query(
      `CREATE INDEX notification_unread_idx ON notification (recipient_id) WHERE channel = 'in_app' AND read_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX notification_open_email_idx ON notification (recipient_id, send_after) WHERE channel = 'email' AND status IN ('pending', 'sending')`,
    );
    await q.query(
      `CREATE INDEX notification_open_robot_idx ON notification (robot_id, send_after) WHERE channel = 'robot' AND status IN ('pending', 'sending')`,
    );
    await q.query(`CREATE INDEX notification_item_idx ON notification (item_id)`);

    // A person's choices; a person without a row has the defaults (every event kind by email, at once).
    await q.query(`
      CREATE TABLE notification_preference (
        user_id uuid PRIMARY KEY REFERENCES app_user(id),
        email_mode text NOT NULL CHECK (email_mode IN ('immediate', 'digest', 'off')),
        email_kinds text[] NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['notification_preference', 'notification', 'organisation_robot']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`ALTER TABLE outbox DROP COLUMN IF EXISTS history_id`);
  }
}
