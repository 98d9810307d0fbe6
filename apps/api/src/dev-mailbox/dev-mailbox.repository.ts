import { Injectable } from '@nestjs/common';
import { type AddressObject, simpleParser } from 'mailparser';
import { DataSource } from 'typeorm';

export interface MailboxEntry {
  id: string;
  from: string | null;
  to: string;
  subject: string | null;
  messageId: string | null;
  receivedAt: string;
}

export interface MailboxMessage {
  id: string;
  from: string | null;
  to: string;
  subject: string | null;
  messageId: string | null;
  date: string | null;
  text: string | null;
  html: string | null;
}

interface MailboxRow {
  id: string;
  envelope_from: string | null;
  envelope_to: string;
  subject: string | null;
  message_id: string | null;
  received_at: Date | string;
}

const addresses = (value: AddressObject | AddressObject[] | undefined): string | undefined =>
  value === undefined ? undefined : (Array.isArray(value) ? value : [value]).map((a) => a.text).join(', ');

/** What the worker's development SMTP sink stored in `dev_mailbox`, newest first. */
@Injectable()
export class DevMailboxRepository {
  constructor(private readonly db: DataSource) {}

  async list(limit: number): Promise<MailboxEntry[]> {
    const rows: MailboxRow[] = await this.db.query(
      `SELECT id::text AS id, envelope_from, envelope_to, subject, message_id, received_at
         FROM dev_mailbox ORDER BY id DESC LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({
      id: r.id,
      from: r.envelope_from,
      to: r.envelope_to,
      subject: r.subject,
      messageId: r.message_id,
      receivedAt: new Date(r.received_at).toISOString(),
    }));
  }

  /** The message as its recipient would read it; null when there is no such message. */
  async get(id: string): Promise<MailboxMessage | null> {
    const [row]: (MailboxRow & { raw: string })[] = await this.db.query(
      `SELECT id::text AS id, envelope_from, envelope_to, subject, message_id, received_at, raw
         FROM dev_mailbox WHERE id = $1`,
      [id],
    );
    if (!row) return null;
    const mail = await simpleParser(row.raw);
    return {
      id: row.id,
      from: mail.from?.text ?? row.envelope_from,
      to: addresses(mail.to) ?? row.envelope_to,
      subject: mail.subject ?? row.subject,
      messageId: mail.messageId ?? row.message_id,
      date: mail.date ? mail.date.toISOString() : null,
      text: mail.text ?? null,
      html: mail.html || null,
    };
  }
}
