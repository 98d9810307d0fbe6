import { blockingRedisOptions, boundedRedisOptions } from '@rectify/application';
import { type ConnectionOptions } from 'bullmq';

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
