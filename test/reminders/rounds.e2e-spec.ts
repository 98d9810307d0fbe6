import { Queue } from 'bullmq';
import {
  importProblems,
  seedReminderTree,
  setDeadline,
  type ReminderTree,
} from '../support/reminder-fixture';
import { waitForRemindersQuiet } from '../support/reminders-quiet';
import { ReminderHarness } from '../support/reminder-worker';
import { type RobotStandIn, startRobotStandIn } from '../support/robot-platforms';
import { waitFor } from '../support/smtp-test-server';

jest.setTimeout(90_000);

// Tuesday 8 October 2024: the items are due today, so their 'due' tier fires at once.
const TODAY = '2024-10-08';
const ITEMS = 3;
// The clock starts 15 s before the digest time (and before the end of the robots' minute): the
// tiers are recorded before the rounds' lead (10 s) runs out, so both go through the rounds.
const CLOCK_START = `${TODAY}T07:59:45+08:00`;
const SLOT = Math.round(new Date(`${TODAY}T08:00:00+08:00`).getTime() / 60_000);

describe('digest and robot rounds', () => {
  let h: ReminderHarness;
  let tree: ReminderTree;
  let robot: RobotStandIn;
  const queues: Queue[] = [];
  beforeEach(async () => {
    h = new ReminderHarness();
    await h.start();
    tree = await seedReminderTree(h.db.dataSource);
    robot = await startRobotStandIn('wecom');
  });
  afterEach(async () => {
    await Promise.all(queues.splice(0).map((q) => q.close()));
    await h.stop();
    await robot.close();
  });
  const queue = (name: string) => {
    const q = new Queue(name, { connection: { url: process.env.REDIS_URL }, prefix: h.prefix });
    queues.push(q);
    return q;
  };
  const robotTierRows = async () =>
    (
      (await h.db.dataSource.query(
        `SELECT count(*)::int AS n FROM notification WHERE channel = 'robot' AND dedupe_key LIKE 'tier.%'`,
      )) as { n: number }[]
    )[0].n;
  const jobIds = async (q: Queue) => (await q.getJobs(['delayed', 'waiting', 'active'])).map((j) => j.id);

  it('queues one digest round and one robots’ round for a storm before the digest time, and each sends once when its time comes', async () => {
    const db = h.db.dataSource;
    const items = await importProblems(db, tree, ITEMS);
    for (const item of items) await setDeadline(db, tree, item, TODAY);
    await db.query(
      `INSERT INTO organisation_robot (organisation_id, platform, webhook_url, secret, kinds)
       VALUES ($1, $2, $3, $4, $5)`,
      [tree.branch.id, robot.platform, robot.webhookUrl, robot.secret, ['due']],
    );
    await h.startWorker(CLOCK_START, { REMINDER_DIGEST_TIME: '08:00', ROBOT_INTERVAL_SECONDS: '60' });

    // Recorded: the owner's and the secretary's rows for every item.
    await waitFor('the tiers recorded', async () => (await h.ledger()).length === 2 * ITEMS);
    const digests = queue('digests');
    const notifications = queue('notifications');
    // Before the digest time: the day's round alone, no digest per recipient, and one round for
    // the robots' slot, no batch per robot.
    expect(await jobIds(digests)).toEqual([`digestround.${TODAY}`]);
    // (The transitions' event fan-outs may still be in the queue: robot jobs are what counts.)
    expect((await jobIds(notifications)).filter((id) => id?.startsWith('robot'))).toEqual([
      `robotround.${SLOT}`,
    ]);
    expect(h.smtp.received).toHaveLength(0);
    expect(robot.received).toHaveLength(0);
    // The storm wrote no robot row: its tiers wait in the robots' backlog, each item once though
    // two people got its tier.
    expect(await robotTierRows()).toBe(0);
    const [backlog] = await db.query(
      `SELECT array_agg(t.item_id ORDER BY t.item_id) AS items, array_agg(DISTINCT t.kind) AS kinds
         FROM robot_tier_backlog b CROSS JOIN LATERAL unnest(b.item_ids, b.kinds) AS t(item_id, kind)`,
    );
    expect({ items: backlog.items, kinds: backlog.kinds }).toEqual({
      items: [...items].sort(),
      kinds: ['due'],
    });

    await waitFor(
      'both digests and the robot message',
      () => h.smtp.received.length >= 2 && robot.received.length >= 1,
      40_000,
    );
    await waitForRemindersQuiet(db, { redisUrl: process.env.REDIS_URL!, prefix: h.prefix });
    for (const who of [tree.owner, tree.secretary]) {
      const mails = h.smtp.to(tree.email(who));
      expect(mails).toHaveLength(1);
      for (let n = 1; n <= ITEMS; n++) expect(mails[0].parsed.text).toContain(`${tree.tag}-${n}`);
    }
    expect(robot.received).toHaveLength(1);
    expect(robot.received[0].links.map((l) => l.url.split('/items/')[1]).sort()).toEqual([...items].sort());
    expect((await h.ledger()).every((r) => r.status === 'sent')).toBe(true);
    const [{ open }] = await db.query(
      `SELECT count(*)::int AS open FROM notification WHERE channel = 'robot' AND status <> 'sent'`,
    );
    expect(open).toBe(0);
    // The round turned the backlog into one robot row per item, and emptied it.
    expect(await robotTierRows()).toBe(ITEMS);
    expect(await db.query(`SELECT id FROM robot_tier_backlog`)).toEqual([]);
  });
});
