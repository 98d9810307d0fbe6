import { type DevMailboxRepository } from '@rectify/persistence';

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

/**
 * The development SMTP sink's mail, newest first, at most `limit` (1–500, validated at the
 * edge). Who may read it (administrators, never in production) is the caller's to check.
 */
export class ListMailboxMessagesUseCase {
  constructor(private readonly mailbox: DevMailboxRepository) {}

  async execute({ limit }: { limit: number }): Promise<MailboxEntry[]> {
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
