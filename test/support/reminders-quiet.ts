import { QUEUES } from '@rectify/queue';
import { Queue } from 'bullmq';
import { type Redis } from 'ioredis';
import { type DataSource } from 'typeorm';
import { waitUntilQuiet } from './wait-for';

/** Delayed jobs due within this long (ms) count as work still to come. */
const DUE_SOON_MS = 30_000;

/**
 * Waits until the reminder pipeline has nothing left to do soon (see pendingReminderWork), so a
 * test can then assert that no further email arrives: a quiet period read from the queues and the
 * outbox, not a sleep. The queues are those under `prefix` on `redisUrl`.
 */
export async function waitForRemindersQuiet(
  db: DataSource,
  { redisUrl, prefix }: { redisUrl: string; prefix: string },
  timeoutMs = 20_000,
): Promise<void> {
  const queues = Object.values(QUEUES).map(
    (name) => new Queue(name, { connection: { url: redisUrl }, prefix }),
  );
  try {
    await waitUntilQuiet(
      'the reminder queues and the outbox to fall quiet',
      () => pendingReminderWork(db, queues),
      {
        timeoutMs,
      },
    );
  } finally {
    await Promise.all(queues.map((q) => q.close()));
  }
}

/**
 * What could still send an email soon, one readable line each ([] when nothing): jobs waiting or
 * running in any queue (a running job is a worker not idle, maybe an email on the wire), jobs
 * delayed to run within DUE_SOON_MS (retries, the digest's collect delay) except the sweeper's
 * own repeat, and outbox rows not yet relayed to the queues.
 */
export async function pendingReminderWork(db: DataSource, queues: Queue[]): Promise<string[]> {
  const pending: string[] = [];
  const dueBy = Date.now() + DUE_SOON_MS;
  for (const queue of queues) {
    const counts = await queue.getJobCounts('waiting', 'prioritized', 'active');
    for (const [state, n] of Object.entries(counts))
      if (n > 0) pending.push(`${n} ${state} in ${queue.name}`);
    if (queue.name === QUEUES.maintenance) continue;
    // BullMQ scores a delayed job by when it is due: due time (ms) * 0x1000 + a counter.
    const client = (await queue.getBackend().client) as unknown as Redis;
    const dueSoon = await client.zcount(queue.keys.delayed, 0, (dueBy + 1) * 0x1000 - 1);
    if (dueSoon > 0) pending.push(`${dueSoon} due soon in ${queue.name}`);
  }
  const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM outbox WHERE failed_at IS NULL`);
  if (n > 0) pending.push(`${n} outbox rows`);
  return pending;
}
