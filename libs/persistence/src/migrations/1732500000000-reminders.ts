import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Reminders: the outbox that transitions write in their own statement, the delivery ledger
 * whose unique key makes a reminder go out at most once, and the development mailbox.
 */
export class Reminders1732500000000 implements MigrationInterface {
  name = 'Reminders1732500000000';

  async up(q: QueryRunner): Promise<void> {
    // What must happen next, written with the change that caused it; the worker's relay turns
    // rows into queue jobs and deletes them.
    await q.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        item_id uuid NOT NULL REFERENCES rectification_item(id),
        reason text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE reminder_delivery (
        id bigserial PRIMARY KEY,
        recipient_id uuid NOT NULL REFERENCES app_user(id),
        item_id uuid NOT NULL REFERENCES rectification_item(id),
        kind text NOT NULL CHECK (kind IN ('approaching', 'due', 'overdue', 'escalated', 'review')),
        due_date date NOT NULL,
        send_on date NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'skipped')),
        digest_key text,
        attempts int NOT NULL DEFAULT 0,
        message_id text,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz
      )`);
    // Never twice: one row per recipient, item, kind and due date, whatever runs how often.
    await q.query(
      `CREATE UNIQUE INDEX reminder_delivery_key ON reminder_delivery (recipient_id, item_id, kind, due_date)`,
    );
    await q.query(
      `CREATE INDEX reminder_delivery_open_idx ON reminder_delivery (recipient_id) WHERE status IN ('pending', 'sending')`,
    );
    await q.query(`CREATE INDEX reminder_delivery_item_idx ON reminder_delivery (item_id, kind, due_date)`);
    await q.query(`CREATE INDEX reminder_delivery_status_idx ON reminder_delivery (status)`);
    await q.query(
      `CREATE INDEX rectification_item_open_deadline_idx ON rectification_item (deadline) WHERE status IN ('measures_set', 'long_term')`,
    );

    // What the development SMTP sink received (no SMTP_URL): shown to administrators.
    await q.query(`
      CREATE TABLE dev_mailbox (
        id bigserial PRIMARY KEY,
        envelope_from text,
        envelope_to text NOT NULL,
        subject text,
        message_id text,
        raw text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS rectification_item_open_deadline_idx`);
    for (const table of ['dev_mailbox', 'reminder_delivery', 'outbox']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
