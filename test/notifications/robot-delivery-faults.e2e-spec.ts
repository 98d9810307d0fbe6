import { PgReminderLedgerRepository } from '@rectify/persistence';
import { type DataSource } from 'typeorm';
import { transitionItem } from '../support/item-commands';
import { importProblems, type ReminderTree, seedReminderTree } from '../support/reminder-fixture';
import { waitForRemindersQuiet } from '../support/reminders-quiet';
import { ReminderHarness, WorkerProcess } from '../support/reminder-worker';
import { type RobotStandIn, startRobotStandIn } from '../support/robot-platforms';
import { waitFor } from '../support/smtp-test-server';

jest.setTimeout(120_000);

const DEADLINE = '2025-06-30';
const FAST = {
  ROBOT_INTERVAL_SECONDS: '1',
  NOTICE_EMAIL_COLLECT_SECONDS: '1',
  NOTIFY_BACKOFF_MS: '200',
};

// A group robot's message is at most once per slot and never lost: the worker killed while the
// platform holds its request delivers it once after restart; a message due in quiet hours waits
// for the morning and goes then.
describe('group-robot delivery through crashes and quiet hours', () => {
  let h: ReminderHarness;
  let tree: ReminderTree;
  let db: DataSource;
  let wecom: RobotStandIn;

  beforeEach(async () => {
    h = new ReminderHarness();
    await h.start();
    db = h.db.dataSource;
    tree = await seedReminderTree(db);
    wecom = await startRobotStandIn('wecom');
  });
  afterEach(async () => {
    await h.stop();
    await wecom.close();
  });

  async function connect(quiet: [string, string] | null): Promise<void> {
    await db.query(
      `INSERT INTO organisation_robot (organisation_id, platform, webhook_url, kinds, quiet_from, quiet_until)
       VALUES ($1, 'wecom', $2, ARRAY['returned'], $3, $4)`,
      [tree.branch.id, wecom.webhookUrl, quiet?.[0] ?? null, quiet?.[1] ?? null],
    );
  }

  /** One item returned by the supervisor: one robot row for the branch's robot. */
  async function returnedItem(): Promise<string> {
    const [item] = await importProblems(db, tree, 1);
    const owner = tree.owner.id;
    const measures = [{ title: '建立制度', responsible: '王五', deadline: DEADLINE }];
    await transitionItem(db, {
      itemId: item,
      event: 'SET_MEASURES',
      payload: { measures },
      actorUserId: owner,
    });
    await transitionItem(db, {
      itemId: item,
      event: 'SUBMIT_COMPLETION',
      payload: { evidence: '已完成' },
      actorUserId: owner,
    });
    await transitionItem(db, {
      itemId: item,
      event: 'RETURN_FOR_REWORK',
      payload: { reason: '请补充佐证' },
      actorUserId: tree.parent.id,
    });
    return item;
  }

  const robotRows = (): Promise<{ status: string; send_after: Date }[]> =>
    db.query(`SELECT status, send_after FROM notification WHERE channel = 'robot'`);

  it('delivers once after the worker is killed while the platform holds the message', async () => {
    await connect(null);
    await returnedItem();
    wecom.holdRequests();
    const env = h.env('2024-11-12T10:00:00+08:00', { ...FAST, JOB_LOCK_MS: '2000' });
    const first = new WorkerProcess(env);
    await wecom.whenHeld(1);
    await first.stop('SIGKILL');
    await wecom.whenAbandoned(1);
    expect(wecom.received).toHaveLength(0);
    expect((await robotRows()).map((r) => r.status)).toEqual(['sending']);

    // The platform answers again; a new worker finds the job stalled and sends it.
    const release = wecom.holdRequests();
    release();
    const second = new WorkerProcess(env);
    try {
      await waitFor('the message after restart', () => wecom.received.length >= 1, 60_000);
      await waitFor('the row to be sent', async () => (await robotRows())[0]?.status === 'sent');
      await waitForRemindersQuiet(db, { redisUrl: process.env.REDIS_URL!, prefix: h.prefix });
    } finally {
      await second.stop();
    }
    expect(wecom.received).toHaveLength(1);
    expect(wecom.received[0].text).toContain('被退回整改');
  });

  it('sends the tiers a lost round left in the robots’ backlog, through the sweeper', async () => {
    await db.query(
      `INSERT INTO organisation_robot (organisation_id, platform, webhook_url, kinds)
       VALUES ($1, 'wecom', $2, ARRAY['due'])`,
      [tree.branch.id, wecom.webhookUrl],
    );
    const items = await importProblems(db, tree, 2);
    // Recorded as a reminder batch records them (the tiers go into the backlog in the same
    // statement), but the round it added is gone, as when Redis lost it: no worker has run yet.
    const tier = (itemId: string) => ({
      recipientId: tree.owner.id,
      itemId,
      kind: 'due' as const,
      dueDate: '2024-11-12',
      sendOn: '2024-11-12',
    });
    expect(await new PgReminderLedgerRepository(db).recordDue(items.map(tier))).toHaveLength(2);

    await h.startWorker('2024-11-12T10:00:00+08:00', { ...FAST, SWEEP_EVERY_SECONDS: '1' });
    await waitFor('the tiers’ message', () => wecom.received.length >= 1, 30_000);
    await waitFor(
      'the backlog emptied',
      async () => (await db.query(`SELECT id FROM robot_tier_backlog`)).length === 0,
    );
    await waitForRemindersQuiet(db, { redisUrl: process.env.REDIS_URL!, prefix: h.prefix });
    expect(wecom.received).toHaveLength(1);
    expect(wecom.received[0].links.map((l) => l.url.split('/items/')[1]).sort()).toEqual([...items].sort());
    expect((await robotRows()).map((r) => r.status)).toEqual(['sent', 'sent']);
  });

  it('holds a message of the night until the quiet hours end, then sends it', async () => {
    await connect(['22:00', '07:00']);
    await returnedItem();
    await h.startWorker('2024-11-12T23:30:00+08:00', FAST);
    await waitFor('the robot row', async () => (await robotRows()).length === 1);
    await waitForRemindersQuiet(db, { redisUrl: process.env.REDIS_URL!, prefix: h.prefix });
    const [held] = await robotRows();
    expect(held.status).toBe('pending');
    expect(new Date(held.send_after).toISOString()).toBe('2024-11-12T23:00:00.000Z'); // 07:00 in Beijing
    expect(wecom.received).toHaveLength(0);

    // Morning: the sweeper finds the row due and its slot's job sends it.
    await h.stopWorkers();
    await h.startWorker('2024-11-13T07:00:05+08:00', { ...FAST, SWEEP_EVERY_SECONDS: '1' });
    await waitFor('the morning message', () => wecom.received.length >= 1, 30_000);
    await waitFor('the row to be sent', async () => (await robotRows())[0]?.status === 'sent');
    expect(wecom.received).toHaveLength(1);
  });
});
