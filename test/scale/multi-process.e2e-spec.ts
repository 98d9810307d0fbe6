import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DataSource } from 'typeorm';
import { addOrganisation, addUser } from '../support/admin-fixtures';
import { ApiProcess, freePort } from '../support/app-process';
import { transitionItem } from '../support/item-commands';
import {
  importProblems,
  type ReminderTree,
  seedReminderTree,
  setDeadline,
} from '../support/reminder-fixture';
import { waitForRemindersQuiet } from '../support/reminders-quiet';
import { ReminderHarness, WorkerProcess } from '../support/reminder-worker';
import { type RobotStandIn, startRobotStandIn } from '../support/robot-platforms';
import { waitFor } from '../support/smtp-test-server';

// Four processes (their start-up on a loaded machine, a storm, a graceful stop) on two cores.
jest.setTimeout(240_000);

/** A working day; the storm's items fall due on it, so each reminds its branch's secretaries. */
const TODAY = '2024-12-31';
const CLOCK = `${TODAY}T08:00:00+08:00`;
/** Items due today: one 到期 reminder each to the owner and the other secretary. */
const STORM_ITEMS = 300;
/** Items submitted for sign-off: each tells the supervisor by email and 站内消息, and the robot. */
const EVENT_ITEMS = 6;
const PASSWORD = 'multi-process-1';
// Each worker's clock starts at RECTIFY_CLOCK_START when it has started up, so two workers'
// clocks differ by their start-up times (a second or two on a loaded machine), where production's
// clocks differ by milliseconds. The notification slots stay longer than that difference: a slot's
// job that runs on a worker whose clock is behind the slot would find nothing due yet.
const WORKER_SETTINGS = {
  NOTICE_EMAIL_COLLECT_SECONDS: '5',
  ROBOT_INTERVAL_SECONDS: '5',
  NOTIFY_BACKOFF_MS: '200',
  // The sweeper runs as each worker starts, not again during the test: what the workers hand
  // each other must arrive without a periodic sweep putting it back.
  SWEEP_EVERY_SECONDS: '3600',
};

interface Login {
  status: number;
  body: { accessToken?: string; code?: string };
}

