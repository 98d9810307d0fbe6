import { type DataSource } from 'typeorm';
import {
  type DevMailboxRepository,
  type IncomingMail,
  type StoredMail,
  type StoredMailEntry,
} from './dev-mailbox.repository';

interface MailboxRow {
  id: string;
  envelope_from: string | null;
  envelope_to: string;
  subject: string | null;
  message_id: string | null;
  received_at: Date | string;
}

const toEntry = (r: MailboxRow): StoredMailEntry => ({
  id: r.id,
  envelopeFrom: r.envelope_from,
  envelopeTo: r.envelope_to,
  subject: r.subject,
  messageId: r.message_id,
  receivedAt: new Date(r.received_at).toISOString(),
});

/** DevMailboxRepository on PostgreSQL (or PGlite). */
export class PgDevMailboxRepository implements DevMailboxRepository {
  constructor(private readonly db: DataSource) {}

  async store(mail: IncomingMail): Promise<void> {
    await this.db.query(
      `INSERT INTO dev_mailbox (envelope_from, envelope_to, subject, message_id, raw) VALUES ($1, $2, $3, $4, $5)`,
      [mail.envelopeFrom, mail.envelopeTo, mail.subject, mail.messageId, mail.raw],
    );
  }

  async list(limit: number): Promise<StoredMailEntry[]> {
    // Ordered by the column, not the text alias of the same name (which would put '9' before '10').
    const rows: MailboxRow[] = await this.db.query(
      `SELECT id::text AS id, envelope_from, envelope_to, subject, message_id, received_at
         FROM dev_mailbox ORDER BY dev_mailbox.id DESC LIMIT $1`,
      [limit],
    );
    return rows.map(toEntry);
  }

  async find(id: string): Promise<StoredMail | null> {
    const [row]: (MailboxRow & { raw: string })[] = await this.db.query(
      `SELECT id::text AS id, envelope_from, envelope_to, subject, message_id, received_at, raw
         FROM dev_mailbox WHERE id = $1`,
      [id],
    );
    return row ? { ...toEntry(row), raw: row.raw } : null;
  }
}
