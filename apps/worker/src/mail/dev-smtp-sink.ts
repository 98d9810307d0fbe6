import { type AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { type DevMailboxRepository } from '@rectify/persistence';

/**
 * The development mail sink: an SMTP server in the worker's process that accepts every message
 * and keeps it in the `dev_mailbox` table, where administrators read it through the API. Used
 * only when SMTP_URL is not set, and never in production.
 */
export class DevSmtpSink {
  private server: SMTPServer | null = null;

  constructor(private readonly mailbox: DevMailboxRepository) {}

  async listen(port: number): Promise<string> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', async () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          // Decoded, so the mailbox list shows the Chinese subject rather than its RFC 2047 form.
          const parsed = await simpleParser(raw).catch(() => null);
          this.mailbox
            .store({
              envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
              envelopeTo: session.envelope.rcptTo.map((r) => r.address).join(', '),
              subject: parsed?.subject ?? null,
              messageId: parsed?.messageId ?? null,
              raw,
            })
            .then(
              () => callback(),
              (err: Error) =>
                callback(
                  Object.assign(new Error(`451 sink storage failed: ${err.message}`), { responseCode: 451 }),
                ),
            );
        });
      },
    });
    const server = this.server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    const { port: bound } = server.server.address() as AddressInfo;
    return `smtp://127.0.0.1:${bound}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
