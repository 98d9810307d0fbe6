import { randomUUID } from 'node:crypto';
import { type INestApplication } from '@nestjs/common';
import { type Database } from '@rectify/persistence';
import { Queue } from 'bullmq';
import request from 'supertest';
import { readApiConfig } from '../../apps/api/src/config/api-config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { readWorkerConfig } from '../../apps/worker/src/config/worker-config';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import { openMemoryDatabase } from '../support/memory-database';
import { PrivateRedis } from '../support/private-redis';
import {
  importProblems,
  seedReminderTree,
  setDeadline,
  type ReminderTree,
  SEND_ON,
  DEADLINE,
} from '../support/reminder-fixture';
import { reminderWorkerEnv } from '../support/reminder-worker';
import { SmtpTestServer, waitFor } from '../support/smtp-test-server';
import { addUser } from '../support/admin-fixtures';

jest.setTimeout(120_000);

// Yellow reminders go to the owner on SEND_ON; the worker's clock starts a few seconds before
// that day, so the reminders fall due while Redis is paused.
const CLOCK_START = new Date(new Date(`${SEND_ON}T00:00:00+08:00`).getTime() - 6_000).toISOString();
const STALL_MS = 10_000;
// Generous: an answer that takes this long is a request stuck behind Redis, not a slow one.
const CLIENT_TIMEOUT_MS = 5_000;
const PASSWORD = 'Redis-Stall-Pass-2024';

// The API and the worker in one process on the embedded database, as `npm start` runs them.
describe('a paused Redis on the embedded database', () => {
  const redis = new PrivateRedis();
  const smtp = new SmtpTestServer();
  const prefix = `stall${randomUUID().slice(0, 8)}`;
  let db: Database;
  let worker: INestApplication;
  let api: INestApplication;
  let tree: ReminderTree;
  let token: string;

  beforeAll(async () => {
    await Promise.all([redis.start(), smtp.start()]);
    db = await openMemoryDatabase();
    tree = await seedReminderTree(db.dataSource);
    const env = reminderWorkerEnv({
      REDIS_URL: redis.url,
      SMTP_URL: smtp.url,
      QUEUE_PREFIX: prefix,
      RECTIFY_CLOCK_START: CLOCK_START,
    });
    worker = await createWorkerApp(readWorkerConfig(env), !process.env.TEST_WORKER_LOGS, db);
    await worker.init();
    api = await createApiApp(
      readApiConfig({
        NODE_ENV: 'test',
        REDIS_URL: redis.url,
        QUEUE_PREFIX: prefix,
        JWT_SECRET: 'redis-stall-test-secret-0123456789',
      }),
      db,
    );
    await api.init();
    const username = `admin-${tree.tag}`;
    await addUser(db.dataSource, {
      username,
      organisationName: tree.committee.name,
      role: 'admin',
      password: PASSWORD,
    });
    const login = await request(api.getHttpServer())
      .post('/api/auth/login')
      .send({ username, password: PASSWORD })
      .expect(200);
    token = login.body.accessToken;
  });

  afterAll(async () => {
    redis.resume();
    await api?.close();
    await worker?.close();
    await db?.close();
    await Promise.all([redis.stop(), smtp.stop()]);
  });

  it('keeps answering API requests while Redis is paused, then delivers every reminder due meanwhile exactly once', async () => {
    const [first, second, changedDuringStall] = await importProblems(db.dataSource, tree, 3);
    await setDeadline(db.dataSource, tree, first, DEADLINE);
    await setDeadline(db.dataSource, tree, second, DEADLINE);
    const reminders = new Queue('reminders', { connection: { url: redis.url }, prefix });
    try {
      await waitFor(
        'the first reminders to wait in Redis',
        async () => (await reminders.getDelayedCount()) === 2, // each item's yellow tier (queue window)
      );
    } finally {
      await reminders.close();
    }

    redis.pause();
    // Changed while Redis does not answer: the relay claims this outbox row and cannot enqueue it.
    await setDeadline(db.dataSource, tree, changedDuringStall, DEADLINE);
    const answers: number[] = [];
    const stallEnds = Date.now() + STALL_MS;
    try {
      while (Date.now() < stallEnds) {
        const res = await request(api.getHttpServer())
          .get('/api/items')
          .set('Authorization', `Bearer ${token}`)
          .timeout({ response: CLIENT_TIMEOUT_MS });
        answers.push(res.status);
        await new Promise((r) => setTimeout(r, 200));
      }
    } finally {
      redis.resume();
    }
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.every((status) => status === 200)).toBe(true);

    const owner = tree.email(tree.owner);
    const ownerText = () =>
      smtp
        .to(owner)
        .map((m) => m.parsed.text ?? '')
        .join('\n');
    const ids = [first, second, changedDuringStall];
    await waitFor(
      'every reminder delivered',
      () => ids.every((id) => ownerText().includes(`/items/${id}`)),
      60_000,
    );
    // Nothing more may follow: the ledger and the digests agree, once each.
    await waitFor('the ledger to settle', async () => {
      const rows = await db.dataSource.query(
        `SELECT 1 FROM reminder_delivery WHERE status IN ('pending', 'sending')`,
      );
      return rows.length === 0;
    });
    for (const id of ids) expect(ownerText().split(`/items/${id}`)).toHaveLength(2);
    const ledger: { item_id: string; status: string }[] = await db.dataSource.query(
      `SELECT item_id, status FROM reminder_delivery`,
    );
    expect(ledger.map((r) => r.item_id).sort()).toEqual([...ids].sort());
    expect(ledger.every((r) => r.status === 'sent')).toBe(true);
    const [{ n: outbox }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM outbox`);
    expect(outbox).toBe(0);
  });
});
