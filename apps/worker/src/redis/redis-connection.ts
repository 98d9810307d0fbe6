import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { WORKER_CONFIG, type WorkerConfig } from '../config/worker-config';

/** The worker's one Redis connection; BullMQ processors will share its options. */
@Injectable()
export class RedisConnection implements OnApplicationShutdown {
  readonly client: Redis;
  private established = false;

  constructor(@Inject(WORKER_CONFIG) config: WorkerConfig) {
    this.client = new Redis(config.REDIS_URL, {
      // BullMQ workers require maxRetriesPerRequest: null on their connection.
      maxRetriesPerRequest: null,
      lazyConnect: true,
      // Fail fast at start-up; once connected, ride out Redis restarts.
      retryStrategy: (attempt) => (this.established ? Math.min(attempt * 200, 2000) : null),
    });
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
