import { type AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  parsed: ParsedMail;
}

/**
 * A real SMTP server in the test's process that keeps what it accepts, parsed with mailparser.
 * It can be told to answer the next messages with an error code (451, 550 …), to stall before
 * answering, or to hold its answers until the test releases them; and can be stopped and started
 * again on the same port.
 */
export class SmtpTestServer {
  readonly received: ReceivedMail[] = [];
  private server: SMTPServer | null = null;
  private refusals: { code: number; remaining: number } | null = null;
  private stallMs = 0;
  private gate: { opened: Promise<void>; open: () => void; afterAccept: boolean } | null = null;
  private readonly closedSessions = new Set<string>();
  /** Messages whose data started to arrive, accepted or not. */
  dataStarted = 0;
  /** Messages whose answer is being held (see `hold`). */
  held = 0;
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

  /**
   * Holds the answer to every message from now on until `release()`. With `afterAccept` the
   * message is kept (counted in `received`) before its answer is held, like a server that has
   * stored a message when its client dies before reading the 250: the client cannot know.
   */
  hold(options: { afterAccept?: boolean } = {}): void {
    let open = () => undefined as void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    this.gate = { opened, open, afterAccept: !!options.afterAccept };
  }

  /** Answers the held messages and stops holding. */
  release(): void {
    this.gate?.open();
    this.gate = null;
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
          const gate = this.gate;
          if (gate?.afterAccept) {
            this.received.push({ to: session.envelope.rcptTo.map((r) => r.address), parsed });
            this.held++;
            await gate.opened;
            this.held--;
            return callback();
          }
          if (gate) {
            this.held++;
            await gate.opened;
            this.held--;
          }
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
    this.release();
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
