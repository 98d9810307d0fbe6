import { setTimeout as delay } from 'node:timers/promises';
import { type QueueBase } from 'bullmq';

// How often a graceful close checks whether Redis went away meanwhile (ms).
const CHECK_EVERY_MS = 250;
// Dropping a connection that is between reconnection attempts may never report its end (ms).
const DISCONNECT_WAIT_MS = 1_000;

/**
 * Closes a BullMQ queue or worker: gracefully while Redis answers (a worker lets its running
 * jobs finish, however long they take); when Redis is away, now or while waiting, or the close
 * fails, it drops the connections instead. During an outage BullMQ's close() never finishes for
 * a worker, and for a queue it fails after taking its 'error' listener off a client that goes
 * on reconnecting, which ioredis then reports as "[ioredis] Unhandled error event" on every
 * attempt, for ever. Jobs cut short this way keep their data in Redis and run again (stalled).
 */
export async function closeUnlessRedisIsAway(target: QueueBase, redisIsAway: () => boolean): Promise<void> {
  if (!redisIsAway()) {
    const closing = target.close().then(
      () => true,
      () => false,
    );
    for (;;) {
      const closed = await Promise.race([closing, delay(CHECK_EVERY_MS).then(() => null)]);
      if (closed === true) return;
      if (closed === false || redisIsAway()) break;
    }
  }
  await Promise.race([target.disconnect().catch(() => undefined), delay(DISCONNECT_WAIT_MS)]);
}
