import { type Mailer, type OutgoingEmail } from '../reminders/mailer';

/** A Mailer for unit tests: keeps what it sent; `failWith` makes the next sends throw it. */
export class RecordingMailer implements Mailer {
  readonly sent: OutgoingEmail[] = [];
  failWith: Error | null = null;

  async send(email: OutgoingEmail): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.sent.push(email);
  }
}
