import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { boundedRedisOptions } from '@rectify/application';
import { Redis } from 'ioredis';
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
    this.client = config.REDIS_URL
      ? new Redis(config.REDIS_URL, { ...boundedRedisOptions(), lazyConnect: true })
      : null;
    // Failures show in the health check; they must not crash the API through an unhandled event.
    this.client?.on('error', () => undefined);
  }

  get configured(): boolean {
    return this.client !== null;
  }

  async ping(timeoutMs = 1000): Promise<string> {
    if (!this.client) throw new Error('REDIS_URL is not set');
    if (this.client.status === 'wait' || this.client.status === 'end') await this.client.connect();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    return Promise.race([this.client.ping(), timeout]).finally(() => clearTimeout(timer));
  }

  onApplicationShutdown(): void {
    this.client?.disconnect();
  }
}
