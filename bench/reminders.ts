import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ChineseWorkingDayCalendar,
  scheduleReminders,
  shanghaiDate,
  shanghaiInstant,
} from '../libs/domain/src';
import { openDatabase } from '../libs/persistence/src';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { readWorkerConfig } from '../apps/worker/src/config/worker-config';
import { buildWorker, type WorkerBuild } from './support/build-worker';
import { busyShare, machineCpu, NodeChild } from './support/child-process';
import { ServiceCpu } from './support/process-cpu';
import { delayedWindow, sleep, waitForCompleted } from './support/queue-probe';
import { seedReminderLoad } from './support/reminder-seed';
import { CountingSmtpSink, type SinkReport } from './support/smtp-sink';

/**
 * Reminder throughput: ITEMS items across RECIPIENTS recipients whose 'approaching' reminders
 * all fall due at the same instant. The real worker (apps/worker, as child processes) relays the
 * outbox into BullMQ delayed jobs, handles them when due (ledger rows, digest jobs) and, at the
 * digest time, sends one email per recipient to a local SMTP sink. Measured: the seconds from
 * the reminders' due instant until the 'reminders' queue has completed every job, and from the
 * digests' due instant until every recipient's email was accepted. Beside it, in the same run
 * and on the same Redis, a raw BullMQ baseline: as many delayed jobs due at one instant,
 * handled by an empty processor with the same concurrency. All of it with one worker process,
 * then with two.
 *
 * Usage: npm run bench:reminders   (BENCH_ITEMS, BENCH_RECIPIENTS, BENCH_LEAD_SECONDS, … see bench/README.md)
 * The last stdout line is the JSON result; progress goes to stderr.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startRedis, startPostgres } = require('../scripts/services.js') as {
  startRedis(opts: { dataDir: string }): Promise<{ url: string; port: number; stop(): Promise<void> }>;
  startPostgres(opts: {
    dataDir: string;
  }): Promise<{ url: string; port: number; bin: string; stop(): Promise<void> }>;
};

const num = (name: string, fallback: number) => {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name}="${raw}" is not a positive number`);
  return value;
};
const ITEMS = num('BENCH_ITEMS', 50_000);
const RECIPIENTS = num('BENCH_RECIPIENTS', 5_000);
/** Seconds from the worker's start to the reminders' due instant: time for the relay (50,000 items took 46–51 s). */
const LEAD_SECONDS = num('BENCH_LEAD_SECONDS', 90);
/** Minutes from the reminders' due instant (00:00 Shanghai) to the digests' (REMINDER_DIGEST_TIME). */
const DIGEST_MINUTES = num('BENCH_DIGEST_MINUTES', 2);
const BASELINE_LEAD_SECONDS = num('BENCH_BASELINE_LEAD_SECONDS', 20);
const YELLOW_WORKDAYS = num('BENCH_YELLOW_WORKDAYS', 5);
const WORKER_COUNTS = (process.env.BENCH_WORKERS ?? '1,2').split(',').map(Number);
const TARGET_RATIO = 2;
/** Worker settings taken from the benchmark's environment when set (defaults otherwise). */
const PASS_THROUGH = [
  'REMINDER_CONCURRENCY',
  'JOB_LOCK_MS',
  'DIGEST_CONCURRENCY',
  'SWEEP_EVERY_SECONDS',
  'OUTBOX_POLL_MS',
  'REMINDER_ESCALATE_WORKDAYS',
];
const CHUNK = 5000;

const log = (msg: string) => process.stderr.write(`[bench:reminders] ${msg}\n`);
const round = (x: number, digits = 3) => Number(x.toFixed(digits));
const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

