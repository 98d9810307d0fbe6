import { type DevMailboxRepository } from '@rectify/persistence';
import { type Viewer } from '@rectify/workflow';
import { requireSystemAccess } from '../../system-access/require-system-access';

/** A message in the development mailbox, as listed. */
export interface MailboxEntry {
  id: string;
  /** Envelope sender. */
  from: string | null;
  /** Envelope recipients, comma-separated. */
  to: string;
  subject: string | null;
  messageId: string | null;
  /** ISO instant. */
  receivedAt: string;
}

export interface ListMailboxMessagesCommand {
  /** Who asks, with the positions the database holds now (never a token's). */
  by: Viewer;
  /** 1–500, validated at the edge. */
  limit: number;
}

/**
 * The development SMTP sink's mail, newest first, at most `limit`. Errors: ADMIN_ONLY (only the root
 * administrator may read it: READ_DEV_MAILBOX). That it is closed in production is the caller's
 * to check.
 */
export class ListMailboxMessagesUseCase {
  constructor(private readonly mailbox: DevMailboxRepository) {}

  async execute({ by, limit }: ListMailboxMessagesCommand): Promise<MailboxEntry[]> {
    requireSystemAccess(by, 'READ_DEV_MAILBOX');
    const entries = await this.mailbox.list(limit);
    return entries.map((e) => ({
      id: e.id,
      from: e.envelopeFrom,
      to: e.envelopeTo,
      subject: e.subject,
      messageId: e.messageId,
      receivedAt: e.receivedAt,
    }));
  }
}
