import { bullConnection } from '@rectify/queue';
import { Worker } from 'bullmq';

/**
 * The raw BullMQ baseline's worker, run as a child process by bench/reminders.ts: an empty
 * processor on one queue, with the product worker's connection options (bullConnection) and
 * worker options (concurrency, lock, stalled-check interval). Env: REDIS_URL, QUEUE_PREFIX,
 * QUEUE_NAME, CONCURRENCY, JOB_LOCK_MS; with POST_URL (and POST_BODY, JSON) each job instead
 * posts that body with Node's fetch and reads the answer: the raw tools under a robot message.
 */
const env = (name: string, fallback?: string): string => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

const lockMs = Number(env('JOB_LOCK_MS', '30000'));
const postUrl = process.env.POST_URL;
const postBody = process.env.POST_BODY ?? '{}';
const post = async () => {
  const res = await fetch(postUrl!, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: postBody,
    signal: AbortSignal.timeout(10_000),
  });
  const answer = await res.text();
  if (!res.ok) throw new Error(`POST answered ${res.status}: ${answer.slice(0, 200)}`);
};
const worker = new Worker(env('QUEUE_NAME'), postUrl ? post : async () => undefined, {
  connection: bullConnection(env('REDIS_URL')),
  prefix: env('QUEUE_PREFIX'),
  concurrency: Number(env('CONCURRENCY')),
  lockDuration: lockMs,
  stalledInterval: Math.max(1000, Math.floor(lockMs / 2)),
  maxStalledCount: 5,
});
worker.on('error', (err) => process.stderr.write(`empty worker: ${err.message}\n`));

void worker.waitUntilReady().then(() => process.stdout.write('empty worker ready\n'));

const stop = () => void worker.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
