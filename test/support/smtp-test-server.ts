import { type AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  parsed: ParsedMail;
}

/**
 * A real SMTP server in the test's process that keeps what it accepts, parsed with mailparser.
 * It can be told to answer the next messages with an error code (451, 550 …) or to stall
 * before answering, and can be stopped and started again on the same port.
 */
export class SmtpTestServer {
  readonly received: ReceivedMail[] = [];
  private server: SMTPServer | null = null;
  private refusals: { code: number; remaining: number } | null = null;
  private stallMs = 0;
  private readonly closedSessions = new Set<string>();
  /** Messages whose data started to arrive, accepted or not. */
  dataStarted = 0;
  port = 0;

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** The next `times` messages are refused with `code` (4xx temporary, 5xx permanent). */
  refuseNext(code: number, times = Number.POSITIVE_INFINITY): void {
    this.refusals = { code, remaining: times };
  }

  /** Wait this long after a message's data before accepting it. */
  stall(ms: number): void {
    this.stallMs = ms;
  }

  async start(port = this.port): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      // Like a real server, a message whose client left before the final reply is not delivered.
      onClose: (session) => void this.closedSessions.add(session.id),
      onData: (stream, session, callback) => {
        this.dataStarted++;
        simpleParser(stream).then(async (parsed) => {
          if (this.stallMs > 0) await new Promise((r) => setTimeout(r, this.stallMs));
          if (this.closedSessions.has(session.id)) return callback(new Error('421 client gone'));
          if (this.refusals && this.refusals.remaining > 0) {
            this.refusals.remaining--;
            const err = Object.assign(new Error(`${this.refusals.code} refused by the test server`), {
              responseCode: this.refusals.code,
            });
            return callback(err);
          }
          this.received.push({ to: session.envelope.rcptTo.map((r) => r.address), parsed });
          callback();
        }, callback);
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Messages received by one address. */
  to(address: string): ReceivedMail[] {
    return this.received.filter((m) => m.to.includes(address));
  }
}

/** Polls `check` until it returns true, or fails after `timeoutMs` saying what it waited for. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
