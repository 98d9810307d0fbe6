/** A message the development SMTP sink received, as listed (no body). */
export interface StoredMailEntry {
  /** bigint as text. */
  id: string;
  /** Envelope sender, null for the null sender. */
  envelopeFrom: string | null;
  /** Envelope recipients, comma-separated. */
  envelopeTo: string;
  /** Decoded subject, null when the message could not be parsed. */
  subject: string | null;
  messageId: string | null;
  /** ISO instant. */
  receivedAt: string;
}

/** A stored message with its raw RFC 5322 text. */
export interface StoredMail extends StoredMailEntry {
  raw: string;
}

/** What the sink stores of a message it accepted. */
export type IncomingMail = Omit<StoredMail, 'id' | 'receivedAt'>;

/**
 * The development mailbox (`dev_mailbox`): every message the worker's development SMTP sink
 * accepted (only when SMTP_URL is not set, never in production), read by administrators.
 */
export interface DevMailboxRepository {
  /** Stores one accepted message; rejects when the database does (the sink then answers 451). */
  store(mail: IncomingMail): Promise<void>;
  /** The newest `limit` messages, newest first. */
  list(limit: number): Promise<StoredMailEntry[]>;
  /** One message with its raw text; null when there is none with this id. */
  find(id: string): Promise<StoredMail | null>;
}
