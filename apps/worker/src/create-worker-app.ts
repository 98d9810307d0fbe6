import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { boundedRedisOptions } from '@rectify/application';
import { type Database } from '@rectify/persistence';
import { Redis } from 'ioredis';
import { type WorkerConfig } from './config/worker-config';
import { RedisConnection } from './redis/redis-connection';
import { WorkerModule } from './worker.module';

/**
 * Builds the worker. It serves only a health endpoint over HTTP; its real work is BullMQ
 * processors, which start with `app.init()` (or `listen`). Start-up fails fast, before anything
 * else opens, when Redis cannot be reached.
 */
export async function createWorkerApp(
  config: WorkerConfig,
  quiet = false,
  sharedDatabase?: Database,
): Promise<INestApplication> {
  await assertRedisReachable(config.REDIS_URL);
  const app = await NestFactory.create(WorkerModule.forConfig(config, sharedDatabase), {
    logger: quiet ? false : ['log', 'warn', 'error'],
  });
  // A process hosting both apps (standalone) closes them itself, in order.
  if (!sharedDatabase) app.enableShutdownHooks();
  await app.get(RedisConnection).connect();
  return app;
}

async function assertRedisReachable(url: string): Promise<void> {
  const probe = new Redis(url, {
    ...boundedRedisOptions(),
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    await probe.ping();
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(
      `worker: cannot reach Redis at REDIS_URL=${url} (${reason}): start Redis or fix REDIS_URL.`,
    );
  } finally {
    probe.disconnect();
  }
}
