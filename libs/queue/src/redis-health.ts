import { type Redis } from 'ioredis';
import { createRedisClient } from './redis-client';

/**
 * Redis's answer to PING (normally 'PONG'); rejects with `no answer within ${timeoutMs} ms` when
 * none came in time, or with the client's error. The client is not connected here.
 */
export function pingRedis(client: Redis, timeoutMs: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([client.ping(), timeout]).finally(() => clearTimeout(timer));
}

/** Whether Redis answers PING within `timeoutMs`; never rejects. */
export async function isRedisReachable(client: Redis, timeoutMs: number): Promise<boolean> {
  try {
    return (await pingRedis(client, timeoutMs)) === 'PONG';
  } catch {
    return false;
  }
}

/**
 * Start-up check: connects once to `url` and PINGs, without retrying, then disconnects. Rejects
 * with an error naming REDIS_URL and what to do, prefixed with `who` (e.g. 'worker').
 */
export async function assertRedisReachable(url: string, who: string): Promise<void> {
  const probe = createRedisClient(url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await probe.connect();
    await probe.ping();
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(
      `${who}: cannot reach Redis at REDIS_URL=${url} (${reason}): start Redis or fix REDIS_URL.`,
    );
  } finally {
    probe.disconnect();
  }
}
