import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  createRedisClient,
  judgeRedisSettings,
  pingRedis,
  readRedisSettings,
  type RedisSettings,
} from '@rectify/queue';
import { type Redis } from 'ioredis';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

/**
 * Answers whether Redis (the reminder queues' store) is reachable; null when none is configured.
 * Its connection has bounded connect and command timeouts, so a paused Redis costs a health
 * check at most `timeoutMs` and leaves nothing waiting behind it.
 */
@Injectable()
export class RedisProbe implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly client: Redis | null;
  private connecting: Promise<void> | null = null;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    // Failures show in the health check (createRedisClient swallows 'error' events).
    this.client = config.REDIS_URL ? createRedisClient(config.REDIS_URL) : null;
  }

  get configured(): boolean {
    return this.client !== null;
  }

  async ping(timeoutMs = 1000): Promise<string> {
    return pingRedis(await this.connected(), timeoutMs);
  }

  /**
   * The settings the queues depend on (maxmemory-policy, AOF) with their warnings; when Redis
   * refuses INFO the settings are unknown and the warnings say what to check by hand. Rejects
   * like `ping` when Redis does not answer.
   */
  async settings(timeoutMs = 1000): Promise<RedisSettings> {
    const client = await this.connected();
    try {
      return await readRedisSettings(client, timeoutMs);
    } catch (err) {
      if (isReplyError(err)) return judgeRedisSettings({ maxmemoryPolicy: null, aof: null });
      throw err;
    }
  }

  /**
   * Says once at start what is wrong with Redis's settings, where an operator reads it; not
   * awaited, so an unreachable Redis does not hold the API back (its health check says so).
   */
  onApplicationBootstrap(): void {
    if (!this.client) return;
    void this.settings()
      .then(({ warnings }) => warnings.forEach((warning) => new Logger('redis').warn(warning)))
      .catch(() => undefined);
  }

  /** The client, connected (commands are not queued while it is not); one attempt at a time. */
  private async connected(): Promise<Redis> {
    const client = this.client;
    if (!client) throw new Error('REDIS_URL is not set');
    if (client.status === 'wait' || client.status === 'end') {
      this.connecting ??= client.connect().finally(() => (this.connecting = null));
    }
    if (this.connecting) await this.connecting;
    return client;
  }

  onApplicationShutdown(): void {
    this.client?.disconnect();
  }
}

/** An error Redis answered (e.g. INFO disabled by a managed service), not a lost connection. */
const isReplyError = (err: unknown) => err instanceof Error && err.name === 'ReplyError';
