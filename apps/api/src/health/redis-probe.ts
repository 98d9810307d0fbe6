import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createRedisClient, pingRedis } from '@rectify/queue';
import { type Redis } from 'ioredis';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

/**
 * Answers whether Redis (the reminder queues' store) is reachable; null when none is configured.
 * Its connection has bounded connect and command timeouts, so a paused Redis costs a health
 * check at most `timeoutMs` and leaves nothing waiting behind it.
 */
@Injectable()
export class RedisProbe implements OnApplicationShutdown {
  private readonly client: Redis | null;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    // Failures show in the health check (createRedisClient swallows 'error' events).
    this.client = config.REDIS_URL ? createRedisClient(config.REDIS_URL) : null;
  }

  get configured(): boolean {
    return this.client !== null;
  }

  async ping(timeoutMs = 1000): Promise<string> {
    if (!this.client) throw new Error('REDIS_URL is not set');
    if (this.client.status === 'wait' || this.client.status === 'end') await this.client.connect();
    return pingRedis(this.client, timeoutMs);
  }

  onApplicationShutdown(): void {
    this.client?.disconnect();
  }
}
