import { type ConnectionOptions } from 'bullmq';

/**
 * How long anything waits on Redis. ioredis has no command timeout by default: with Redis
 * paused (SIGSTOP, a full disk, a stuck failover) a command waits for ever, and whatever holds a
 * resource meanwhile (a request, a database connection) holds it for ever too.
 */
export const REDIS_LIMITS = {
  /** Opening a connection (TCP and the Redis handshake), ms. */
  connectTimeoutMs: 5_000,
  /** One command's answer, ms; only on connections that never run blocking commands. */
  commandTimeoutMs: 5_000,
  /** Longest wait between reconnection attempts, ms. */
  reconnectMaxDelayMs: 2_000,
} as const;

/** ioredis options (accepted as they are by BullMQ's `connection`). */
export interface RedisClientLimits {
  connectTimeout: number;
  commandTimeout?: number;
  maxRetriesPerRequest: number | null;
  enableOfflineQueue?: boolean;
  /** Delay before reconnection attempt `attempt` (1, 2, …), ms. */
  retryStrategy: (attempt: number) => number;
}

const reconnect = (attempt: number) => Math.min(attempt * 200, REDIS_LIMITS.reconnectMaxDelayMs);

/**
 * For connections that run ordinary commands only: queue producers (adding jobs), health probes,
 * the dashboard. Every command answers or fails within `commandTimeoutMs`; while Redis is
 * disconnected a command fails at once instead of queueing (`enableOfflineQueue: false`) and is
 * retried once after a reconnect. The client keeps reconnecting in the background.
 */
export function boundedRedisOptions(): RedisClientLimits {
  return {
    connectTimeout: REDIS_LIMITS.connectTimeoutMs,
    commandTimeout: REDIS_LIMITS.commandTimeoutMs,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    retryStrategy: reconnect,
  };
}

/**
 * For BullMQ Worker connections, which wait on blocking commands (BZPOPMIN) that legitimately
 * stay unanswered for seconds: no `commandTimeout` (it would abort every idle wait, see ioredis
 * #1630 and BullMQ's connection guide) and `maxRetriesPerRequest: null`, which BullMQ requires;
 * BullMQ bounds the blocking wait itself. Only the connection attempt is bounded. These
 * connections hold no database resource while they wait.
 */
export function blockingRedisOptions(): RedisClientLimits {
  return {
    connectTimeout: REDIS_LIMITS.connectTimeoutMs,
    maxRetriesPerRequest: null,
    retryStrategy: reconnect,
  };
}

/**
 * BullMQ Worker connections from REDIS_URL: blocking commands, so no command timeout and
 * maxRetriesPerRequest: null (BullMQ requires it); commands wait through a Redis restart
 * instead of failing, and ioredis keeps reconnecting. Only connecting is bounded.
 */
export function bullConnection(redisUrl: string): ConnectionOptions {
  return { url: redisUrl, ...blockingRedisOptions() };
}

/**
 * For queues that add jobs and read counts: every command answers or fails within
 * REDIS_LIMITS.commandTimeoutMs, and fails at once while Redis is away, so the outbox relay
 * gives its rows back and tries later instead of waiting on a paused Redis.
 */
export function bullProducerConnection(redisUrl: string): ConnectionOptions {
  return { url: redisUrl, ...boundedRedisOptions() };
}
