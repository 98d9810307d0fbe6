import { QUEUES } from '@rectify/queue';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { PrivateRedis } from '../support/private-redis';
import {
  importProblems,
  seedReminderTree,
  setDeadline,
  type ReminderTree,
  SEND_ON,
  DEADLINE,
  secondsBefore,
} from '../support/reminder-fixture';
import { waitForRemindersQuiet } from '../support/reminders-quiet';
import { ReminderHarness, WorkerProcess } from '../support/reminder-worker';
import { waitFor } from '../support/smtp-test-server';

jest.setTimeout(90_000);

// Each item gets a yellow reminder (owner only) on 12 November 2024. The worker's clock starts
// a few seconds before that day, so the reminder job waits in Redis briefly before it fires.
const NOW = `${SEND_ON}T08:00:00+08:00`;

describe('reminders under faults: none lost, none duplicated', () => {
  let h: ReminderHarness;
  let tree: ReminderTree;
  beforeEach(async () => {
    h = new ReminderHarness();
    await h.start();
    tree = await seedReminderTree(h.db.dataSource);
  });
  afterEach(() => h.stop());

  const ownerMails = () => h.smtp.to(tree.email(tree.owner));
  // Nothing queued, running or due soon, and the outbox relayed: no further email can come.
  const settle = (redisUrl = process.env.REDIS_URL!) =>
    waitForRemindersQuiet(h.db.dataSource, { redisUrl, prefix: h.prefix });

  it('retries a digest the SMTP server answers with 451, and delivers it once', async () => {
    h.smtp.refuseNext(451, 2);
    const [item] = await importProblems(h.db.dataSource, tree, 1);
    await setDeadline(h.db.dataSource, tree, item, DEADLINE);
    await h.startWorker(NOW);
    await waitFor('the digest after two refusals', () => ownerMails().length >= 1);
    await settle();
    expect(ownerMails()).toHaveLength(1);
    expect(await h.ledger()).toEqual([expect.objectContaining({ kind: 'approaching', status: 'sent' })]);
    const [{ attempts }] = await h.db.dataSource.query(`SELECT attempts FROM reminder_delivery`);
    expect(attempts).toBe(3);
  });

  it('records a digest refused with 550 as failed, with the reason, and does not retry it', async () => {
    h.smtp.refuseNext(550, 1);
    const [item] = await importProblems(h.db.dataSource, tree, 1);
    await setDeadline(h.db.dataSource, tree, item, DEADLINE);
    await h.startWorker(NOW);
    await waitFor('the refusal to be recorded', async () => (await h.ledger())[0]?.status === 'failed');
    await settle();
    expect(h.smtp.received).toHaveLength(0);
    const [row] = await h.db.dataSource.query(`SELECT attempts, error FROM reminder_delivery`);
    expect(row.attempts).toBe(1);
    expect(row.error).toContain('邮件服务器拒收');
    expect(row.error).toContain('550');
  });

  it('delivers once when the SMTP server comes back after being down', async () => {
    await h.smtp.stop();
    const [item] = await importProblems(h.db.dataSource, tree, 1);
    await setDeadline(h.db.dataSource, tree, item, DEADLINE);
    await h.startWorker(NOW);
    await waitFor('a failed attempt', async () => {
      const rows = await h.db.dataSource.query(`SELECT attempts FROM reminder_delivery`);
      return rows[0]?.attempts >= 2;
    });
    await h.smtp.start();
    await waitFor('the digest', () => ownerMails().length >= 1);
    await settle();
    expect(ownerMails()).toHaveLength(1);
    expect((await h.ledger())[0].status).toBe('sent');
  });

  it('records and sends nothing new when the same jobs are delivered twice', async () => {
    const [item] = await importProblems(h.db.dataSource, tree, 1);
    await setDeadline(h.db.dataSource, tree, item, DEADLINE);
    await h.startWorker(NOW);
    await waitFor('the digest', () => ownerMails().length >= 1);

    const reminders = h.queue('reminders');
    const again = await reminders.add(
      'reminder',
      { itemId: item, kind: 'approaching', dueDate: DEADLINE, sendOn: SEND_ON },
      { jobId: `again.${item}` },
    );
    const digests = h.queue('digests');
    const digestAgain = await digests.add(
      'digest',
      { recipientId: tree.owner.id },
      { jobId: `digest.${tree.owner.id}.${SEND_ON}` },
    );
    await waitFor('both repeats to finish', async () =>
      (await Promise.all([again.getState(), digestAgain.getState()])).every(
        (s) => s === 'completed' || s === 'unknown',
      ),
    );
    expect((await reminders.getJob(again.id!))!.returnvalue).toBe('already_recorded');
    await settle();
    expect(ownerMails()).toHaveLength(1);
    expect(await h.ledger()).toHaveLength(1);
  });

  it('lets a running digest finish when the worker shuts down gracefully', async () => {
    const [item] = await importProblems(h.db.dataSource, tree, 1);
    await setDeadline(h.db.dataSource, tree, item, DEADLINE);
    h.smtp.stall(1500);
    const worker = await h.startWorker(NOW);
    await waitFor('the digest to be on the wire', () => h.smtp.dataStarted >= 1);
    await h.closeWorker(worker);
    expect(ownerMails()).toHaveLength(1);
    expect((await h.ledger())[0].status).toBe('sent');
  });

  describe('with a Redis server of its own', () => {
    const redis = new PrivateRedis();
    beforeEach(() => redis.start());
    // Workers first: closing them needs the Redis they were talking to.
    afterEach(async () => {
      await h.stopWorkers();
      await redis.stop();
    });

    it('restores, through the sweeper, a reminder that a Redis flush lost before it fired', async () => {
      const [item] = await importProblems(h.db.dataSource, tree, 1);
      await setDeadline(h.db.dataSource, tree, item, DEADLINE);
      await h.startWorker(secondsBefore(4), { REDIS_URL: redis.url, SWEEP_EVERY_SECONDS: '1' });
      const reminders = new Queue(QUEUES.reminders, { connection: { url: redis.url }, prefix: h.prefix });
      try {
        // The yellow tier waits, due in seconds; the later ones are beyond the queue window.
        await waitFor(
          'the reminders to wait in Redis',
          async () => (await reminders.getDelayedCount()) === 1,
        );
        const client = new Redis(redis.url);
        // Flushed and counted in one transaction: the sweeper (once a second) may restore the
        // jobs right after, but not in between.
        const [, counted] = (await client.multi().flushall().zcard(reminders.keys.delayed).exec()) ?? [];
        client.disconnect();
        expect(counted).toEqual([null, 0]);
        await waitFor('the digest', () => ownerMails().length >= 1, 30_000);
        await settle(redis.url);
        expect(ownerMails()).toHaveLength(1);
      } finally {
        await reminders.close();
      }
    });

    it('loses nothing while Redis is stopped and started again', async () => {
      const [first, second] = await importProblems(h.db.dataSource, tree, 2);
      await setDeadline(h.db.dataSource, tree, first, DEADLINE);
      await h.startWorker(secondsBefore(5), { REDIS_URL: redis.url });
      const reminders = new Queue(QUEUES.reminders, { connection: { url: redis.url }, prefix: h.prefix });
      await waitFor(
        'the first reminders to wait in Redis',
        async () => (await reminders.getDelayedCount()) === 1,
      );
      await reminders.close();
      await redis.stop();
      // Changed while Redis is away: the outbox keeps it until the relay gets through.
      await setDeadline(h.db.dataSource, tree, second, DEADLINE);
      await waitFor('the relay to try while Redis is away', async () => {
        const rows = await h.db.dataSource.query(`SELECT last_attempt_at FROM outbox WHERE item_id = $1`, [
          second,
        ]);
        return rows.length === 0 || rows[0].last_attempt_at !== null;
      });
      await redis.start();
      await waitFor(
        'both items in digests',
        () => {
          const text = ownerMails()
            .map((m) => m.parsed.text)
            .join('\n');
          return text.includes(`/items/${first}`) && text.includes(`/items/${second}`);
        },
        30_000,
      );
      await settle(redis.url);
      const text = ownerMails()
        .map((m) => m.parsed.text)
        .join('\n');
      expect(text.split(`/items/${first}`)).toHaveLength(2);
      expect(text.split(`/items/${second}`)).toHaveLength(2);
      expect((await h.ledger()).map((r) => r.status)).toEqual(['sent', 'sent']);
    });
  });

  it('sends once when the worker is killed with SIGKILL in the middle of sending and restarted', async () => {
    const [item] = await importProblems(h.db.dataSource, tree, 1);
    await setDeadline(h.db.dataSource, tree, item, DEADLINE);
    h.smtp.stall(4000);
    const env = h.env(NOW, { JOB_LOCK_MS: '2000' });
    const first = new WorkerProcess(env);
    try {
      await waitFor('the digest to be on the wire', () => h.smtp.dataStarted >= 1, 30_000);
    } finally {
      await first.stop('SIGKILL');
    }
    h.smtp.stall(0);
    const second = new WorkerProcess(env);
    try {
      await waitFor('the digest from the restarted worker', () => ownerMails().length >= 1, 45_000);
      await settle();
      expect(ownerMails()).toHaveLength(1);
      expect((await h.ledger())[0].status).toBe('sent');
    } finally {
      await second.stop();
    }
  });
});
