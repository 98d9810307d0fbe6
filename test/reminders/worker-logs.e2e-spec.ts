import { reminderJobId } from '@rectify/application';
import { Job, Queue } from 'bullmq';
import { PrivateRedis } from '../support/private-redis';
import { type CuttableProxy } from '../support/cuttable-proxy';
import {
  importProblems,
  seedReminderTree,
  setDeadline,
  SEND_ON,
  DEADLINE,
  secondsBefore,
} from '../support/reminder-fixture';
import { ReminderHarness, WorkerProcess } from '../support/reminder-worker';
import { waitFor } from '../support/smtp-test-server';

jest.setTimeout(120_000);

// Yellow reminders (owner only) fall due on SEND_ON; the worker's clock starts a few seconds
// before, so they fall due while the database is cut off.
const clockStart = secondsBefore(3);
const ITEMS = 40;
const TRIES_EACH = 3;
const OUTAGE_MS = 4000;

describe('what the worker prints through a database outage and a Redis outage', () => {
  const h = new ReminderHarness();
  const redis = new PrivateRedis();
  let proxy: CuttableProxy;
  beforeAll(async () => {
    await Promise.all([h.start(), redis.start()]);
    proxy = await h.proxyDatabase();
  });
  afterAll(async () => {
    await proxy.close();
    await redis.stop();
    await h.stop();
  });

  it('prints a bounded summary instead of a line per job and attempt, one line when Redis goes and one when it is back, no unhandled error event, and stops at once on SIGTERM while Redis is away', async () => {
    const tree = await seedReminderTree(h.db.dataSource);
    const items = await importProblems(h.db.dataSource, tree, ITEMS);
    for (const item of items) await setDeadline(h.db.dataSource, tree, item, DEADLINE);
    const worker = new WorkerProcess(
      h.env(clockStart, {
        REDIS_URL: redis.url,
        DATABASE_URL: proxy.routeUrl(h.databaseUrl),
        REMINDER_BACKOFF_MS: '100',
        LOG_SUMMARY_SECONDS: '2',
        SWEEP_EVERY_SECONDS: '3600',
      }),
    );
    const reminders = new Queue('reminders', { connection: { url: redis.url }, prefix: h.prefix });
    reminders.on('error', () => undefined); // the test's own client, while Redis is stopped
    try {
      const health = await worker.healthUrl();
      await waitFor(
        'the reminders to wait in Redis',
        async () => (await reminders.getDelayedCount()) === ITEMS, // each one's yellow tier (queue window)
      );

      // The database goes away as every item's reminder falls due: each job is tried again and again.
      proxy.cut();
      const ids = items.map((itemId) =>
        reminderJobId({ itemId, kind: 'approaching', dueDate: DEADLINE, sendOn: SEND_ON }),
      );
      await waitFor(
        `every job tried ${TRIES_EACH} times`,
        async () => {
          const jobs = await Promise.all(ids.map((id) => Job.fromId(reminders, id)));
          return jobs.every((j) => (j?.attemptsStarted ?? 0) >= TRIES_EACH);
        },
        60_000,
      );
      proxy.restore();
      await waitFor('the digest', () => h.smtp.to(tree.email(tree.owner)).length >= 1, 90_000);

      await redis.stop();
      await worker.waitForLine(/Redis unreachable/);
      await waitFor('health to report Redis down', async () => (await fetch(health)).status === 503);
      // The outage lasts a few seconds (a scenario, not a wait for a result): every client of
      // the worker tries to reconnect several times meanwhile.
      await new Promise((r) => setTimeout(r, OUTAGE_MS));
      await redis.start();
      await worker.waitForLine(/Redis reachable again/);
      await waitFor('health to recover', async () => (await fetch(health)).status === 200);

      // Stopped while Redis is away again: it exits at once, dropping its connections.
      await reminders.close();
      await redis.stop();
      await waitFor(
        'a second outage noticed',
        () => worker.lines().filter((l) => /Redis unreachable/.test(l)).length === 2,
      );
      await worker.stop('SIGTERM', 15_000);
      expect(worker.exitCode).toBe(0);
    } finally {
      await reminders.close();
      await worker.stop('SIGKILL');
    }

    const lines = worker.lines();
    expect(lines.join('\n')).not.toContain('Unhandled error event');
    expect(lines.filter((l) => /Redis unreachable/.test(l))).toHaveLength(2);
    const back = lines.filter((l) => /Redis reachable again/.test(l));
    expect(back).toHaveLength(1);
    expect(Number(/\((\d+) Redis errors meanwhile\)/.exec(back[0])![1])).toBeGreaterThanOrEqual(10);
    expect(
      lines.some((l) =>
        /reminders: \d+ tries put off until the database answers \(attempts kept\) in the last 2 s/.test(l),
      ),
    ).toBe(true);
    // ITEMS × TRIES_EACH failed tries, and as many Redis errors as reconnection attempts: a
    // line each would be hundreds. Summaries come once per source and interval.
    const warnings = lines.filter((l) => /\bWARN\b/.test(l));
    expect(warnings.length).toBeLessThan(40);
  });
});
