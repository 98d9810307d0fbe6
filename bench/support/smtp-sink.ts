import { type AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

interface Accepted {
  to: string[];
  raw: Buffer;
  at: number;
}

export interface SinkReport {
  emails: number;
  /** (recipient, item) pairs received more than once, counting each extra copy. */
  duplicates: number;
  /** Expected (recipient, item) pairs never received. */
  missing: number;
  /** Pairs received that nobody expected. */
  unexpected: number;
  recipientsReached: number;
  emailsPerRecipient: { min: number; max: number };
  itemsPerEmail: { min: number; max: number };
}

/**
 * A local SMTP server that accepts every message at once and keeps its bytes; parsing (with
 * mailparser) waits until `report()`, so the sink costs the measured run as little as possible.
 * Records when every expected recipient has had at least one message accepted.
 */
export class CountingSmtpSink {
  private server: SMTPServer | null = null;
  private accepted: Accepted[] = [];
  private expectedRecipients = new Set<string>();
  private reached = new Set<string>();
  /** Date.now() when the last expected recipient got their first email; null until then. */
  allReachedAt: number | null = null;
  url = '';

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('error', callback);
        stream.on('end', () => {
          const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
          const at = Date.now();
          this.accepted.push({ to, raw: Buffer.concat(chunks), at });
          for (const address of to) {
            if (this.expectedRecipients.has(address) && !this.reached.has(address)) {
              this.reached.add(address);
              if (this.reached.size === this.expectedRecipients.size) this.allReachedAt = at;
            }
          }
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  }

  /** Starts a new round: forgets what was received and expects these addresses. */
  expect(addresses: Iterable<string>): void {
    this.accepted = [];
    this.reached = new Set();
    this.allReachedAt = null;
    this.expectedRecipients = new Set([...addresses].map((a) => a.toLowerCase()));
  }

  get count(): number {
    return this.accepted.length;
  }

  get reachedCount(): number {
    return this.reached.size;
  }

  /** Parses every accepted message and compares the (recipient, item) pairs with `expected`. */
  async report(expected: { email: string; itemId: string }[]): Promise<SinkReport> {
    const seen = new Map<string, number>();
    const perRecipient = new Map<string, number>();
    const itemsPerEmail: number[] = [];
    for (const message of this.accepted) {
      const parsed = await simpleParser(message.raw);
      const ids = [...(parsed.text ?? '').matchAll(/\/items\/([0-9a-f-]{36})/g)].map((m) => m[1]);
      itemsPerEmail.push(ids.length);
      for (const to of message.to) {
        perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
        for (const id of ids) {
          const key = `${to}|${id}`;
          seen.set(key, (seen.get(key) ?? 0) + 1);
        }
      }
    }
    const wanted = new Set(expected.map((e) => `${e.email.toLowerCase()}|${e.itemId}`));
    let duplicates = 0;
    let unexpected = 0;
    for (const [key, n] of seen) {
      duplicates += n - 1;
      if (!wanted.has(key)) unexpected++;
    }
    const missing = [...wanted].filter((k) => !seen.has(k)).length;
    const counts = [...this.expectedRecipients].map((r) => perRecipient.get(r) ?? 0);
    return {
      emails: this.accepted.length,
      duplicates,
      missing,
      unexpected,
      recipientsReached: counts.filter((n) => n > 0).length,
      emailsPerRecipient: { min: Math.min(...counts), max: Math.max(...counts) },
      itemsPerEmail: {
        min: itemsPerEmail.length ? Math.min(...itemsPerEmail) : 0,
        max: itemsPerEmail.length ? Math.max(...itemsPerEmail) : 0,
      },
    };
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
