import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import {
  boundedRedisOptions,
  createRedisClient,
  judgeRedisSettings,
  pingRedis,
  readRedisSettings,
  REDIS_LIMITS,
  type RedisSettings,
} from '@rectify/queue';
import { type Redis } from 'ioredis';
import { WORKER_CONFIG, type WorkerConfig } from '../config/worker-config';

/**
 * The worker's own Redis connection, for its health check: ordinary commands only, so each
 * answers or fails within REDIS_LIMITS.commandTimeoutMs (BullMQ's workers open their own).
 */
@Injectable()
export class RedisConnection implements OnApplicationShutdown {
  readonly client: Redis;
  private established = false;

  constructor(@Inject(WORKER_CONFIG) config: WorkerConfig) {
    const { retryStrategy } = boundedRedisOptions();
    // Failures show in the health check (createRedisClient swallows 'error' events).
    this.client = createRedisClient(config.REDIS_URL, {
      // Fail fast at start-up; once connected, ride out Redis restarts.
      retryStrategy: (attempt) => (this.established ? retryStrategy(attempt) : null),
    });
  }

  async connect(): Promise<void> {
    await this.client.connect();
    await this.client.ping();
    this.established = true;
    // Said once at start, where an operator reads it; the health check shows it ever after.
    const { warnings } = await this.settings().catch(() => ({ warnings: [] as string[] }));
    for (const warning of warnings) new Logger('redis').warn(warning);
  }

  /**
   * The settings the queues depend on (maxmemory-policy, AOF) with their warnings; unknown
   * (and warned about) when Redis refuses INFO. Rejects when Redis does not answer.
   */
  async settings(): Promise<RedisSettings> {
    try {
      return await readRedisSettings(this.client, REDIS_LIMITS.commandTimeoutMs);
    } catch (err) {
      if (err instanceof Error && err.name === 'ReplyError') {
        return judgeRedisSettings({ maxmemoryPolicy: null, aof: null });
      }
      throw err;
    }
  }

  /** Redis's answer to PING; the command timeout bounds the wait. */
  async ping(): Promise<string> {
    return pingRedis(this.client, REDIS_LIMITS.commandTimeoutMs);
  }

  async onApplicationShutdown(): Promise<void> {
    this.client.disconnect();
  }
}
