import { type INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { createTestDatabase } from './support/test-database';
import { readApiConfig } from '../apps/api/src/config/api-config';
import { createApiApp } from '../apps/api/src/create-api-app';
import { readWorkerConfig } from '../apps/worker/src/config/worker-config';
import { createWorkerApp } from '../apps/worker/src/create-worker-app';

// REDIS_URL comes from scripts/with-services.js, which runs a private redis-server for the tests.
const redisUrl = process.env.REDIS_URL;
if (!redisUrl) throw new Error('REDIS_URL is not set: run the tests with `npm test`, which starts Redis.');

describe('health endpoints', () => {
  describe('api', () => {
    let app: INestApplication;
    beforeAll(async () => {
      app = await createApiApp(
        readApiConfig({ NODE_ENV: 'test', DATABASE_URL: process.env.DATABASE_URL, REDIS_URL: redisUrl }),
      );
      await app.init();
    });
    afterAll(() => app.close());

    it('answers GET /api/health with status ok, database included, without logging in', async () => {
      const res = await request(app.getHttpServer()).get('/api/health').expect(200);
      expect(res.body.status).toBe('ok');
      expect(res.body.info.api.status).toBe('up');
      expect(res.body.info.database.status).toBe('up');
      // The tests' Redis is started like the product's own (scripts/services.js): nothing to warn.
      expect(res.body.info.redis).toEqual({
        status: 'up',
        reply: 'PONG',
        maxmemoryPolicy: 'noeviction',
        aof: true,
        warnings: [],
      });
    });
  });

  describe('worker', () => {
    let app: INestApplication;
    beforeAll(async () => {
      const database = await createTestDatabase();
      dropDatabase = database.drop;
      app = await createWorkerApp(
        readWorkerConfig({
          NODE_ENV: 'test',
          REDIS_URL: redisUrl,
          DATABASE_URL: database.url,
          SMTP_URL: 'smtp://127.0.0.1:1',
        }),
        true,
      );
      await app.init();
    });
    let dropDatabase: () => Promise<void>;
    afterAll(async () => {
      await app.close();
      await dropDatabase();
    });

    it('reports Redis up, the queue depths and the ledger figures on GET /health', async () => {
      const res = await request(app.getHttpServer()).get('/health').expect(200);
      expect(res.body.info.redis.status).toBe('up');
      expect(res.body.info.redis.reply).toBe('PONG');
      expect(res.body.info.redis).toMatchObject({ maxmemoryPolicy: 'noeviction', aof: true, warnings: [] });
      expect(res.body.info.queues.reminders).toEqual(expect.objectContaining({ delayed: 0, failed: 0 }));
      expect(res.body.info.ledger).toEqual({
        status: 'up',
        byStatus: { pending: 0, sending: 0, sent: 0, failed: 0, skipped: 0 },
        outboxWaiting: 0,
        outboxRetrying: 0,
        outboxFailed: 0,
      });
    });
  });

  it('refuses to start the worker when Redis cannot be reached, naming REDIS_URL', async () => {
    await expect(
      createWorkerApp(readWorkerConfig({ REDIS_URL: 'redis://127.0.0.1:1' }), true),
    ).rejects.toThrow(/cannot reach Redis at REDIS_URL=redis:\/\/127\.0\.0\.1:1/);
  });
});

describe('api health when Redis is down', () => {
  it('answers 503 naming Redis as down, and keeps serving', async () => {
    const app = await createApiApp(
      readApiConfig({
        NODE_ENV: 'test',
        DATABASE_URL: process.env.DATABASE_URL,
        REDIS_URL: 'redis://127.0.0.1:1',
      }),
    );
    await app.init();
    try {
      const res = await request(app.getHttpServer()).get('/api/health').expect(503);
      expect(res.body.code).toBe('UNHEALTHY');
      expect(res.body.message).toBe('服务不可用：redis 无法访问。');
      expect(res.body.details.error.redis.status).toBe('down');
      expect(res.body.details.info.database.status).toBe('up');
    } finally {
      await app.close();
    }
  });
});

describe('health on a Redis that may lose jobs', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startRedis } = require('../scripts/services') as {
    startRedis(opts: {
      dataDir: string;
      overrides?: string[];
    }): Promise<{ url: string; stop(): Promise<void> }>;
  };
  let dir: string;
  let redis: { url: string; stop(): Promise<void> };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rectify-evicting-redis-'));
    redis = await startRedis({
      dataDir: dir,
      overrides: ['--maxmemory-policy', 'allkeys-lru', '--appendonly', 'no'],
    });
  });
  afterAll(async () => {
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the eviction policy and the missing AOF with a warning each, in the API and the worker', async () => {
    const expected = {
      status: 'up',
      reply: 'PONG',
      maxmemoryPolicy: 'allkeys-lru',
      aof: false,
      warnings: [
        expect.stringContaining(
          'maxmemory-policy 为 allkeys-lru，内存不足时会丢弃提醒任务：请改为 noeviction',
        ),
        expect.stringContaining('未开启 AOF'),
      ],
    };
    const api = await createApiApp(
      readApiConfig({ NODE_ENV: 'test', DATABASE_URL: process.env.DATABASE_URL, REDIS_URL: redis.url }),
    );
    await api.init();
    try {
      const res = await request(api.getHttpServer()).get('/api/health').expect(200);
      expect(res.body.info.redis).toEqual(expected);
    } finally {
      await api.close();
    }
    const database = await createTestDatabase();
    const worker = await createWorkerApp(
      readWorkerConfig({
        NODE_ENV: 'test',
        REDIS_URL: redis.url,
        DATABASE_URL: database.url,
        SMTP_URL: 'smtp://127.0.0.1:1',
      }),
      true,
    );
    await worker.init();
    try {
      const res = await request(worker.getHttpServer()).get('/health').expect(200);
      expect(res.body.info.redis).toEqual(expected);
    } finally {
      await worker.close();
      await database.drop();
    }
  });
});
