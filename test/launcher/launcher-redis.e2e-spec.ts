import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';

// Which Redis `npm start` (scripts/start.js) gives the apps (issue 20, part 5). start.js itself
// builds the whole product before it gets there, so its Redis decision is tested here, in the
// function it calls, as redis-supervision.e2e-spec.ts tests the supervision.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { redisForLauncher } = require('../../scripts/launcher-redis') as {
  redisForLauncher(opts: {
    redisUrl?: string;
    dataDir: string;
    isStopping: () => boolean;
    onGiveUp: () => unknown;
  }): Promise<{ url: string; private: boolean; stop(): Promise<void> }>;
};

/** What the launcher writes to stderr while `run` runs. */
async function stderrOf<T>(run: () => Promise<T>): Promise<{ value: T; output: string }> {
  const chunks: string[] = [];
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  try {
    return { value: await run(), output: chunks.join('') };
  } finally {
    spy.mockRestore();
  }
}

describe('the Redis that npm start gives the apps', () => {
  let dir: string;
  beforeEach(() => (dir = join(mkdtempSync(join(tmpdir(), 'rectify-launcher-redis-')), 'redis')));
  afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  it('uses the Redis REDIS_URL names, starts no private one and says which it uses without the password', async () => {
    const external = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    external.password = 'not-for-logs';
    const { value: redis, output } = await stderrOf(() =>
      redisForLauncher({
        redisUrl: external.toString(),
        dataDir: dir,
        isStopping: () => false,
        onGiveUp: () => undefined,
      }),
    );
    try {
      expect(redis).toMatchObject({ url: external.toString(), private: false });
      expect(output).toContain(`REDIS_URL (redis://:***@${external.host})`);
      expect(output).not.toContain('not-for-logs');
      // A private server would have made its data folder (AOF, pid file, log).
      expect(() => readdirSync(dir)).toThrow(/ENOENT/);
    } finally {
      await redis.stop();
    }
  });

  it('starts a private Redis with its data in .run when REDIS_URL is not set, never evicting and with AOF, and stops it', async () => {
    const { value: redis } = await stderrOf(() =>
      redisForLauncher({ dataDir: dir, isStopping: () => true, onGiveUp: () => undefined }),
    );
    try {
      expect(redis.private).toBe(true);
      const client = new Redis(redis.url, { maxRetriesPerRequest: 1 });
      expect(await client.ping()).toBe('PONG');
      // BullMQ loses jobs under any other policy; the AOF keeps them across a restart.
      expect(await client.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'noeviction']);
      expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
      expect(await client.config('GET', 'appendfsync')).toEqual(['appendfsync', 'everysec']);
      client.disconnect();
      expect(readdirSync(dir)).toContain('redis.pid');
    } finally {
      await redis.stop();
    }
  });
});
