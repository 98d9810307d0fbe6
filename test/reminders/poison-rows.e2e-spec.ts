import {
  RecordDueRemindersUseCase,
  ReminderFailure,
  type ReminderJobData,
  type ReminderSettings,
} from '@rectify/application';
import { ChineseWorkingDayCalendar, clockStartingAt } from '@rectify/domain';
import { PgReminderLedgerRepository, PgReminderSubjectsRepository } from '@rectify/persistence';
import request from 'supertest';
import { readApiConfig } from '../../apps/api/src/config/api-config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { readWorkerConfig } from '../../apps/worker/src/config/worker-config';
import { BullReminderQueues } from '../../apps/worker/src/queues/bullmq-reminder-queues';
import {
  importProblems,
  seedReminderTree,
  setDeadline,
  type ReminderTree,
  SEND_ON,
  DEADLINE,
} from '../support/reminder-fixture';
import { ReminderHarness } from '../support/reminder-worker';
import { waitFor } from '../support/smtp-test-server';
import { addUser } from '../support/admin-fixtures';

const calendar = new ChineseWorkingDayCalendar();
jest.setTimeout(120_000);

// Yellow (approaching) reminders go to the owner on SEND_ON; the worker's clock starts that day.
const NOW = `${SEND_ON}T08:00:00+08:00`;
// A deadline stored before dates were bounded: the calendar refuses to count towards it.
const POISON_DEADLINE = '9999-12-31';
const PASSWORD = 'Poison-Rows-Pass-2024';

