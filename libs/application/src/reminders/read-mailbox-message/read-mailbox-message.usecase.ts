import { type DevMailboxRepository } from '@rectify/persistence';
import { type Viewer } from '@rectify/workflow';
import type { AddressObject } from 'mailparser';
import { requireSystemAccess } from '../../system-access/require-system-access';

/** A message in the development mailbox as its recipient would read it. */
export interface MailboxMessage {
  id: string;
  from: string | null;
  to: string;
  subject: string | null;
  messageId: string | null;
  /** The Date header (ISO instant), null without one. */
  date: string | null;
  text: string | null;
  html: string | null;
}

const addresses = (value: AddressObject | AddressObject[] | undefined): string | undefined =>
  value === undefined ? undefined : (Array.isArray(value) ? value : [value]).map((a) => a.text).join(', ');

export interface ReadMailboxMessageCommand {
  /** Who asks, with the positions the database holds now (never a token's). */
  by: Viewer;
  id: string;
}

/**
 * One message of the development mailbox, parsed from its raw text (headers decoded; the
 * envelope stands in for headers the message lacks). Null when there is no such message.
 * Errors: ADMIN_ONLY (only an administrator may read it: READ_DEV_MAILBOX, decided before the
 * lookup). That it is closed in production is the caller's to check.
 */
export class ReadMailboxMessageUseCase {
  constructor(private readonly mailbox: DevMailboxRepository) {}

  async execute({ by, id }: ReadMailboxMessageCommand): Promise<MailboxMessage | null> {
    requireSystemAccess(by, 'READ_DEV_MAILBOX');
    const row = await this.mailbox.find(id);
    if (!row) return null;
    // mailparser is loaded when a message is first opened, not with the module: every process
    // (each CLI command) paid its 0.1 s at start.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { simpleParser } = require('mailparser') as typeof import('mailparser');
    const mail = await simpleParser(row.raw);
    return {
      id: row.id,
      from: mail.from?.text ?? row.envelopeFrom,
      to: addresses(mail.to) ?? row.envelopeTo,
      subject: mail.subject ?? row.subject,
      messageId: mail.messageId ?? row.messageId,
      date: mail.date ? mail.date.toISOString() : null,
      text: mail.text ?? null,
      html: mail.html || null,
    };
  }
}