// Several processes, one truth: two API processes and two workers against the one PostgreSQL
// server (a database of this test's own) and the one Redis (a key prefix of its own), as a
// province deploys them. What one API process counts or stores, the other sees; every reminder
// and notification is sent once however the work is shared out, and a worker stopped in the
// middle of a storm loses nothing.
describe('two API processes and two workers on one PostgreSQL and one Redis', () => {
  const h = new ReminderHarness();
  const apis: ApiProcess[] = [];
  const workers: WorkerProcess[] = [];
  let urls: string[] = [];
  /** Two more API processes with EVIDENCE_STORE=disk on one folder, stopped after their test. */
  const diskApis: ApiProcess[] = [];
  let diskUrls: string[] = [];
  let evidenceDir = '';
  let db: DataSource;
  let tree: ReminderTree;
  /** A branch beside the storm's, for the throttle's victim: the storm reminds nobody here. */
  let side: { name: string };
  let robot: RobotStandIn;
  /** One secret for every API process: a token from one is good at the others. */
  let jwtSecret: string;

  /** An API process's environment: this test's database, Redis prefix and secret, a free port. */
  const apiEnv = async (over: Record<string, string>): Promise<Record<string, string>> => ({
    NODE_ENV: 'test',
    API_HOST: '127.0.0.1',
    API_PORT: String(await freePort()),
    DATABASE_URL: h.databaseUrl,
    REDIS_URL: process.env.REDIS_URL ?? '',
    QUEUE_PREFIX: h.prefix,
    JWT_SECRET: jwtSecret,
    ...over,
  });

  beforeAll(async () => {
    await h.start();
    db = h.db.dataSource;
    robot = await startRobotStandIn('dingtalk', { secret: 'SEC-multi-process-secret' });
    jwtSecret = randomBytes(32).toString('hex');
    for (let i = 0; i < 2; i++) apis.push(new ApiProcess(await apiEnv({ EVIDENCE_STORE: 'database' })));
    // A second pair, for evidence on disk, started beside the first (their start-ups overlap).
    evidenceDir = mkdtempSync(join(tmpdir(), 'rectify-shared-evidence-'));
    for (let i = 0; i < 2; i++) {
      diskApis.push(new ApiProcess(await apiEnv({ EVIDENCE_STORE: 'disk', EVIDENCE_DIR: evidenceDir })));
    }
    tree = await seedReminderTree(db);
    side = await addOrganisation(db, { name: `佐证党支部-${tree.tag}`, parentName: tree.general.name });
    urls = await Promise.all(apis.map((api) => api.url(120_000)));
    diskUrls = await Promise.all(diskApis.map((api) => api.url(120_000)));
  });
  afterAll(async () => {
    await Promise.allSettled([...apis, ...diskApis, ...workers].map((p) => p.stop('SIGKILL')));
    if (evidenceDir) rmSync(evidenceDir, { recursive: true, force: true });
    await robot?.close();
    await h.stop();
  });

  const login = async (api: number, username: string, password: string): Promise<Login> => {
    const res = await fetch(`${urls[api]}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    return { status: res.status, body: (await res.json()) as Login['body'] };
  };

  it('shares the login throttle: five wrong passwords through each API process, then both answer 429', async () => {
    const victim = await addUser(db, {
      username: `victim-${tree.tag}`,
      organisationName: side.name,
      password: PASSWORD,
    });
    for (const api of [0, 1]) {
      for (let i = 0; i < 5; i++)
        expect((await login(api, victim.username, 'wrong-password')).status).toBe(401);
    }
    for (const api of [1, 0]) {
      const refused = await login(api, victim.username, PASSWORD);
      expect(refused.status).toBe(429);
      expect(refused.body.code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
    }
  });

  it('downloads through one API process, byte for byte, the evidence file uploaded through the other (EVIDENCE_STORE=database)', async () => {
    const { itemId, id } = await handOver(urls);
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM evidence e JOIN evidence_file f ON f.key::text = e.storage_key
        WHERE e.id = $1 AND e.item_id = $2`,
      [id, itemId],
    );
    expect(n).toBe(1);
  });

  it('does the same with EVIDENCE_STORE=disk on a folder both API processes share', async () => {
    const { id } = await handOver(diskUrls);
    const [{ storage_key }] = await db.query(`SELECT storage_key FROM evidence WHERE id = $1`, [id]);
    expect(readdirSync(evidenceDir)).toContain(storage_key);
    // Their work is done: the storm below runs on the first pair and the workers alone.
    await Promise.all(diskApis.map((api) => api.stop()));
  });

  /**
   * A secretary of a new branch beside the storm's uploads a file to an item of theirs through `through[0]` and
   * downloads it through `through[1]` with the same token: the bytes must be the same.
   */
  async function handOver(through: string[]): Promise<{ itemId: string; id: string }> {
    const tag = randomBytes(4).toString('hex');
    const branch = await addOrganisation(db, { name: `佐证党支部-${tag}`, parentName: tree.general.name });
    const uploader = await addUser(db, {
      username: `uploader-${tag}`,
      organisationName: branch.name,
      password: PASSWORD,
    });
    const [itemId] = await importProblems(db, { ...tree, branch: { ...tree.branch, name: branch.name } }, 1);
    const token = (await login(0, uploader.username, PASSWORD)).body.accessToken!;
    // A PNG signature, then 300 KB that compress to nothing and 300 KB of noise.
    const bytes = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(300 * 1024, 0),
      randomBytes(300 * 1024),
    ]);
    const form = new FormData();
    form.append('text', '支委会会议照片');
    form.append('file', new Blob([bytes], { type: 'image/png' }), '会议照片.png');
    const uploaded = await fetch(`${through[0]}/items/${itemId}/evidence`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: form,
    });
    expect(uploaded.status).toBe(201);
    const { id } = (await uploaded.json()) as { id: string };

    const downloaded = await fetch(`${through[1]}/items/${itemId}/evidence/${id}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get('content-type')).toBe('image/png');
    expect(Buffer.compare(Buffer.from(await downloaded.arrayBuffer()), bytes)).toBe(0);
    return { itemId, id };
  }

  it('sends every reminder and notification of a storm once, with one worker stopped by SIGTERM in the middle and started again', async () => {
    const stormItems = await importProblems(db, tree, STORM_ITEMS);
    for (let i = 0; i < stormItems.length; i += 20) {
      await Promise.all(stormItems.slice(i, i + 20).map((item) => setDeadline(db, tree, item, TODAY)));
    }
    await db.query(
      `INSERT INTO organisation_robot (organisation_id, platform, webhook_url, secret, kinds)
       VALUES ($1, $2, $3, $4, $5)`,
      [tree.general.id, robot.platform, robot.webhookUrl, robot.secret, ['submitted']],
    );
    const eventItems = await importProblems(db, tree, EVENT_ITEMS);
    for (const itemId of eventItems) await submit(itemId);

    // Mail waits at the server until the stop below, so the storm is surely still under way then.
    h.smtp.hold();
    const env = h.env(CLOCK, WORKER_SETTINGS);
    const started = Date.now();
    workers.push(new WorkerProcess(env), new WorkerProcess(env));
    await waitFor(
      'the storm under way: half the reminders recorded, a mail held at the server',
      async () => h.smtp.held >= 1 && (await recorded()) >= STORM_ITEMS / 2,
      120_000,
    );

    const stopping = workers[1].stop('SIGTERM');
    h.smtp.release();
    await stopping;
    expect(workers[1].exitCode).toBe(0);
    // Started again on the same clock as the other (the time since the first two started on).
    const clockNow = new Date(new Date(CLOCK).getTime() + Date.now() - started).toISOString();
    workers.push(new WorkerProcess(h.env(clockNow, WORKER_SETTINGS)));

    const expectedReminders = STORM_ITEMS * 2;
    // Three channels per submission; the reminders' 站内消息 are their own ledger rows.
    const expectedNotifications = EVENT_ITEMS * 3;
    await waitFor(
      'every reminder and notification sent',
      async () =>
        (await sent('reminder_delivery')) === expectedReminders &&
        (await sent('notification')) === expectedNotifications,
      120_000,
    ).catch(async (err: Error) => {
      throw new Error(`${err.message}; the ledgers hold ${JSON.stringify(await ledgerStatus())}`);
    });
    await waitForRemindersQuiet(db, { redisUrl: process.env.REDIS_URL!, prefix: h.prefix }, 60_000);

    // The ledgers: one row per reminder (item, person, tier) and per notification, all sent.
    const reminders: { recipient: string; kind: string; n: number }[] = await db.query(
      `SELECT u.username AS recipient, d.kind, count(*)::int AS n
         FROM reminder_delivery d JOIN app_user u ON u.id = d.recipient_id
        WHERE d.status = 'sent' GROUP BY u.username, d.kind ORDER BY u.username`,
    );
    expect(reminders).toEqual([
      { recipient: tree.owner.username, kind: 'due', n: STORM_ITEMS },
      { recipient: tree.secretary.username, kind: 'due', n: STORM_ITEMS },
    ]);
    // Each reminder row is also its recipient's 站内消息 of the tier, unread.
    const [tierMessages]: { n: number }[] = await db.query(
      `SELECT count(*)::int AS n FROM reminder_delivery WHERE in_app AND read_at IS NULL`,
    );
    expect(tierMessages.n).toBe(expectedReminders);
    const notifications: { channel: string; kind: string; n: number }[] = await db.query(
      `SELECT channel, kind, count(*)::int AS n FROM notification
        WHERE status = 'sent' GROUP BY channel, kind ORDER BY channel, kind`,
    );
    expect(notifications).toEqual([
      { channel: 'email', kind: 'submitted', n: EVENT_ITEMS },
      { channel: 'in_app', kind: 'submitted', n: EVENT_ITEMS },
      { channel: 'robot', kind: 'submitted', n: EVENT_ITEMS },
    ]);

    // What people received: every item once in the mails to each of its recipients and in the
    // robot's messages, whichever worker sent it, before or after the stop.
    for (const who of [tree.owner, tree.secretary]) {
      expect(linkCounts(h.smtp.to(tree.email(who)).map((m) => m.parsed.text ?? ''))).toEqual(
        once(stormItems),
      );
    }
    expect(linkCounts(h.smtp.to(tree.email(tree.parent)).map((m) => m.parsed.text ?? ''))).toEqual(
      once(eventItems),
    );
    expect(new Set(h.smtp.received.flatMap((m) => m.to))).toEqual(
      new Set([tree.owner, tree.secretary, tree.parent].map(tree.email)),
    );
    expect(linkCounts(robot.received.flatMap((m) => m.links.map((l) => l.url)))).toEqual(once(eventItems));
  });

  async function submit(itemId: string): Promise<void> {
    await transitionItem(db, {
      itemId,
      event: 'SET_MEASURES',
      payload: { measures: [{ title: '建立制度', responsible: '王五', deadline: '2025-06-30' }] },
      actorUserId: tree.owner.id,
    });
    await transitionItem(db, {
      itemId,
      event: 'SUBMIT_COMPLETION',
      payload: { evidence: '已建立制度并执行' },
      actorUserId: tree.owner.id,
    });
  }

  /** Rows of both ledgers by status (and channel), for a failure's message. */
  function ledgerStatus(): Promise<{ ledger: string; status: string; n: number }[]> {
    return db.query(
      `SELECT 'reminder' AS ledger, status, count(*)::int AS n FROM reminder_delivery GROUP BY status
       UNION ALL
       SELECT 'notification ' || channel, status, count(*)::int FROM notification GROUP BY channel, status
       ORDER BY 1, 2`,
    );
  }

  /** Reminder ledger rows written so far, whatever their status. */
  async function recorded(): Promise<number> {
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM reminder_delivery`);
    return n;
  }

  async function sent(ledger: 'reminder_delivery' | 'notification'): Promise<number> {
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM ${ledger} WHERE status = 'sent'`);
    return n;
  }
});

/** How often each item's page (`/items/<id>`) is linked in `texts`, by item id. */
function linkCounts(texts: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const text of texts) {
    for (const [, id] of text.matchAll(/\/items\/([0-9a-f-]{36})/g)) counts[id] = (counts[id] ?? 0) + 1;
  }
  return counts;
}

const once = (ids: string[]): Record<string, number> => Object.fromEntries(ids.map((id) => [id, 1]));
