import { type ConnectionOptions } from 'bullmq';

/**
 * BullMQ connection options from REDIS_URL. Workers need maxRetriesPerRequest: null; with it,
 * commands wait through a Redis restart instead of failing, and ioredis keeps reconnecting.
 */
export function bullConnection(redisUrl: string): ConnectionOptions {
  return {
    url: redisUrl,
    maxRetriesPerRequest: null,
    retryStrategy: (attempt: number) => Math.min(attempt * 200, 2000),
  };
}

/**
 * For queues that add jobs: fail fast while Redis is away instead of queueing commands, so the
 * outbox relay rolls back and retries later rather than holding its transaction open.
 */
export function bullProducerConnection(redisUrl: string): ConnectionOptions {
  return {
    url: redisUrl,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt: number) => Math.min(attempt * 200, 2000),
  };
}
