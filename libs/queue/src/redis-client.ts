import { Redis, type RedisOptions } from 'ioredis';
import { boundedRedisOptions } from './redis-options';

/**
 * An ioredis client for ordinary commands (health checks, start-up checks): bounded connect and
 * command timeouts (boundedRedisOptions), connecting on the first command or `connect()`
 * (lazyConnect). `overrides` replace single options, e.g. a `retryStrategy`. Its 'error' events
 * are swallowed: failures show where the client is used (a health check, a start-up error) and
 * must not crash the process through an unhandled event. The caller disconnects it.
 */
export function createRedisClient(url: string, overrides: RedisOptions = {}): Redis {
  const client = new Redis(url, { ...boundedRedisOptions(), lazyConnect: true, ...overrides });
  client.on('error', () => undefined);
  return client;
}
