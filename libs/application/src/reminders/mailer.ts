/** An email as the mailer sends it. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Deterministic, so a receiver can tell a resend of the same digest. */
  messageId: string;
}

/**
 * Why a send failed: `temporary` (connection refused, timeout, 4xx) is retried with backoff;
 * `permanent` (5xx, a bad address) is recorded as failed and not retried.
 */
export class MailDeliveryError extends Error {
  constructor(
    readonly kind: 'temporary' | 'permanent',
    message: string,
    readonly responseCode?: number,
  ) {
    super(message);
    this.name = 'MailDeliveryError';
  }
}

/** The mail system behind one port; the worker implements it with nodemailer over SMTP. */
export interface Mailer {
  send(email: OutgoingEmail): Promise<void>;
}