// The product worker's own defaults, so the baseline runs with the same concurrency and lock.
const productConfig = readWorkerConfig({
  REDIS_URL: 'redis://127.0.0.1:6379',
  REMINDER_CONCURRENCY: process.env.REMINDER_CONCURRENCY,
  JOB_LOCK_MS: process.env.JOB_LOCK_MS,
  REMINDER_ESCALATE_WORKDAYS: process.env.REMINDER_ESCALATE_WORKDAYS,
});
const CONCURRENCY = productConfig.REMINDER_CONCURRENCY;
const JOB_LOCK_MS = productConfig.JOB_LOCK_MS;

interface Services {
  redisUrl: string;
  redis: Redis;
  pgUrl: string;
  workDir: string;
  sink: CountingSmtpSink;
  build: WorkerBuild;
  cpu: ServiceCpu;
}

interface BaselineResult {
  workers: number;
  seconds: number;
  jobsPerSecond: number;
  enqueueSeconds: number;
  delayedBeforeDue: number;
  cpu: WindowCpu;
}

interface ProductResult {
  workers: number;
  jobSeconds: number;
  mailSeconds: number;
  totalSeconds: number;
  duplicates: number;
  missing: number;
  unexpected: number;
  emails: number;
  emailsPerRecipient: SinkReport['emailsPerRecipient'];
  itemsPerEmail: SinkReport['itemsPerEmail'];
  jobsPerSecond: number;
  /** From the first worker's spawn until every reminder job was in Redis and the outbox empty. */
  enqueueSeconds: number;
  /** Seconds between the last job enqueued and its due instant: the relay's margin. */
  enqueueMarginSeconds: number;
  delayedBeforeDue: number;
  remindersEnqueued: number;
  dueSpreadMs: number;
  digestJobs: number;
  digestDueSpreadMs: number;
  digestsStartedBeforeJobsDone: boolean;
  ledger: Record<string, number>;
  outcomes: Record<string, number>;
  workerWarnings: number;
  /** Jobs the sweeper re-added as "missing from Redis" (its start-up run races the relay). */
  sweeperRestored: { reminders: number; digests: number };
  relayItemsPerSecond: number;
  cpu: { jobs: WindowCpu; mail: WindowCpu };
  seedSeconds: number;
}

/** CPU seconds used in a measured window by the workers, Redis, PostgreSQL and the benchmark itself. */
interface WindowCpu {
  workers: number;
  redis: number;
  postgres: number;
  bench: number;
  /** Share of all the machine's cores that were busy (anything, including neighbours). */
  machineBusyShare: number;
}

/** Starts a CPU window; the returned function ends it. */
function cpuWindow(s: Services, children: NodeChild[]): () => WindowCpu {
  const workers = () => children.reduce((sum, c) => sum + c.cpuSeconds(), 0);
  const w0 = workers();
  const m0 = machineCpu();
  const s0 = s.cpu.sample();
  return () => ({
    workers: round(workers() - w0, 2),
    ...ServiceCpu.diff(s0, s.cpu.sample()),
    machineBusyShare: round(busyShare(m0, machineCpu()), 2),
  });
}

async function stopAll(children: NodeChild[]): Promise<void> {
  await Promise.all(children.map((c) => c.stop()));
}

