import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';

// The launcher of `npm start` keeps its private Redis running (issue 13, part 7).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startRedis, superviseRedis } = require('../../scripts/services') as {
  startRedis(opts: { dataDir: string; port?: number }): Promise<ManagedRedis>;
  superviseRedis(
    first: ManagedRedis,
    opts: { dataDir: string; isStopping: () => boolean; onGiveUp: () => unknown; maxDeaths?: number },
  ): { current(): ManagedRedis; restarted(listener: (r: ManagedRedis) => void): void };
};

interface ManagedRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
  exited: Promise<number | string>;
}

function pidOf(redis: ManagedRedis): Promise<number> {
  const client = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  return client
    .connect()
    .then(() => client.info('server'))
    .then((info) => Number(/process_id:(\d+)/.exec(info)?.[1]))
    .finally(() => client.disconnect());
}

describe('the launcher’s Redis supervision', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'rectify-redis-sup-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('starts Redis again on the same port with its data when it is killed', async () => {
    const first = await startRedis({ dataDir: dir });
    const client = new Redis(first.url);
    await client.set('kept', 'yes');
    const gaveUp = jest.fn();
    // Set before the final stop, as the launcher does: otherwise the supervisor starts it once more.
    let stopping = false;
    const supervised = superviseRedis(first, { dataDir: dir, isStopping: () => stopping, onGiveUp: gaveUp });
    const restarted = new Promise<ManagedRedis>((done) => supervised.restarted(done));
    process.kill(await pidOf(first), 'SIGKILL');
    const second = await restarted;
    try {
      expect(second.port).toBe(first.port);
      const after = new Redis(second.url);
      expect(await after.get('kept')).toBe('yes');
      after.disconnect();
      expect(gaveUp).not.toHaveBeenCalled();
    } finally {
      client.disconnect();
      stopping = true;
      await supervised.current().stop();
    }
  });

  it('stops trying and says so when Redis keeps dying', async () => {
    const first = await startRedis({ dataDir: dir });
    let gaveUp!: () => void;
    const givenUp = new Promise<void>((done) => (gaveUp = done));
    const supervised = superviseRedis(first, {
      dataDir: dir,
      isStopping: () => false,
      onGiveUp: gaveUp,
      maxDeaths: 2,
    });
    supervised.restarted(async (again) => process.kill(await pidOf(again), 'SIGKILL'));
    process.kill(await pidOf(first), 'SIGKILL');
    await givenUp;
    await supervised.current().stop();
  });

  it('stops the redis-server a killed launcher left on the data folder before starting another', async () => {
    const leftover = await startRedis({ dataDir: dir });
    const next = await startRedis({ dataDir: dir });
    try {
      expect(await leftover.exited).toBeDefined();
      const client = new Redis(next.url);
      expect(await client.ping()).toBe('PONG');
      client.disconnect();
    } finally {
      await next.stop();
    }
  });

  it('leaves Redis stopped when the product is stopping', async () => {
    const first = await startRedis({ dataDir: dir });
    const restartedWith = jest.fn();
    const supervised = superviseRedis(first, { dataDir: dir, isStopping: () => true, onGiveUp: jest.fn() });
    supervised.restarted(restartedWith);
    await first.stop();
    await first.exited;
    await new Promise((r) => setImmediate(r));
    expect(restartedWith).not.toHaveBeenCalled();
  });
});
