import { randomUUID } from 'node:crypto';
import { type INestApplication } from '@nestjs/common';
import { openDatabase, type Database } from '@rectify/persistence';
import { Queue } from 'bullmq';
import { readWorkerConfig } from '../../apps/worker/src/config/worker-config';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import { AppProcess } from './app-process';
import { CuttableProxy } from './cuttable-proxy';
import { createTestDatabase } from './test-database';
import { SmtpTestServer } from './smtp-test-server';

/** The environment a test worker runs with: its own database, queue prefix and SMTP server. */
export function reminderWorkerEnv(over: Record<string, string>): Record<string, string> {
  return {
    NODE_ENV: 'test',
    REDIS_URL: process.env.REDIS_URL ?? '',
    WORKER_HEALTH_PORT: '0',
    REMINDER_DIGEST_TIME: '00:00',
    REMINDER_DIGEST_COLLECT_SECONDS: '1',
    REMINDER_YELLOW_WORKDAYS: '3',
    REMINDER_ESCALATE_WORKDAYS: '2',
    OUTBOX_POLL_MS: '100',
    DIGEST_BACKOFF_MS: '200',
    ...over,
  };
}

/**
 * Everything a reminder test needs: a fresh database, an SMTP server, a queue prefix of its own,
 * and workers started in-process with the clock at `clockStart`.
 */
export class ReminderHarness {
  db!: Database;
  smtp = new SmtpTestServer();
  readonly prefix = `rt${randomUUID().slice(0, 8)}`;
  databaseUrl = '';
  private dropDatabase: (() => Promise<void>) | null = null;
  private workers: INestApplication[] = [];
  private queues: Queue[] = [];

  async start(): Promise<void> {
    const database = await createTestDatabase();
    this.databaseUrl = database.url;
    this.dropDatabase = database.drop;
    this.db = await openDatabase({ databaseUrl: database.url });
    await this.smtp.start();
  }

  env(clockStart: string, over: Record<string, string> = {}): Record<string, string> {
    return reminderWorkerEnv({
      DATABASE_URL: this.databaseUrl,
      SMTP_URL: this.smtp.url,
      QUEUE_PREFIX: this.prefix,
      RECTIFY_CLOCK_START: clockStart,
      ...over,
    });
  }

  async startWorker(clockStart: string, over: Record<string, string> = {}): Promise<INestApplication> {
    const app = await createWorkerApp(
      readWorkerConfig(this.env(clockStart, over)),
      !process.env.TEST_WORKER_LOGS,
    );
    await app.init();
    this.workers.push(app);
    return app;
  }

  /**
   * A proxy in front of this test's database: give a worker `proxy.routeUrl(h.databaseUrl)` as
   * DATABASE_URL and the test can take the database away from it alone. Closed by the test.
   */
  proxyDatabase(): Promise<CuttableProxy> {
    const url = new URL(this.databaseUrl);
    return CuttableProxy.start({ host: url.hostname, port: Number(url.port) });
  }

  queue(name: 'reminders' | 'digests' | 'maintenance'): Queue {
    const queue = new Queue(name, { connection: { url: process.env.REDIS_URL }, prefix: this.prefix });
    this.queues.push(queue);
    return queue;
  }

  /** Closes one worker the way SIGTERM would: running jobs finish first. */
  async closeWorker(app: INestApplication): Promise<void> {
    this.workers = this.workers.filter((w) => w !== app);
    await app.close();
  }

  async stopWorkers(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    this.workers = [];
  }

  async stop(): Promise<void> {
    await this.stopWorkers();
    await Promise.all(this.queues.map(async (q) => (await q.obliterate({ force: true }), await q.close())));
    await this.smtp.stop();
    await this.db?.close();
    await this.dropDatabase?.();
  }

  /** The ledger rows, in a form easy to compare. */
  async ledger(): Promise<{ recipient: string; item: string; kind: string; due: string; status: string }[]> {
    return this.db.dataSource.query(
      `SELECT u.email AS recipient, d.item_id AS item, d.kind, to_char(d.due_date, 'YYYY-MM-DD') AS due, d.status
         FROM reminder_delivery d JOIN app_user u ON u.id = d.recipient_id ORDER BY u.email, d.item_id, d.kind`,
    );
  }
}

/**
 * The worker as its own process (`apps/worker/src/main.ts`), as production runs it: a test can
 * SIGKILL it, and reads what it printed (stdout and stderr, without colours).
 */
export class WorkerProcess extends AppProcess {
  constructor(env: Record<string, string>) {
    super('apps/worker/src/main.ts', env, 'the worker');
  }

  /** The health endpoint's address, once the worker has started. */
  async healthUrl(timeoutMs = 30_000): Promise<string> {
    const line = await this.waitForLine(/health on (http:\/\/\S+)/, timeoutMs);
    return /health on (http:\/\/\S+)/.exec(line)![1];
  }
}