/** Raw BullMQ: `ITEMS` delayed jobs shaped like reminder jobs, due at one instant, empty processor. */
async function runBaseline(s: Services, workers: number): Promise<BaselineResult> {
  const prefix = `bb${randomUUID().slice(0, 8)}`;
  const queue = new Queue('reminders', { connection: { url: s.redisUrl }, prefix });
  const children: NodeChild[] = [];
  try {
    for (let w = 0; w < workers; w++) {
      children.push(
        new NodeChild(
          `empty worker ${w + 1}`,
          s.build,
          'bench/support/empty-worker.js',
          {
            REDIS_URL: s.redisUrl,
            QUEUE_PREFIX: prefix,
            QUEUE_NAME: 'reminders',
            CONCURRENCY: String(CONCURRENCY),
            JOB_LOCK_MS: String(JOB_LOCK_MS),
          },
          join(s.workDir, `baseline-${workers}-${w + 1}.log`),
          /empty worker ready/,
        ),
      );
    }
    await Promise.all(children.map((c) => c.ready));
    const enqueueStart = Date.now();
    const dueAt = enqueueStart + BASELINE_LEAD_SECONDS * 1000;
    // Same job shape and options as the product's reminder jobs (BullReminderQueues.addReminders).
    const opts = {
      attempts: 10,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: { age: 14 * 24 * 3600 },
      removeOnFail: { age: 30 * 24 * 3600 },
    };
    for (let i = 0; i < ITEMS; i += CHUNK) {
      const jobs = Array.from({ length: Math.min(CHUNK, ITEMS - i) }, () => {
        const itemId = randomUUID();
        const data = { itemId, kind: 'approaching', dueDate: '2025-01-10', sendOn: '2025-01-03' };
        const now = Date.now();
        return {
          name: 'reminder',
          data,
          opts: {
            ...opts,
            jobId: `reminder.${itemId}.approaching.2025-01-10.2025-01-03`,
            timestamp: now,
            delay: dueAt - now,
          },
        };
      });
      await queue.addBulk(jobs);
    }
    const enqueueSeconds = (Date.now() - enqueueStart) / 1000;
    const window = await delayedWindow(s.redis, queue, dueAt + 1);
    if (Date.now() >= dueAt || window.count !== ITEMS) {
      throw new Error(
        `baseline: only ${window.count} of ${ITEMS} jobs delayed before the due instant (enqueueing took ${enqueueSeconds} s): raise BENCH_BASELINE_LEAD_SECONDS`,
      );
    }
    log(
      `baseline, ${workers} worker(s): ${ITEMS} jobs enqueued in ${enqueueSeconds.toFixed(1)} s, due in ${((dueAt - Date.now()) / 1000).toFixed(1)} s`,
    );
    await sleep(Math.max(0, dueAt - Date.now() - 300));
    const endCpu = cpuWindow(s, children);
    const doneAt = await waitForCompleted(queue, ITEMS, {
      timeoutMs: 600_000,
      progress: (n) => log(`  baseline completed ${n}/${ITEMS}`),
    });
    const seconds = (doneAt - window.firstDueMs!) / 1000;
    const result: BaselineResult = {
      workers,
      seconds: round(seconds),
      jobsPerSecond: round(ITEMS / seconds, 0),
      enqueueSeconds: round(enqueueSeconds, 2),
      delayedBeforeDue: window.count,
      cpu: endCpu(),
    };
    log(
      `baseline, ${workers} worker(s): ${result.seconds} s (${result.jobsPerSecond} jobs/s); CPU seconds ${JSON.stringify(result.cpu)}`,
    );
    return result;
  } finally {
    await stopAll(children);
    await queue.close();
    await s.redis.flushall();
  }
}

/** Reminder outcomes and warnings the workers logged ("500 due: 498 recorded, 2 stale"). */
function readWorkerLogs(children: NodeChild[]): {
  outcomes: Record<string, number>;
  warnings: string[];
  sweeperRestored: { reminders: number; digests: number };
} {
  const outcomes: Record<string, number> = {};
  const warnings: string[] = [];
  const sweeperRestored = { reminders: 0, digests: 0 };
  for (const child of children) {
    const text = readFileSync(child.logFile, 'utf8');
    for (const line of text.split('\n')) {
      const due = /\d+ due: (.*)$/.exec(line);
      if (due) {
        for (const part of due[1].split(', ')) {
          const [n, outcome] = part.split(' ');
          if (outcome) outcomes[outcome] = (outcomes[outcome] ?? 0) + Number(n);
        }
      }
      const restored = /restored (\d+) reminder and (\d+) digest jobs/.exec(line);
      if (restored) {
        sweeperRestored.reminders += Number(restored[1]);
        sweeperRestored.digests += Number(restored[2]);
      }
      if (/\bWARN\b|\bERROR\b/.test(line)) warnings.push(`${child.name}: ${line.trim()}`);
    }
  }
  return { outcomes, warnings, sweeperRestored };
}

