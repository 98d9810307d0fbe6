import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type WorkerConfig } from './config/worker-config';
import { RedisConnection } from './redis/redis-connection';
import { WorkerModule } from './worker.module';

/**
 * Builds the worker. It serves only a health endpoint over HTTP; its real work is BullMQ
 * processors. Start-up fails fast when Redis cannot be reached.
 */
export async function createWorkerApp(config: WorkerConfig, quiet = false): Promise<INestApplication> {
  const app = await NestFactory.create(WorkerModule.forConfig(config), {
    logger: quiet ? false : ['log', 'warn', 'error'],
  });
  app.enableShutdownHooks();
  const redis = app.get(RedisConnection);
  try {
    await redis.connect();
  } catch (err) {
    // The app was never initialised, so its shutdown hooks would not run: stop reconnecting here.
    redis.client.disconnect();
    await app.close();
    const reason = err instanceof Error ? err.message : String(err);
    throw new Error(
      `worker: cannot reach Redis at REDIS_URL=${config.REDIS_URL} (${reason}): start Redis or fix REDIS_URL.`,
    );
  }
  return app;
}
