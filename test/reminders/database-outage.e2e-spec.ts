import { reminderJobId } from '@rectify/application';
import { Job, type Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import request from 'supertest';
import {
  importProblems,
  seedReminderTree,
  setDeadline,
  type ReminderTree,
  SEND_ON,
  DEADLINE,
  secondsBefore,
} from '../support/reminder-fixture';
import { ReminderHarness } from '../support/reminder-worker';
import { waitFor } from '../support/smtp-test-server';

jest.setTimeout(90_000);

// Each item gets a yellow reminder (owner only) on SEND_ON. The worker's clock starts a few
// seconds before that day, so the reminder jobs wait in Redis briefly before they fall due.
const OUTAGE_ERROR = '处理提醒时出错：connect ECONNREFUSED 127.0.0.1:5432';
// Few attempts and a short backoff, so a job spends them in a second, not 511 s.
const QUICK_RETRIES = { REMINDER_ATTEMPTS: '2', REMINDER_BACKOFF_MS: '100' };
// Long: only the sweep the test asks for (or the worker's first) runs.
const NO_SWEEP = { SWEEP_EVERY_SECONDS: '3600' };

describe('reminders due during a long database outage', () => {
  let h: ReminderHarness;
  let tree: ReminderTree;
  let item: string;
  let reminders: Queue;
  beforeEach(async () => {
    h = new ReminderHarness();
    await h.start();
    reminders = h.queue('reminders');
    tree = await seedReminderTree(h.db.dataSource);
    [item] = await importProblems(h.db.dataSource, tree, 1);
    await setDeadline(h.db.dataSource, tree, item, DEADLINE);
  });
  afterEach(() => h.stop());

  const jobId = () =>
    reminderJobId({ itemId: item, kind: 'approaching', dueDate: DEADLINE, sendOn: SEND_ON });
  const ownerMails = () => h.smtp.to(tree.email(tree.owner));

  /**
   * The reminder job as the issue found it: the worker queued it, then it fell due and spent
   * every attempt failing as it does while the database is away, leaving no ledger row.
   */
  async function failReminderForGood(): Promise<void> {
    const first = await h.startWorker(secondsBefore(3), { ...QUICK_RETRIES, ...NO_SWEEP });
    await waitFor(
      'the reminder jobs to wait in Redis',
      async () => (await reminders.getDelayedCount()) === 1, // the yellow tier: the others are beyond the queue window
    );
    await h.closeWorker(first);
    const failing = new Worker(
      'reminders',
      async () => {
        throw new Error(OUTAGE_ERROR);
      },
      { connection: { url: process.env.REDIS_URL }, prefix: h.prefix },
    );
    try {
      await waitFor(
        'the job to fail for good',
        async () => (await reminders.getJobState(jobId())) === 'failed',
      );
    } finally {
      await failing.close();
    }
    const job = await Job.fromId(reminders, jobId());
    expect(job!.attemptsMade).toBe(2);
    expect(await h.ledger()).toEqual([]);
  }

  it('retries, at the next sweep, a due reminder job that spent its attempts while the database was away, and sends its email', async () => {
    await failReminderForGood();
    // A sweep after the outage: the worker's first one (a changed interval starts the schedule anew).
    await h.startWorker(`${SEND_ON}T08:00:00+08:00`, { ...QUICK_RETRIES, SWEEP_EVERY_SECONDS: '1' });

    await waitFor('the digest', () => ownerMails().length >= 1);
    expect(ownerMails()[0].parsed.text).toContain(`/items/${item}`);
    await waitFor('the ledger row sent', async () => (await h.ledger())[0]?.status === 'sent');
    expect(await h.ledger()).toEqual([expect.objectContaining({ kind: 'approaching', status: 'sent' })]);
    const job = await Job.fromId(reminders, jobId());
    expect(await job!.getState()).toBe('completed');
    expect(job!.returnvalue).toBe('recorded');
  });

  it('reports failed reminder jobs the ledger does not account for in the worker health, and answers 503 once one outlasts two sweeps', async () => {
    await failReminderForGood();
    const worker = await h.startWorker(`${SEND_ON}T08:00:00+08:00`, { ...QUICK_RETRIES, ...NO_SWEEP });
    const health = () => request(worker.getHttpServer()).get('/health');

    const fresh = await health();
    expect(fresh.status).toBe(200);
    expect(fresh.body.info.reminderJobs).toEqual(
      expect.objectContaining({ status: 'up', failed: 1, unaccounted: 1 }),
    );

    // Failed three hours ago: two sweeps of an hour (plus a minute) should have retried it.
    const client = new Redis(process.env.REDIS_URL!);
    try {
      await client.zadd(`${h.prefix}:reminders:failed`, Date.now() - 3 * 3600_000, jobId());
    } finally {
      client.disconnect();
    }
    const stale = await health();
    expect(stale.status).toBe(503);
    expect(stale.body.error.reminderJobs).toEqual(
      expect.objectContaining({ status: 'down', failed: 1, unaccounted: 1 }),
    );
    expect(stale.body.error.reminderJobs.message).toContain('台账无记录');

    const maintenance = h.queue('maintenance');
    const sweep = await maintenance.add('sweep', {}, { jobId: 'sweep-now' });
    await waitFor('the sweep', async () => ['completed', 'failed'].includes(await sweep.getState()));
    const swept = await Job.fromId(maintenance, sweep.id!);
    expect({ state: await swept!.getState(), failedReason: swept!.failedReason }).toEqual({
      state: 'completed',
      failedReason: undefined,
    });
    await waitFor('the digest', () => ownerMails().length >= 1);
    const after = await health();
    expect(after.status).toBe(200);
    expect(after.body.info.reminderJobs).toEqual(expect.objectContaining({ failed: 0, unaccounted: 0 }));
  });

  it('keeps a reminder that falls due while the database is unreachable waiting without spending its attempts, and sends it once the database is back', async () => {
    const proxy = await h.proxyDatabase();
    try {
      await h.startWorker(secondsBefore(2), {
        ...QUICK_RETRIES,
        ...NO_SWEEP,
        DATABASE_URL: proxy.routeUrl(h.databaseUrl),
      });
      await waitFor(
        'the reminder jobs to wait in Redis',
        async () => (await reminders.getDelayedCount()) === 1, // the yellow tier: the others are beyond the queue window
      );
      proxy.cut();
      // Tried twice as often as it may fail, and still not failed.
      await waitFor('the job to be tried 4 times', async () => {
        const job = await Job.fromId(reminders, jobId());
        return (job?.attemptsStarted ?? 0) >= 4;
      });
      const waiting = await Job.fromId(reminders, jobId());
      expect(await waiting!.getState()).not.toBe('failed');
      expect(waiting!.attemptsMade).toBe(0);

      proxy.restore();
      await waitFor('the digest', () => ownerMails().length >= 1, 60_000);
      expect(ownerMails()[0].parsed.text).toContain(`/items/${item}`);
      await waitFor('the ledger row sent', async () => (await h.ledger())[0]?.status === 'sent');
    } finally {
      await h.stopWorkers();
      await proxy.close();
    }
  });
});
