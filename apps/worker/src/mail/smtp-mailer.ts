import { MailDeliveryError, type Mailer, type OutgoingEmail } from '@rectify/application';
import { createTransport, type Transporter } from 'nodemailer';

interface SmtpError {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

/**
 * Mail over SMTP with nodemailer: pooled connections and timeouts on every phase, so a silent
 * server cannot hold a job forever. Failures are sorted for the digest use case: a 5xx reply
 * (or an address the server cannot take) is permanent; refused connections, timeouts and 4xx
 * replies are temporary and retried.
 */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(url: string, from: string, timeoutMs: number) {
    this.transport = createTransport(
      {
        url,
        pool: true,
        maxConnections: 5,
        connectionTimeout: timeoutMs,
        greetingTimeout: timeoutMs,
        socketTimeout: timeoutMs,
        // The development sink and test servers have no certificates.
        ignoreTLS: url.startsWith('smtp://'),
      },
      { from },
    );
  }

  async send(email: OutgoingEmail): Promise<void> {
    try {
      await this.transport.sendMail({
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: email.messageId,
      });
    } catch (err) {
      throw classify(err as SmtpError);
    }
  }

  close(): void {
    this.transport.close();
  }
}

export function classify(err: SmtpError): MailDeliveryError {
  const code = err.responseCode;
  const text = (err.response ?? err.message ?? String(err)).trim();
  if (code !== undefined && code >= 500) return new MailDeliveryError('permanent', text, code);
  if (code !== undefined && code >= 400) return new MailDeliveryError('temporary', text, code);
  if (err.code === 'EENVELOPE') return new MailDeliveryError('permanent', text);
  return new MailDeliveryError('temporary', `${err.code ?? 'ERROR'}: ${text}`);
}
