import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type Database } from '@rectify/persistence';
import { assertRedisReachable } from '@rectify/queue';
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
  await assertRedisReachable(config.REDIS_URL, 'worker');
  const app = await NestFactory.create(WorkerModule.forConfig(config, sharedDatabase), {
    logger: quiet ? false : ['log', 'warn', 'error'],
  });
  // A process hosting both apps (standalone) closes them itself, in order.
  if (!sharedDatabase) app.enableShutdownHooks();
  await app.get(RedisConnection).connect();
  return app;
}
