import { type Redis } from 'ioredis';
import { judgeRedisSettings, readRedisSettings } from './redis-settings';

function redisAnswering(sections: Record<string, string>): Redis {
  return { info: async (section: string) => sections[section] ?? '' } as unknown as Redis;
}

describe('Redis settings check', () => {
  it('finds nothing wrong with noeviction and AOF on', async () => {
    const redis = redisAnswering({
      memory: '# Memory\r\nused_memory:1\r\nmaxmemory_policy:noeviction\r\n',
      persistence: '# Persistence\r\naof_enabled:1\r\naof_rewrite_in_progress:0\r\n',
    });
    await expect(readRedisSettings(redis, 100)).resolves.toEqual({
      maxmemoryPolicy: 'noeviction',
      aof: true,
      warnings: [],
    });
  });

  it('warns, naming the policy, when Redis may evict keys and keeps no AOF', async () => {
    const redis = redisAnswering({
      memory: 'maxmemory_policy:allkeys-lru\r\n',
      persistence: 'aof_enabled:0\r\n',
    });
    const settings = await readRedisSettings(redis, 100);
    expect(settings).toMatchObject({ maxmemoryPolicy: 'allkeys-lru', aof: false });
    expect(settings.warnings).toEqual([
      expect.stringContaining('maxmemory-policy 为 allkeys-lru'),
      expect.stringContaining('未开启 AOF'),
    ]);
  });

  it('asks the operator to check what a managed Redis does not report', () => {
    const settings = judgeRedisSettings({ maxmemoryPolicy: null, aof: null });
    expect(settings.warnings).toEqual([
      expect.stringContaining('无法读取 Redis 的 maxmemory-policy'),
      expect.stringContaining('无法读取 Redis 是否开启 AOF'),
    ]);
  });

  it('gives up on a Redis that does not answer INFO', async () => {
    const silent = { info: () => new Promise<string>(() => undefined) } as unknown as Redis;
    await expect(readRedisSettings(silent, 20)).rejects.toThrow('no answer within 20 ms');
  });
});
