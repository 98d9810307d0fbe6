import { type Queue } from 'bullmq';
import { type Redis } from 'ioredis';

/** BullMQ scores a delayed job by due time in ms × 0x1000 plus a counter (getDelayedScore.lua). */
const SCORE_PER_MS = 0x1000;

export interface DelayedWindow {
  /** Delayed jobs due before `untilMs`. */
  count: number;
  /** Real due instants (Date.now() scale, as the adding process saw it) of the first and last of them. */
  firstDueMs: number | null;
  lastDueMs: number | null;
}

/** The delayed jobs of `queue` due before `untilMs`, read from its sorted set. */
export async function delayedWindow(redis: Redis, queue: Queue, untilMs: number): Promise<DelayedWindow> {
  const key = queue.toKey('delayed');
  const max = String(untilMs * SCORE_PER_MS);
  const [count, first, last] = await Promise.all([
    redis.zcount(key, '-inf', max),
    redis.zrangebyscore(key, '-inf', max, 'WITHSCORES', 'LIMIT', 0, 1),
    redis.zrevrangebyscore(key, max, '-inf', 'WITHSCORES', 'LIMIT', 0, 1),
  ]);
  const dueMs = (reply: string[]) =>
    reply.length === 2 ? Math.floor(Number(reply[1]) / SCORE_PER_MS) : null;
  return { count, firstDueMs: dueMs(first), lastDueMs: dueMs(last) };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls the queue's completed count every `everyMs` until it reaches `target`; resolves with
 * Date.now() at the poll that saw it. Fails after `timeoutMs`, or at once when jobs fail for good.
 * `onPoll` runs after every poll (another probe riding along).
 */
export async function waitForCompleted(
  queue: Queue,
  target: number,
  opts: {
    everyMs?: number;
    timeoutMs: number;
    progress?: (completed: number) => void;
    onPoll?: () => Promise<void>;
  },
): Promise<number> {
  const every = opts.everyMs ?? 50;
  const deadline = Date.now() + opts.timeoutMs;
  let lastReport = 0;
  for (;;) {
    const counts = await queue.getJobCounts('completed', 'failed');
    const now = Date.now();
    if (counts.completed >= target) return now;
    if (counts.failed > 0)
      throw new Error(`${counts.failed} ${queue.name} jobs failed (completed ${counts.completed}/${target})`);
    if (now > deadline) {
      throw new Error(
        `timed out after ${opts.timeoutMs / 1000} s: ${queue.name} completed ${counts.completed} of ${target}`,
      );
    }
    if (opts.progress && now - lastReport >= 2000) {
      lastReport = now;
      opts.progress(counts.completed);
    }
    await opts.onPoll?.();
    await sleep(every);
  }
}

/**
 * Polls until `queue` holds no waiting, delayed, prioritized or active job (jobs removed when
 * done leave no completed count to watch); resolves with Date.now() at the poll that saw it.
 */
export async function waitForDrained(
  queue: Queue,
  opts: { everyMs?: number; timeoutMs: number },
): Promise<number> {
  const deadline = Date.now() + opts.timeoutMs;
  for (;;) {
    const c = await queue.getJobCounts('waiting', 'delayed', 'prioritized', 'active', 'failed');
    const now = Date.now();
    if (c.failed > 0) throw new Error(`${c.failed} ${queue.name} jobs failed`);
    if (c.waiting + c.delayed + c.prioritized + c.active === 0) return now;
    if (now > deadline)
      throw new Error(`timed out after ${opts.timeoutMs / 1000} s: ${queue.name} not drained`);
    await sleep(opts.everyMs ?? 50);
  }
}
