import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A deadline tier's 站内消息 (亮灯 in the message centre) is its row of the reminder ledger
 * (`reminder_delivery`), no longer a second row in `notification`: a year-end storm wrote one
 * `notification` row per reminder row, with the same recipient, item, tier and due date.
 * - `reminder_delivery.in_app`: whether the row is a message its recipient sees (false for the
 *   rows of jobs that failed before anything was recorded, and for rows older than the message
 *   centre); `read_at`: when its recipient read it.
 * - The existing tier messages move over with their read time, and their `notification` rows go.
 * - Both sources are listed newest first by (created_at, id): `notification_in_app_idx` and the
 *   new `reminder_delivery_inbox_idx` say so, and `reminder_delivery_unread_idx` counts the badge.
 * - `reminder_delivery_status_idx` goes: the open rows have their own partial index, and the
 *   health figures count every status anyway.
 */
export class TierInbox1732850000000 implements MigrationInterface {
  name = 'TierInbox1732850000000';

  async up(q: QueryRunner): Promise<void> {
    // Added as false (no table rewrite), set true where a tier message exists, then true for
    // the rows recorded from now on.
    await q.query(
      `ALTER TABLE reminder_delivery ADD COLUMN in_app boolean NOT NULL DEFAULT false, ADD COLUMN read_at timestamptz`,
    );
    await q.query(`
      UPDATE reminder_delivery r SET in_app = true, read_at = n.read_at
        FROM notification n
       WHERE n.channel = 'in_app'
         AND n.dedupe_key = 'tier.' || r.item_id || '.' || r.kind || '.' || to_char(r.due_date, 'YYYY-MM-DD')
                            || '.in_app.' || r.recipient_id`);
    await q.query(`ALTER TABLE reminder_delivery ALTER COLUMN in_app SET DEFAULT true`);
    await q.query(`DELETE FROM notification WHERE channel = 'in_app' AND dedupe_key LIKE 'tier.%'`);

    await q.query(`DROP INDEX IF EXISTS reminder_delivery_status_idx`);
    await q.query(
      `CREATE INDEX reminder_delivery_inbox_idx ON reminder_delivery (recipient_id, created_at DESC, id DESC) WHERE in_app`,
    );
    await q.query(
      `CREATE INDEX reminder_delivery_unread_idx ON reminder_delivery (recipient_id) WHERE in_app AND read_at IS NULL`,
    );
    await q.query(`DROP INDEX IF EXISTS notification_in_app_idx`);
    await q.query(
      `CREATE INDEX notification_in_app_idx ON notification (recipient_id, created_at DESC, id DESC) WHERE channel = 'in_app'`,
    );
  }

  // Back to one `notification` row per tier message, worded as describeNotification words them.
  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      INSERT INTO notification (dedupe_key, kind, channel, item_id, recipient_id, headline, detail, status, read_at, created_at, sent_at)
      SELECT 'tier.' || r.item_id || '.' || r.kind || '.' || to_char(r.due_date, 'YYYY-MM-DD') || '.in_app.' || r.recipient_id,
             r.kind, 'in_app', r.item_id, r.recipient_id,
             o.name || '「' || i.title || '」' || CASE r.kind WHEN 'approaching' THEN '临近整改时限（黄灯）' WHEN 'due' THEN '今日到期（黄灯）'
               WHEN 'overdue' THEN '已逾期（红灯）' WHEN 'escalated' THEN '逾期升级督办（红灯）' ELSE '请报告长期整改进展' END,
             CASE WHEN r.kind = 'review' THEN '请报告本期整改进展' ELSE '整改时限 ' || to_char(r.due_date, 'YYYY-MM-DD') END,
             'sent', r.read_at, r.created_at, r.created_at
        FROM reminder_delivery r
        JOIN rectification_item i ON i.id = r.item_id
        JOIN organisation o ON o.id = i.organisation_id
       WHERE r.in_app
      ON CONFLICT (dedupe_key) DO NOTHING`);
    await q.query(`DROP INDEX IF EXISTS notification_in_app_idx`);
    await q.query(
      `CREATE INDEX notification_in_app_idx ON notification (recipient_id, id DESC) WHERE channel = 'in_app'`,
    );
    await q.query(`DROP INDEX IF EXISTS reminder_delivery_unread_idx`);
    await q.query(`DROP INDEX IF EXISTS reminder_delivery_inbox_idx`);
    await q.query(`CREATE INDEX reminder_delivery_status_idx ON reminder_delivery (status)`);
    await q.query(`ALTER TABLE reminder_delivery DROP COLUMN read_at, DROP COLUMN in_app`);
  }
}
