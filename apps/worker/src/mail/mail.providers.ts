import { Inject, Injectable, Logger, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { type Mailer } from '@rectify/application';
import { PgDevMailboxRepository } from '@rectify/persistence';
import { WORKER_CONFIG, type WorkerConfig } from '../config/worker-config';
import { DevSmtpSink } from './dev-smtp-sink';
import { SmtpMailer } from './smtp-mailer';

export const MAILER = Symbol('MAILER');

/** The mailer and, without SMTP_URL, the development sink it sends to; both closed on shutdown. */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly logger = new Logger('mail');
  private sink: DevSmtpSink | null = null;
  mailer: SmtpMailer | null = null;

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: WorkerConfig,
    private readonly mailbox: PgDevMailboxRepository,
  ) {}

  async open(): Promise<SmtpMailer> {
    let url = this.config.SMTP_URL;
    if (!url) {
      this.sink = new DevSmtpSink(this.mailbox);
      url = await this.sink.listen(this.config.DEV_SMTP_SINK_PORT);
      this.logger.log(`no SMTP_URL: reminder emails go to the development mailbox (sink at ${url})`);
    }
    this.mailer = new SmtpMailer(url, this.config.SMTP_FROM, this.config.SMTP_TIMEOUT_MS);
    return this.mailer;
  }

  async onApplicationShutdown(): Promise<void> {
    this.mailer?.close();
    await this.sink?.close();
  }
}

export const mailProviders: Provider[] = [
  MailTransport,
  { provide: MAILER, inject: [MailTransport], useFactory: (t: MailTransport): Promise<Mailer> => t.open() },
];