async function adminQuery(pgUrl: string, sql: string): Promise<void> {
  const admin = new Client({ connectionString: pgUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

async function runProduct(s: Services, workers: number, runNo: number): Promise<ProductResult> {
  const calendar = new ChineseWorkingDayCalendar();
  // A deadline a couple of weeks ahead; its 'approaching' reminder is due at 00:00 Shanghai on sendOn.
  const deadline = calendar.addWorkdays(shanghaiDate(new Date()), YELLOW_WORKDAYS + 10);
  const sendOn = calendar.addWorkdays(deadline, -YELLOW_WORKDAYS);
  const digestTime = hhmm(DIGEST_MINUTES);

  const dbName = `bench_reminders_${runNo}_${randomUUID().replace(/-/g, '').slice(0, 8)}`;
  await adminQuery(s.pgUrl, `CREATE DATABASE ${dbName}`);
  const dbUrl = new URL(s.pgUrl);
  dbUrl.pathname = `/${dbName}`;
  const databaseUrl = dbUrl.toString();
  const db = await openDatabase({ databaseUrl });
  const prefix = `br${randomUUID().slice(0, 8)}`;
  const reminders = new Queue('reminders', { connection: { url: s.redisUrl }, prefix });
  const digests = new Queue('digests', { connection: { url: s.redisUrl }, prefix });
  const children: NodeChild[] = [];
  try {
    log(
      `product, ${workers} worker(s): seeding ${ITEMS} items for ${RECIPIENTS} recipients (deadline ${deadline})`,
    );
    const seed = await seedReminderLoad(db.dataSource, {
      items: ITEMS,
      recipients: RECIPIENTS,
      deadline,
      tag: prefix,
    });
    log(`  seeded in ${seed.seconds.toFixed(1)} s (${seed.generalBranches} general branches)`);
    const recipients = new Set(seed.expected.map((e) => e.email));
    s.sink.expect(recipients);

    const clockStartMs = shanghaiInstant(sendOn).getTime() - LEAD_SECONDS * 1000;
    const clockStart = new Date(clockStartMs).toISOString();
    const perItem = scheduleReminders(
      { itemId: 'x', status: 'measures_set', deadline, reviewIntervalDays: null, lastReviewedOn: sendOn },
      shanghaiDate(new Date(clockStartMs)),
      calendar,
      {
        yellowWorkdaysBefore: YELLOW_WORKDAYS,
        escalateWorkdaysAfter: productConfig.REMINDER_ESCALATE_WORKDAYS,
      },
    );
    if (perItem[0]?.kind !== 'approaching' || perItem[0].sendOn !== sendOn) {
      throw new Error(`unexpected schedule at the clock start: ${JSON.stringify(perItem)}`);
    }
    const expectedJobs = ITEMS * perItem.length;

    const env: Record<string, string> = {
      NODE_ENV: 'test',
      REDIS_URL: s.redisUrl,
      DATABASE_URL: databaseUrl,
      SMTP_URL: s.sink.url,
      QUEUE_PREFIX: prefix,
      RECTIFY_CLOCK_START: clockStart,
      REMINDER_DIGEST_TIME: digestTime,
      REMINDER_YELLOW_WORKDAYS: String(YELLOW_WORKDAYS),
      WORKER_HEALTH_PORT: '0',
      ...Object.fromEntries(PASS_THROUGH.filter((k) => process.env[k]).map((k) => [k, process.env[k]!])),
    };
    const spawnedAt = Date.now();
    for (let w = 0; w < workers; w++) {
      children.push(
        new NodeChild(
          `worker ${w + 1}`,
          s.build,
          'apps/worker/src/main.js',
          env,
          join(s.workDir, `product-${workers}-${w + 1}.log`),
          /worker: connected to Redis/,
        ),
      );
    }
    await Promise.all(children.map((c) => c.ready));
    log(
      `  ${workers} worker(s) up in ${((Date.now() - spawnedAt) / 1000).toFixed(1)} s; clock starts at ${clockStart}, reminders due at ${sendOn} 00:00 +08:00, digests at ${digestTime}`,
    );

    // Every reminder job must be in Redis (and the outbox empty) before the first one is due.
    const horizon = () => Date.now() + (LEAD_SECONDS + 3600) * 1000;
    let window = { count: 0, firstDueMs: null as number | null, lastDueMs: null as number | null };
    let enqueuedAt = 0;
    let lastReport = 0;
    for (;;) {
      window = await delayedWindow(s.redis, reminders, horizon());
      const total = (await reminders.getJobCounts('delayed')).delayed;
      const [{ n: outbox }]: { n: string }[] = await db.dataSource.query(`SELECT count(*) AS n FROM outbox`);
      const now = Date.now();
      if (window.count === ITEMS && total === expectedJobs && Number(outbox) === 0) {
        enqueuedAt = now;
        break;
      }
      if (
        (window.firstDueMs !== null && now >= window.firstDueMs - 200) ||
        now - spawnedAt > (LEAD_SECONDS + 120) * 1000
      ) {
        throw new Error(
          `the relay did not enqueue every reminder before the due instant: ${window.count}/${ITEMS} approaching jobs and ` +
            `${total}/${expectedJobs} jobs delayed, ${outbox} outbox rows left, ${((now - spawnedAt) / 1000).toFixed(1)} s after start: raise BENCH_LEAD_SECONDS`,
        );
      }
      if (now - lastReport >= 5000) {
        lastReport = now;
        log(`  relay: ${total}/${expectedJobs} jobs delayed, ${outbox} outbox rows left`);
      }
      await sleep(100);
    }
    const firstDue = window.firstDueMs!;
    const enqueueSeconds = (enqueuedAt - spawnedAt) / 1000;
    log(
      `  all ${expectedJobs} jobs enqueued ${enqueueSeconds.toFixed(1)} s after start; the ${ITEMS} approaching ones are due in ` +
        `${((firstDue - Date.now()) / 1000).toFixed(1)} s (spread ${window.lastDueMs! - firstDue} ms)`,
    );
    await sleep(Math.max(0, firstDue - Date.now() - 300));
    const endJobsCpu = cpuWindow(s, children);
    const doneAt = await waitForCompleted(reminders, ITEMS, {
      timeoutMs: 900_000,
      progress: (n) => log(`  reminders completed ${n}/${ITEMS}`),
    });
    const jobSeconds = (doneAt - firstDue) / 1000;
    const jobsCpu = endJobsCpu();
    log(`  CPU seconds while handling: ${JSON.stringify(jobsCpu)}`);
    log(`  every reminder job handled ${jobSeconds.toFixed(2)} s after the due instant`);

    // Digest jobs were added while handling; they are due at the digest time.
    const digestWindow = await delayedWindow(
      s.redis,
      digests,
      Date.now() + (DIGEST_MINUTES * 60 + 3600) * 1000,
    );
    const expectedDigestDue = firstDue + DIGEST_MINUTES * 60_000;
    const digestsStartedEarly = Date.now() >= expectedDigestDue || s.sink.count > 0;
    const digestDue = digestsStartedEarly
      ? expectedDigestDue
      : (digestWindow.firstDueMs ?? expectedDigestDue);
    if (!digestsStartedEarly && digestWindow.count !== recipients.size) {
      log(`  WARNING: ${digestWindow.count} digest jobs delayed, expected ${recipients.size}`);
    }
    log(`  ${digestWindow.count} digest jobs due in ${((digestDue - Date.now()) / 1000).toFixed(1)} s`);
    await sleep(Math.max(0, digestDue - Date.now() - 300));
    const endMailCpu = cpuWindow(s, children);
    const mailDeadline = Date.now() + 900_000;
    let lastMailReport = Date.now();
    while (s.sink.allReachedAt === null) {
      if (Date.now() > mailDeadline) {
        throw new Error(`timed out: emails reached ${s.sink.reachedCount} of ${recipients.size} recipients`);
      }
      if (children.some((c) => !c.alive))
        throw new Error(`a worker died:\n${children.map((c) => c.tail()).join('\n')}`);
      if (Date.now() - lastMailReport >= 2000) {
        lastMailReport = Date.now();
        log(`  emails: ${s.sink.count} accepted, ${s.sink.reachedCount}/${recipients.size} recipients`);
      }
      await sleep(50);
    }
    const mailSeconds = (s.sink.allReachedAt - digestDue) / 1000;
    const mailCpu = endMailCpu();
    log(`  CPU seconds while mailing: ${JSON.stringify(mailCpu)}`);
    log(`  every recipient's email accepted ${mailSeconds.toFixed(2)} s after the digests' due instant`);

    // Let stragglers (a second digest, a retry) arrive before counting duplicates.
    const settleDeadline = Date.now() + 60_000;
    for (;;) {
      const c = await digests.getJobCounts('waiting', 'delayed', 'active', 'prioritized');
      if (c.waiting + c.delayed + c.active + c.prioritized === 0 || Date.now() > settleDeadline) break;
      await sleep(200);
    }
    await sleep(2000);
    const ledgerRows: { status: string; n: string }[] = await db.dataSource.query(
      `SELECT status, count(*) AS n FROM reminder_delivery GROUP BY status ORDER BY status`,
    );
    const ledger = Object.fromEntries(ledgerRows.map((r) => [r.status, Number(r.n)]));
    const reminderCounts = await reminders.getJobCounts('completed', 'failed', 'delayed');
    await stopAll(children);
    const { outcomes, warnings, sweeperRestored } = readWorkerLogs(children);
    for (const w of warnings.slice(0, 20)) log(`  worker log: ${w}`);
    if (warnings.length > 20) log(`  … and ${warnings.length - 20} more warnings`);
    const report = await s.sink.report(seed.expected);
    log(
      `  ${report.emails} emails, ${report.duplicates} duplicates, ${report.missing} missing, ledger ${JSON.stringify(ledger)}, ` +
        `outcomes ${JSON.stringify(outcomes)}, reminders queue ${JSON.stringify(reminderCounts)}`,
    );
    return {
      workers,
      jobSeconds: round(jobSeconds),
      mailSeconds: round(mailSeconds),
      totalSeconds: round(jobSeconds + mailSeconds),
      duplicates: report.duplicates,
      missing: report.missing,
      unexpected: report.unexpected,
      emails: report.emails,
      emailsPerRecipient: report.emailsPerRecipient,
      itemsPerEmail: report.itemsPerEmail,
      jobsPerSecond: round(ITEMS / jobSeconds, 0),
      enqueueSeconds: round(enqueueSeconds, 2),
      relayItemsPerSecond: round(ITEMS / enqueueSeconds, 0),
      enqueueMarginSeconds: round((firstDue - enqueuedAt) / 1000, 2),
      delayedBeforeDue: window.count,
      remindersEnqueued: expectedJobs,
      dueSpreadMs: window.lastDueMs! - firstDue,
      digestJobs: digestWindow.count,
      digestDueSpreadMs:
        digestWindow.firstDueMs !== null && digestWindow.lastDueMs !== null
          ? digestWindow.lastDueMs - digestWindow.firstDueMs
          : 0,
      digestsStartedBeforeJobsDone: digestsStartedEarly,
      ledger,
      outcomes,
      workerWarnings: warnings.length,
      sweeperRestored,
      cpu: { jobs: jobsCpu, mail: mailCpu },
      seedSeconds: round(seed.seconds, 2),
    };
  } finally {
    await stopAll(children);
    await reminders.close();
    await digests.close();
    await db.close();
    await adminQuery(s.pgUrl, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await s.redis.flushall();
  }
}

async function main() {
  if (WORKER_COUNTS.some((w) => !Number.isInteger(w) || w < 1)) throw new Error('BENCH_WORKERS: e.g. 1,2');
  const workDir = mkdtempSync(join(tmpdir(), 'rectify-bench-reminders-'));
  log('building the worker (tsc)');
  const build = buildWorker(join(workDir, 'build'));
  const redisServer = await startRedis({ dataDir: join(workDir, 'redis') });
  let pg: Awaited<ReturnType<typeof startPostgres>> | null = null;
  const redis = new Redis(redisServer.url, { maxRetriesPerRequest: null });
  const sink = new CountingSmtpSink();
  let failed = false;
  try {
    pg = await startPostgres({ dataDir: join(workDir, 'postgres') });
    await sink.start();
    const cpu = new ServiceCpu(redisServer.port, join(workDir, 'postgres', 'data'));
    const s: Services = { redisUrl: redisServer.url, redis, pgUrl: pg.url, workDir, sink, build, cpu };
    log(
      `${ITEMS} items, ${RECIPIENTS} recipients, reminder concurrency ${CONCURRENCY}, worker counts ${WORKER_COUNTS.join(', ')}`,
    );
    const runs: { baseline: BaselineResult; product: ProductResult }[] = [];
    for (const [i, workers] of WORKER_COUNTS.entries()) {
      const baseline = await runBaseline(s, workers);
      const product = await runProduct(s, workers, i + 1);
      log(
        `${workers} worker(s): jobs ${product.jobSeconds} s vs baseline ${baseline.seconds} s → ratio ${(product.jobSeconds / baseline.seconds).toFixed(2)}`,
      );
      runs.push({ baseline, product });
    }

    const summary = ({ baseline, product }: (typeof runs)[number]) => ({
      ...product,
      baseline: baseline.seconds,
      ratio: round(product.jobSeconds / baseline.seconds),
      baselineDetails: baseline,
    });
    const [first, ...others] = runs.map(summary);
    const { jobSeconds, baseline, ratio, ...details } = first;
    const all = [first, ...others];
    console.log(
      JSON.stringify({
        bench: 'reminders',
        unit: 's',
        value: jobSeconds,
        baseline,
        ratio,
        target: `job handling ≤ ${TARGET_RATIO} × baseline`,
        meetsTarget: all.every((r) => r.ratio <= TARGET_RATIO),
        correct: all.every((r) => r.duplicates === 0 && r.missing === 0 && r.unexpected === 0),
        items: ITEMS,
        recipients: RECIPIENTS,
        reminderConcurrency: CONCURRENCY,
        jobSeconds,
        ...details,
        ...Object.fromEntries(
          others.map((r) => [
            r.workers === 2 ? 'twoWorkers' : `workers${r.workers}`,
            (({ baselineDetails, ...rest }) => ({ ...rest, baselineDetails }))(r),
          ]),
        ),
        config: {
          leadSeconds: LEAD_SECONDS,
          digestMinutesAfter: DIGEST_MINUTES,
          baselineLeadSeconds: BASELINE_LEAD_SECONDS,
          yellowWorkdays: YELLOW_WORKDAYS,
          workerCounts: WORKER_COUNTS,
          workerEnv: Object.fromEntries(
            PASS_THROUGH.filter((k) => process.env[k]).map((k) => [k, process.env[k]]),
          ),
        },
        node: process.version,
      }),
    );
  } catch (err) {
    failed = true;
    throw err;
  } finally {
    await sink.stop();
    redis.disconnect();
    await pg?.stop();
    await redisServer.stop();
    if (failed || process.env.BENCH_KEEP) log(`kept ${workDir} (worker logs: *.log)`);
    else rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
