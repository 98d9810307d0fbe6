import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { boundedRedisOptions } from '@rectify/application';
import { Redis } from 'ioredis';
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
    const bounded = boundedRedisOptions();
    this.client = new Redis(config.REDIS_URL, {
      ...bounded,
      lazyConnect: true,
      // Fail fast at start-up; once connected, ride out Redis restarts.
      retryStrategy: (attempt) => (this.established ? bounded.retryStrategy(attempt) : null),
    });
    // Failures show in the health check; they must not crash the worker through an unhandled event.
    this.client.on('error', () => undefined);
  }

  async connect(): Promise<void> {
    await this.client.connect();
    await this.client.ping();
    this.established = true;
  }

  async ping(): Promise<string> {
    return this.client.ping();
  }

  async onApplicationShutdown(): Promise<void> {
    this.client.disconnect();
  }
}