describe('one failing reminder row never stops the others', () => {
  let h: ReminderHarness;
  let tree: ReminderTree;
  beforeEach(async () => {
    h = new ReminderHarness();
    await h.start();
    tree = await seedReminderTree(h.db.dataSource);
  });
  afterEach(() => h.stop());

  const db = () => h.db.dataSource;
  const ownerText = () =>
    h.smtp
      .to(tree.email(tree.owner))
      .map((m) => m.parsed.text ?? '')
      .join('\n');
  const poisonItem = async (itemId: string) => {
    await setDeadline(db(), tree, itemId, DEADLINE);
    await db().query(`UPDATE rectification_item SET deadline = $2 WHERE id = $1`, [itemId, POISON_DEADLINE]);
  };

  it('delivers the reminders of 100 items and parks the one outbox row whose deadline the calendar refuses, with its error', async () => {
    const items = await importProblems(db(), tree, 101);
    const poisoned = items[50];
    const good = items.filter((i) => i !== poisoned);
    for (const item of items) {
      if (item === poisoned) await poisonItem(item);
      else await setDeadline(db(), tree, item, DEADLINE);
    }
    const worker = await h.startWorker(NOW, { OUTBOX_MAX_ATTEMPTS: '3', OUTBOX_RETRY_BASE_MS: '100' });

    await waitFor(
      'the 100 reminders sent and the poisoned row parked',
      async () => {
        const [{ sent }] = await db().query(
          `SELECT count(*)::int AS sent FROM reminder_delivery WHERE status = 'sent'`,
        );
        const [{ parked }] = await db().query(
          `SELECT count(*)::int AS parked FROM outbox WHERE failed_at IS NOT NULL`,
        );
        return sent === 100 && parked === 1;
      },
      90_000,
    );

    const text = ownerText();
    for (const item of good) expect(text.split(`/items/${item}`)).toHaveLength(2);
    expect(text).not.toContain(`/items/${poisoned}`);
    const ledger = await h.ledger();
    expect(ledger).toHaveLength(100);
    expect(ledger.every((r) => r.status === 'sent' && r.item !== poisoned)).toBe(true);

    const outbox = await db().query(
      `SELECT item_id, attempts, last_error, last_attempt_at, failed_at FROM outbox`,
    );
    expect(outbox).toEqual([
      expect.objectContaining({ item_id: poisoned, attempts: 3, failed_at: expect.any(Date) }),
    ]);
    expect(outbox[0].last_error).toContain(`整改时限 ${POISON_DEADLINE} 超出允许范围`);
    expect(outbox[0].last_attempt_at).toEqual(expect.any(Date));

    const health = await request(worker.getHttpServer()).get('/health').expect(200);
    expect(health.body.info.ledger).toEqual(
      expect.objectContaining({ outboxFailed: 1, outboxRetrying: 0, outboxWaiting: 0 }),
    );
  });

  it('lists the parked row in the ledger API and counts it in the API health check', async () => {
    const [good, poisoned] = await importProblems(db(), tree, 2);
    await setDeadline(db(), tree, good, DEADLINE);
    await poisonItem(poisoned);
    await h.startWorker(NOW, { OUTBOX_MAX_ATTEMPTS: '2', OUTBOX_RETRY_BASE_MS: '100' });
    await waitFor('the poisoned row parked', async () => {
      const rows = await db().query(`SELECT 1 FROM outbox WHERE failed_at IS NOT NULL`);
      return rows.length === 1;
    });

    const api = await startApi(h, tree);
    try {
      const failures = await request(api.app.getHttpServer())
        .get('/api/reminders/outbox-failures')
        .query({ state: 'parked' })
        .set('Authorization', `Bearer ${api.token}`)
        .expect(200);
      expect(failures.body).toEqual([
        expect.objectContaining({
          itemId: poisoned,
          state: 'parked',
          attempts: 2,
          failedAt: expect.any(String),
          lastAttemptAt: expect.any(String),
        }),
      ]);
      expect(failures.body[0].lastError).toContain('超出允许范围');
      const health = await request(api.app.getHttpServer()).get('/api/health').expect(200);
      expect(health.body.details.reminders).toEqual(expect.objectContaining({ outboxFailed: 1 }));
    } finally {
      await api.app.close();
    }
  });

  it('sends the good rows of a digest and marks the row it cannot compose failed after the last attempt', async () => {
    const [good, poisoned] = await importProblems(db(), tree, 2);
    await setDeadline(db(), tree, good, DEADLINE);
    await poisonItem(poisoned);
    // A ledger row recorded for the poisoned item before its deadline went wrong.
    await db().query(
      `INSERT INTO reminder_delivery (recipient_id, item_id, kind, due_date, send_on, status)
       VALUES ($1, $2, 'approaching', $3, $4, 'pending')`,
      [tree.owner.id, poisoned, DEADLINE, SEND_ON],
    );
    await h.startWorker(NOW, { DIGEST_ATTEMPTS: '2', DIGEST_BACKOFF_MS: '100' });

    await waitFor('the poisoned ledger row failed', async () => {
      const rows = await db().query(`SELECT status FROM reminder_delivery WHERE item_id = $1`, [poisoned]);
      return rows[0]?.status === 'failed';
    });
    await waitFor('the good row sent', async () => {
      const rows = await db().query(`SELECT status FROM reminder_delivery WHERE item_id = $1`, [good]);
      return rows[0]?.status === 'sent';
    });
    const text = ownerText();
    expect(text.split(`/items/${good}`)).toHaveLength(2);
    expect(text).not.toContain(`/items/${poisoned}`);
    const [row] = await db().query(`SELECT error FROM reminder_delivery WHERE item_id = $1`, [poisoned]);
    expect(row.error).toContain('超出允许范围');
  });

  it('retries a reminder job it cannot judge, then records failed deliveries with the reason and keeps the job among the failed', async () => {
    const [good, poisoned] = await importProblems(db(), tree, 2);
    await setDeadline(db(), tree, good, DEADLINE);
    await poisonItem(poisoned);
    await h.startWorker(NOW);
    const reminders = h.queue('reminders');
    const job = await reminders.add(
      'reminder',
      { itemId: poisoned, kind: 'approaching', dueDate: DEADLINE, sendOn: SEND_ON },
      { jobId: `poisoned.${poisoned}`, attempts: 2, backoff: { type: 'fixed', delay: 100 } },
    );

    await waitFor('the job to fail for good', async () => (await job.getState()) === 'failed');
    await waitFor('the good item in a digest', () => ownerText().includes(`/items/${good}`));
    const failed = (await reminders.getJob(job.id!))!;
    expect(failed.attemptsMade).toBe(2);
    expect(failed.failedReason).toContain('超出允许范围');
    const rows = await db().query(`SELECT status, error FROM reminder_delivery WHERE item_id = $1`, [
      poisoned,
    ]);
    expect(rows).toEqual([expect.objectContaining({ status: 'failed' })]);
    expect(rows[0].error).toContain('超出允许范围');
    expect(ownerText()).not.toContain(`/items/${poisoned}`);
  });

  it('sweeps past an item it cannot schedule, restoring the others, and hands that item to the outbox', async () => {
    const [good, poisoned] = await importProblems(db(), tree, 2);
    await setDeadline(db(), tree, good, DEADLINE);
    await poisonItem(poisoned);
    // Neither is in the outbox: only the sweeper can schedule the good item's reminders.
    await db().query(`DELETE FROM outbox`);
    await h.startWorker(NOW, {
      SWEEP_EVERY_SECONDS: '1',
      OUTBOX_MAX_ATTEMPTS: '2',
      OUTBOX_RETRY_BASE_MS: '100',
    });

    await waitFor('the good item in a digest', () => ownerText().includes(`/items/${good}`), 30_000);
    await waitFor('the poisoned item parked in the outbox', async () => {
      const rows = await db().query(`SELECT 1 FROM outbox WHERE failed_at IS NOT NULL`);
      return rows.length === 1;
    });
    const outbox = await db().query(`SELECT item_id, reason, last_error FROM outbox`);
    expect(outbox).toEqual([expect.objectContaining({ item_id: poisoned, reason: 'SWEEP_UNSCHEDULABLE' })]);
    expect(outbox[0].last_error).toContain('超出允许范围');
    expect(ownerText()).not.toContain(`/items/${poisoned}`);
  });

  it('records the other jobs of a batch when one job carries an item id the database refuses', async () => {
    const items = await importProblems(db(), tree, 5);
    for (const item of items) await setDeadline(db(), tree, item, DEADLINE);
    // The use case as the worker runs it, without a worker: nothing else records meanwhile.
    const config = readWorkerConfig(h.env(NOW));
    const clock = clockStartingAt(new Date(NOW));
    const settings: ReminderSettings = {
      calendar,
      clock,
      thresholds: { yellowWorkdaysBefore: 3, escalateWorkdaysAfter: 2 },
      digestTime: '00:00',
      digestCollectSeconds: 1,
      appBaseUrl: config.APP_BASE_URL,
      queueDays: config.REMINDER_QUEUE_DAYS,
    };
    const queues = new BullReminderQueues(config, clock);
    h.queue('digests'); // emptied when the test ends
    try {
      const jobs: ReminderJobData[] = items.map((itemId) => ({
        itemId,
        kind: 'approaching',
        dueDate: DEADLINE,
        sendOn: SEND_ON,
      }));
      const broken: ReminderJobData = {
        itemId: 'not-a-uuid',
        kind: 'approaching',
        dueDate: DEADLINE,
        sendOn: SEND_ON,
      };
      const recordDueReminders = new RecordDueRemindersUseCase(
        new PgReminderLedgerRepository(db()),
        new PgReminderSubjectsRepository(db()),
        queues,
        settings,
      );
      const outcomes = await recordDueReminders.execute([...jobs.slice(0, 2), broken, ...jobs.slice(2)]);
      expect(outcomes.filter((o) => o === 'recorded')).toHaveLength(5);
      expect(outcomes[2]).toBeInstanceOf(ReminderFailure);
      expect((outcomes[2] as ReminderFailure).error).toContain('not-a-uuid');
      expect((await h.ledger()).map((r) => r.item).sort()).toEqual([...items].sort());
    } finally {
      await queues.onApplicationShutdown();
    }
  });
});

/** The API on the harness's database, and an administrator's token. */
async function startApi(h: ReminderHarness, tree: ReminderTree) {
  const app = await createApiApp(
    readApiConfig({
      NODE_ENV: 'test',
      DATABASE_URL: h.databaseUrl,
      REDIS_URL: process.env.REDIS_URL,
      QUEUE_PREFIX: h.prefix,
      JWT_SECRET: 'poison-rows-test-secret-0123456789',
    }),
  );
  await app.init();
  const username = `admin-${tree.tag}`;
  await addUser(h.db.dataSource, {
    username,
    organisationName: tree.committee.name,
    role: 'admin',
    password: PASSWORD,
  });
  const login = await request(app.getHttpServer())
    .post('/api/auth/login')
    .send({ username, password: PASSWORD })
    .expect(200);
  return { app, token: login.body.accessToken as string };
}
